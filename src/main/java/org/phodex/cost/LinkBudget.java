package org.phodex.cost;

import java.util.List;
import org.phodex.arch.Family;
import org.phodex.arch.LossTerm;
import org.phodex.devices.DeviceLibrary;
import org.phodex.photonics.DetectorNoise;
import org.phodex.photonics.DetectorParams;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * The link budget of a design (docs/physics.md sec. 5): worst optical path, the received power a detector needs for
 * the ADC's resolution, and the laser power that delivers it. The functional simulation uses
 * {@link #receivedPowerW()} exactly, so less laser power means more detector noise.
 *
 * @param pathLossDb        total loss of the worst path, laser to detector (without the power split)
 * @param minReceivedPowerW full-scale power at one detector for which detector noise meets the ADC's SNR
 * @param receivedPowerW    the power the laser actually delivers to one detector at full scale
 * @param lineOpticalW      optical power one laser line must launch (per wavelength and core)
 * @param laserOpticalW     optical laser power of the whole chip (all cores, lines, and local oscillators)
 * @param laserElectricalW  electrical laser power (optical / wall-plug efficiency)
 * @param model             the laser_model parameter: "noise" (default, noise-derived) or "crosslight" (heuristic)
 * @param photonEnergyJ     energy of one photon at the laser wavelength, h c / lambda
 * @param symbolTimeS       one symbol period (one detector reading), 1 / f_mod
 */
public record LinkBudget(List<LossTerm> path, double pathLossDb, double targetSnrDb, double minReceivedPowerW,
                         double receivedPowerW, double lineOpticalW, double laserOpticalW, double laserElectricalW, String model,
                         DetectorParams detector, double photonEnergyJ, double symbolTimeS) {

    /** Detector parameters at the design's symbol rate: noise bandwidth f_mod / 2 (docs/physics.md sec. 4). */
    public static DetectorParams detector(Design d, DeviceLibrary lib) {
        double rateHz = d.getDouble(Params.MODULATION_GHZ) * 1e9;
        return new DetectorParams(lib.value("photodetector", "responsivity_a_per_w"),
                lib.value("photodetector", "dark_current_a"), rateHz / 2,
                lib.value("tia", "feedback_resistance_ohm"), lib.value("constants", "temperature_k"),
                lib.value("constants", "electron_charge_c"), lib.value("constants", "boltzmann_j_per_k"));
    }

    /** A family without optics: no path, no laser, no photons (the JSON shows zeros and model "none"). */
    public static LinkBudget none() {
        // no photons: an infinite photon energy makes photonsPerReading() exactly 0
        return new LinkBudget(List.of(), 0, Double.NaN, 0, 0, 0, 0, 0, "none", null, Double.POSITIVE_INFINITY, 0);
    }

    public static LinkBudget of(Design d, Family f, DeviceLibrary lib) {
        List<LossTerm> path = f.worstPath(d, lib);
        double lossDb = 0;
        for (LossTerm t : path) {
            lossDb += t.lossDb();
        }
        double transmission = Math.pow(10, -lossDb / 10);
        int adcBits = d.getInt(Params.ADC_BITS);
        DetectorParams det = detector(d, lib);
        double snrDb = DetectorNoise.requiredSnrDb(adcBits);
        double pMin = DetectorNoise.minReceivedPowerW(snrDb, det);
        double eta = lib.value("laser", "wall_plug_efficiency");
        int cores = d.getInt(Params.CORES);
        // a homodyne receiver needs a local oscillator: model assumption, it costs as much laser power as the signal
        double loFactor = f.coherent() ? 2 : 1;
        double margin = Math.pow(10, d.getDouble(Params.LASER_MARGIN_DB) / 10);
        String model = d.has(Params.LASER_MODEL) ? d.getString(Params.LASER_MODEL) : "noise";

        // the named laser sizing (noise-link-budget or crosslight) gives one line's optical power
        double lineOpticalW = Estimators.laserSizing(d).lineOpticalW(d, f, lib, path, lossDb, pMin, margin);
        double received = lineOpticalW * transmission / f.fanout(d);
        double chipOpticalW = lineOpticalW * f.laserLines(d) * loFactor * cores;
        return new LinkBudget(path, lossDb, snrDb, pMin, received, lineOpticalW, chipOpticalW, chipOpticalW / eta, model, det,
                photonEnergyJ(lib), 1 / (d.getDouble(Params.MODULATION_GHZ) * 1e9));
    }

    /** E_photon = h c / lambda at the laser's wavelength (J). */
    public static double photonEnergyJ(DeviceLibrary lib) {
        return lib.value("constants", "planck_j_s") * lib.value("constants", "speed_of_light_m_per_s")
                / (lib.value("laser", "wavelength_nm") * 1e-9);
    }

    /** Photons one detector receives at full scale during one reading (one symbol period). */
    public double photonsPerReading() {
        return receivedPowerW * symbolTimeS / photonEnergyJ;
    }
}
