package org.phodex.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.phodex.arch.DeviceCounts;
import org.phodex.arch.Family;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.workload.DigitalOps;
import org.phodex.workload.Gemm;
import org.phodex.workload.Operands;
import org.phodex.workload.Workload;

/**
 * Energy, latency and area per inference (docs/physics.md sec. 7): count, then price. {@link ActionCounts} says what
 * the design does; the estimator {@link Estimators} picks for each component prices it and names the device
 * entries it used; the energy is their sum.
 */
public final class CostModel {
    public static final List<String> COMPONENTS = List.of("laser", "dac", "modulator", "detector_tia", "adc",
            "digital", "weight_hold", "weight_program", "accumulator", "io_buffer", "global_buffer", "noc", "dram",
            "leakage", "standby", "controller");

    /** The lines of a digital MAC array's breakdown. */
    public static final List<String> DIGITAL_COMPONENTS = List.of("mac", "digital", "accumulator", "io_buffer",
            "global_buffer", "noc", "dram", "leakage", "controller");

    /** Every line any family reports: the search's {@code breakdown_<component>_j} columns. */
    public static final List<String> ALL_COMPONENTS = java.util.stream.Stream.concat(COMPONENTS.stream(),
            DIGITAL_COMPONENTS.stream()).distinct().toList();

    private CostModel() {
    }

    /**
     * Area of one core (um^2): its compute (a digital array's PEs at Horowitz 45 nm areas; a photonic core's
     * devices and converters at their footprints) plus its own SRAM (accumulators and I/O buffer).
     */
    static double coreAreaUm2(Design d, Family f, DeviceLibrary lib, MemoryHierarchy mem) {
        double sram = 0;
        for (MemoryHierarchy.Level l : mem.levels().values()) {
            if (Double.isFinite(l.capacityBytes()) && !l.name().equals(MemoryHierarchy.GLOBAL_BUFFER)) {
                sram += l.capacityBytes() * MemoryHierarchy.sramUm2PerByte(lib);
            }
        }
        if (!f.photonic()) {
            double peUm2 = IntegerArithmetic.macAreaUm2(lib, d.getInt(Params.WEIGHT_BITS),
                    d.getInt(Params.ACTIVATION_BITS), d.getInt(Params.ACCUMULATOR_BITS));
            return peUm2 * f.tileRows(d) * f.tileCols(d) + sram;
        }
        DeviceCounts perCore = f.counts(d);
        String modulator = f.modulatorDevice();
        return perCore.mzis() * lib.value("mzi", "footprint_um2")
                + perCore.rings() * lib.value("microring", "footprint_um2")
                + perCore.modulators() * lib.value(modulator, "footprint_um2")
                + perCore.detectors() * lib.value("photodetector", "footprint_um2")
                + perCore.tias() * lib.value("tia", "area_um2")
                + perCore.adcs() * lib.value("adc", "area_um2")
                + perCore.dacs() * lib.value("dac", "area_um2")
                + sram;
    }

    /** A workload's GEMMs, with which weights are dynamic and which inputs are signed taken from its operands. */
    public static CostReport evaluate(Design d, Family f, DeviceLibrary lib, Workload w) {
        CostReport whole = evaluate(d, f, lib, w, g -> true, w.digitalOps());
        return whole.withAttentionEnergyJ(AttentionShare.energyJ(d, f, lib, w));
    }

    /**
     * The workload's GEMMs that {@code keep} selects (by index), each with its operands' dynamic-weight and
     * signed-input flags, plus {@code digitalOps}.
     */
    static CostReport evaluate(Design d, Family f, DeviceLibrary lib, Workload w, IntPredicate keep,
                               DigitalOps digitalOps) {
        List<Gemm> gemms = new ArrayList<>();
        List<Operands> operands = new ArrayList<>();
        for (int g = 0; g < w.gemms().size(); g++) {
            if (keep.test(g)) {
                gemms.add(w.gemms().get(g));
                operands.add(w.operands(g));
            }
        }
        boolean[] dynamic = new boolean[gemms.size()];
        boolean[] signed = new boolean[gemms.size()];
        for (int i = 0; i < dynamic.length; i++) {
            dynamic[i] = operands.get(i).dynamicWeights();
            signed[i] = operands.get(i).signedInputs();
        }
        return evaluate(d, f, lib, gemms, dynamic, signed, digitalOps);
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
        if (f.photonic()) {
            double rateHz = d.getDouble(Params.MODULATION_GHZ) * 1e9;
            String modulator = f.modulatorDevice();
            double modRateHz = lib.value(modulator, "max_rate_hz");
            if (rateHz > modRateHz) {
                throw new IllegalArgumentException(String.format("modulation_ghz = %.3g exceeds the %s's maximum "
                        + "rate %.3g GHz (devices.%s.max_rate_hz)", rateHz / 1e9, modulator, modRateHz / 1e9,
                        modulator));
            }
        }
        ActionCounts counts = ActionCounts.count(d, f, lib, gemms, dynamicWeights, signedInputs, digitalOps);
        LinkBudget link = f.photonic() ? LinkBudget.of(d, f, lib) : LinkBudget.none();
        Estimator.Context context = new Estimator.Context(d, f, lib, link);

        Map<String, Priced> priced = new LinkedHashMap<>();
        Estimators.forDesign(d, f, lib).forEach((component, estimator) ->
                priced.put(component, estimator.price(counts, context)));
        double energy = 0;
        for (Priced p : priced.values()) {
            energy += p.energyJ();
        }

        int cores = d.getInt(Params.CORES);
        MemoryHierarchy.Level global = counts.memory().level(MemoryHierarchy.GLOBAL_BUFFER);
        double globalUm2 = global.capacityBytes() * global.instances() * MemoryHierarchy.sramUm2PerByte(lib);
        double areaMm2 = (coreAreaUm2(d, f, lib, counts.memory()) * cores + globalUm2) * 1e-6;
        return new CostReport(priced, counts, energy, areaMm2, link);
    }

}
