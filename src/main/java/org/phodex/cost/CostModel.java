package org.phodex.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phodex.arch.DeviceCounts;
import org.phodex.arch.Family;
import org.phodex.devices.Device;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.workload.DigitalOps;
import org.phodex.workload.Gemm;

/**
 * Energy, latency and area per inference (docs/physics.md sec. 7). Every component is its own line of the breakdown
 * and names the device entries it used. A layer with M input vectors, inner size K and N outputs on r x c tiles
 * needs ceil(K/c) ceil(N/r) tiles and M shots per tile; cycles = shots / (cores x parallel vectors).
 */
public final class CostModel {
    public static final List<String> COMPONENTS = List.of("laser", "dac", "modulator", "detector_tia", "adc",
            "digital", "weight_hold", "weight_program", "sram", "dram");

    private CostModel() {
    }

    /** A workload's GEMMs, with which weights are dynamic and which inputs are signed taken from its operands. */
    public static CostReport evaluate(Design d, Family f, DeviceLibrary lib, org.phodex.workload.Workload w) {
        boolean[] dynamic = new boolean[w.gemms().size()];
        boolean[] signed = new boolean[dynamic.length];
        for (int g = 0; g < dynamic.length; g++) {
            dynamic[g] = w.operands(g).dynamicWeights();
            signed[g] = w.operands(g).signedInputs();
        }
        return evaluate(d, f, lib, w.gemms(), dynamic, signed, w.digitalOps());
    }

    /** All weights static (loaded once per batch). */
    public static CostReport evaluate(Design d, Family f, DeviceLibrary lib, List<Gemm> gemms) {
        return evaluate(d, f, lib, gemms, new boolean[gemms.size()], new boolean[gemms.size()]);
    }

    /**
     * @param dynamicWeights per GEMM: true when its "weights" are activations that change with every inference
     *                       (attention's Q K^T and P V): they are programmed per inference, not once per batch
     * @param signedInputs   per GEMM: true when inputs take negative values; an intensity-modulated (incoherent)
     *                       family then runs every shot twice, for the positive and the negative part
     */
    public static CostReport evaluate(Design d, Family f, DeviceLibrary lib, List<Gemm> gemms,
                                      boolean[] dynamicWeights, boolean[] signedInputs) {
        return evaluate(d, f, lib, gemms, dynamicWeights, signedInputs, DigitalOps.NONE);
    }

    /**
     * As above, plus the digital operations outside the GEMMs (softmax, layer norm, GELU, ...), charged to the
     * {@code digital} line at the device library's fp32 add, multiply and special-function energies.
     */
    public static CostReport evaluate(Design d, Family f, DeviceLibrary lib, List<Gemm> gemms,
                                      boolean[] dynamicWeights, boolean[] signedInputs, DigitalOps digitalOps) {
        f.validate(d, lib);
        int r = f.tileRows(d);
        int c = f.tileCols(d);
        int cores = d.getInt(Params.CORES);
        int parallel = f.parallelVectors(d);
        int batch = d.has(Params.BATCH) ? d.getInt(Params.BATCH) : 1;
        double rateHz = d.getDouble(Params.MODULATION_GHZ) * 1e9;
        int dacBits = d.getInt(Params.DAC_BITS);
        int adcBits = d.getInt(Params.ADC_BITS);
        int weightBits = d.getInt(Params.WEIGHT_BITS);
        String modulator = f.coherent() ? "modulator_mzm" : "modulator_mrr";
        double modRateHz = lib.value(modulator, "max_rate_hz");
        if (rateHz > modRateHz) {
            throw new IllegalArgumentException(String.format("modulation_ghz = %.3g exceeds the %s's maximum rate "
                    + "%.3g GHz (devices.%s.max_rate_hz)", rateHz / 1e9, modulator, modRateHz / 1e9, modulator));
        }

        double shots = 0;
        double dacConversions = 0;
        double adcConversions = 0;
        double partialAdds = 0;
        double outputs = 0;
        double sramWords = 0;
        double weightBytes = 0;
        long tiles = 0;
        long dynamicTiles = 0;
        long macs = 0;
        for (int gi = 0; gi < gemms.size(); gi++) {
            Gemm g = gemms.get(gi);
            boolean dynamic = dynamicWeights[gi];
            long colBlocks = ceilDiv(g.inner(), c);
            long rowBlocks = ceilDiv(g.outputs(), r);
            long t = colBlocks * rowBlocks * g.count();
            int passes = signedInputs[gi] && !f.coherent() ? 2 : 1;
            double s = (double) g.rows() * t * passes;
            if (dynamic) {
                dynamicTiles += t;
            } else {
                tiles += t;
            }
            shots += s;
            dacConversions += s * c;
            adcConversions += s * r;
            double outs = (double) g.rows() * g.outputs() * g.count();
            outputs += outs;
            partialAdds += outs * (colBlocks - 1);
            double actBytes = Math.ceil(dacBits / 8.0);
            // each tile reads its input slice; outputs written once; partial sums (4 B) read and written
            sramWords += ((double) g.rows() * g.inner() * rowBlocks * g.count() * actBytes + outs * actBytes
                    + outs * (colBlocks - 1) * 2 * 4) / 8;
            double wBytes = (double) g.inner() * g.outputs() * g.count() * Math.ceil(weightBits / 8.0);
            if (dynamic) {
                sramWords += wBytes / 8; // activations used as weights come from the buffer, every inference
            } else {
                weightBytes += wBytes;
            }
            macs += g.macs();
        }
        double cycles = Math.ceil(shots / ((double) cores * parallel));
        double computeTimeS = cycles / rateHz;

        DeviceCounts perCore = f.counts(d);
        String weightDevice = f.weightDevice(d);
        double reconfigS = weightDevice == null ? lib.value("thermo_optic", "reconfiguration_time_s")
                : lib.value(weightDevice, "reconfiguration_time_s");
        String reconfigDevice = weightDevice == null ? "thermo_optic" : weightDevice;
        // static weights are loaded once per batch, dynamic ones every inference; tiles beyond the cores in rounds
        double rounds = Math.ceil((double) tiles / cores);
        double dynamicRounds = Math.ceil((double) dynamicTiles / cores);
        double latencyS = computeTimeS + rounds * reconfigS / batch + dynamicRounds * reconfigS;

        LinkBudget link = LinkBudget.of(d, f, lib);
        Device dac = lib.device("dac");
        Device adc = lib.device("adc");
        Map<String, Double> e = new LinkedHashMap<>();
        Map<String, List<String>> used = new LinkedHashMap<>();

        e.put("laser", link.laserElectricalW() * computeTimeS);
        java.util.LinkedHashSet<String> laserDevices = new java.util.LinkedHashSet<>(List.of("laser", "photodetector",
                "tia", "constants"));
        link.path().forEach(t -> laserDevices.add(t.device()));
        if (weightDevice != null) {
            laserDevices.add(weightDevice);
        }
        used.put("laser", List.copyOf(laserDevices));

        e.put("dac", dacConversions * Converters.energyPerConversionJ(dac, dacBits, rateHz));
        used.put("dac", List.of("dac"));

        // a b-bit symbol carries b bits: model assumption energy_per_bit x dac_bits per symbol
        e.put("modulator", dacConversions * lib.value(modulator, "energy_per_bit_j") * dacBits);
        used.put("modulator", List.of(modulator));

        // the TIA is on for one symbol period per conversion
        e.put("detector_tia", adcConversions * lib.value("tia", "power_w") / rateHz);
        used.put("detector_tia", List.of("photodetector", "tia"));

        e.put("adc", adcConversions * Converters.energyPerConversionJ(adc, adcBits, rateHz));
        used.put("adc", List.of("adc"));

        // partial sums of tiled K plus one bias add per output, 32-bit
        e.put("digital", (partialAdds + outputs) * lib.value("digital", "add32_energy_j")
                + digitalOps.adds() * lib.value("digital", "fp32_add_energy_j")
                + digitalOps.mults() * lib.value("digital", "fp32_mult_energy_j")
                + digitalOps.specials() * lib.value("digital", "fp32_special_energy_j"));
        used.put("digital", List.of("digital"));

        double holdW;
        long weightCells;
        if (weightDevice == null) {
            weightCells = perCore.rings();
            holdW = perCore.rings() * lib.value("microring", "hold_power_w");
            used.put("weight_hold", List.of("microring"));
        } else {
            weightCells = perCore.phaseShifters();
            // P_pi x phase / pi per shifter; phases uniform in [0, 2 pi) average pi -> P_pi
            holdW = perCore.phaseShifters() * lib.value(weightDevice, "power_per_pi_w");
            used.put("weight_hold", List.of(weightDevice));
        }
        e.put("weight_hold", holdW * cores * latencyS);

        double writeJ = weightDevice == null ? 0 : lib.value(weightDevice, "write_energy_j");
        double perCellJ = writeJ + Converters.energyPerConversionJ(dac, weightBits, 1.0 / reconfigS);
        e.put("weight_program", ((double) tiles / batch + dynamicTiles) * weightCells * perCellJ);
        used.put("weight_program", weightDevice == null ? List.of("dac") : List.of(weightDevice, "dac"));

        e.put("sram", sramWords * lib.value("sram", "access_energy_64b_j"));
        used.put("sram", List.of("sram"));

        e.put("dram", weightBytes / 8 * lib.value("dram", "access_energy_64b_j") / batch);
        used.put("dram", List.of("dram"));

        double energy = 0;
        for (double v : e.values()) {
            energy += v;
        }

        double um2 = perCore.mzis() * lib.value("mzi", "footprint_um2")
                + perCore.rings() * lib.value("microring", "footprint_um2")
                + perCore.modulators() * lib.value(modulator, "footprint_um2")
                + perCore.detectors() * lib.value("photodetector", "footprint_um2")
                + perCore.tias() * lib.value("tia", "area_um2")
                + perCore.adcs() * lib.value("adc", "area_um2")
                + perCore.dacs() * lib.value("dac", "area_um2");
        double areaMm2 = (um2 * cores + lib.value("sram", "area_um2")) * 1e-6;
        return new CostReport(e, used, energy, macs, latencyS, computeTimeS, areaMm2, link, tiles + dynamicTiles,
                shots);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
