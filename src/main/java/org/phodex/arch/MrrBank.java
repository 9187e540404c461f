package org.phodex.arch;

import java.util.ArrayList;
import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.sim.TileRealization;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * Broadcast-and-weight microring bank (Tait et al. 2017): K inputs on K wavelengths, broadcast to R rows,
 * each row a bank of K rings; balanced detection of drop and through gives a signed weight. Tile R x K.
 */
public final class MrrBank implements Family {
    public static final String NAME = "mrr-bank";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String layoutName() {
        return "mrr";
    }

    @Override
    public List<String> parameters() {
        return List.of(Params.RING_Q, Params.CHANNEL_SPACING_NM);
    }

    private static int rows(Design d) {
        return d.getInt(Params.MESH_SIZE);
    }

    private static int k(Design d) {
        return d.getInt(Params.WAVELENGTHS);
    }

    @Override
    public int tileRows(Design d) {
        return rows(d);
    }

    @Override
    public int tileCols(Design d) {
        return k(d);
    }

    @Override
    public int parallelVectors(Design d) {
        return 1;
    }

    @Override
    public DeviceCounts counts(Design d) {
        long r = rows(d);
        long k = k(d);
        return new DeviceCounts(0, 0, r * k, k, 2 * r, r, r, k, 0);
    }

    @Override
    public int opticalDepth(Design d) {
        return k(d);
    }

    @Override
    public List<LossTerm> worstPath(Design d, DeviceLibrary lib) {
        int r = rows(d);
        int k = k(d);
        List<LossTerm> t = new ArrayList<>();
        t.add(new LossTerm("laser coupling", lib.value("laser", "coupling_loss_db"), "laser"));
        t.add(new LossTerm("input modulator", lib.value("modulator_mrr", "insertion_loss_db"), "modulator_mrr"));
        t.add(new LossTerm("WDM mux", lib.value("wdm_mux", "insertion_loss_db"), "wdm_mux"));
        double stages = Math.ceil(Math.log(r) / Math.log(2));
        t.add(new LossTerm("broadcast splitter excess (" + (int) stages + " stages)",
                stages * lib.value("y_branch", "excess_loss_db"), "y_branch"));
        t.add(new LossTerm("weight rings passed (" + k + ")", k * lib.value("microring", "insertion_loss_db"),
                "microring"));
        return t;
    }

    /** Each laser line is broadcast to R rows; a detector at full scale collects K lines: R / K. */
    @Override
    public double fanout(Design d) {
        return (double) rows(d) / k(d);
    }

    @Override
    public int laserLines(Design d) {
        return k(d);
    }

    @Override
    public boolean coherent() {
        return false;
    }

    @Override
    public String modulatorDevice() {
        return "modulator_mrr";
    }

    /**
     * Broadcast-and-weight: the WDM bus carrying the K modulated inputs is split to every weight bank it feeds
     * (Tait et al. 2014/2017), so one buffer read and one modulation serve all banks of a column block at once.
     */
    @Override
    public boolean broadcastsInputs() {
        return true;
    }

    /** Rings are tuned by heaters: reprogramming is as slow as a thermo-optic shifter. */
    @Override
    public WeightCells weightCells(Design d) {
        return new WeightCells(WeightCells.Kind.RING, "microring", counts(d).rings(), "thermo_optic", 1.0);
    }

    @Override
    public TileRealization tile(Design d, DeviceLibrary lib) {
        return new TileRealization.RingBank(new org.phodex.photonics.MrrBank(d.getDouble(Params.RING_Q),
                d.getDouble(Params.CHANNEL_SPACING_NM), lib.value("laser", "wavelength_nm"),
                d.getInt(Params.WEIGHT_BITS), lib.value("microring", "resonance_sigma_nm"), feedback(d)));
    }

    /** mrr_calibration: feedback (absent: none, the conservative choice). */
    static boolean feedback(Design d) {
        return d.has(Params.MRR_CALIBRATION) && d.getString(Params.MRR_CALIBRATION).equals("feedback");
    }
}
