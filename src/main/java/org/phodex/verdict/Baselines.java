package org.phodex.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.phodex.arch.Families;
import org.phodex.cost.DigitalBaseline;
import org.phodex.devices.DeviceLibrary;
import org.phodex.evaluation.BatchMatched;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.EvaluationResult;
import org.phodex.evaluation.Evaluator;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * Every baseline a design is compared with, side by side and labelled (README, "Baselines"):
 * <ul>
 *   <li>{@code measured-gpu}: the H100 measured on this workload at its largest batch and at batch 1, each as board
 *       energy and as energy above the board's idle power;</li>
 *   <li>{@code gpu-gemm-saturated}: the measured bf16 energy per MAC of an 8192^3 GEMM at full load times the
 *       workload's MACs (board and above idle): what a GPU spends on a network big enough to keep it busy;</li>
 *   <li>{@code digital-asic}: a design of the {@value #DIGITAL_FAMILY} family (a weight-stationary integer MAC
 *       array with the same SRAM and DRAM model), looked up by name in the family registry.</li>
 * </ul>
 * The design is priced at each baseline's batch, or in sub-batches of its own batch when that is smaller and
 * cheaper ({@link #cheapest}). A GPU figure above the board's idle power is compared with the
 * design above its own idle draw (its energy less {@link org.phodex.cost.CostReport#idleEnergyJ() leakage and
 * front-end standby} over the same inference), so both sides leave idle power out.
 */
public final class Baselines {
    /** The digital family the digital-asic baseline comes from. */
    public static final String DIGITAL_FAMILY = "digital-systolic";

    private Baselines() {
    }

    /**
     * A digital design to compare with.
     *
     * @param origin    how it was chosen ("spec defaults", "best of the run meeting the tolerance")
     * @param evaluated its evaluation on the comparison's evaluator when the chooser already ran it, else null
     */
    public record Digital(ArchitectureSpec spec, Design design, DeviceLibrary devices, String origin,
                          EvaluationResult evaluated) {
        public Digital(ArchitectureSpec spec, Design design, DeviceLibrary devices, String origin) {
            this(spec, design, devices, origin, null);
        }
    }

    /** True when this build registers the digital family. */
    public static boolean digitalFamilyAvailable() {
        return Families.names().contains(DIGITAL_FAMILY);
    }

    /** The digital family's architecture at its spec defaults, when this build has it. */
    public static Optional<Digital> digitalDefaults(Catalog cat) {
        if (!digitalFamilyAvailable()) {
            return Optional.empty();
        }
        try {
            ArchitectureSpec s = cat.architecture(DIGITAL_FAMILY);
            return Optional.of(new Digital(s, s.defaults(), cat.devices(), "spec defaults"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A design's energy per inference at some batch: the whole of it, and the part an idle chip would also draw
     * ({@link org.phodex.cost.CostReport#idleEnergyJ()}).
     */
    public record DesignEnergy(double totalJ, double idleJ) {
        public static DesignEnergy of(org.phodex.cost.CostReport c) {
            return new DesignEnergy(c.energyJ(), c.idleEnergyJ());
        }

        /** The energy above the chip's own idle draw. */
        public double aboveIdleJ() {
            return totalJ - idleJ;
        }
    }

    /** Every baseline beside an evaluated design (evaluate). */
    public static List<Baseline> beside(Evaluator ev, ArchitectureSpec spec, EvaluationResult r, DeviceLibrary lib,
                                        Optional<Digital> digital) {
        int own = r.design().has(Params.BATCH) ? r.design().getInt(Params.BATCH) : 1;
        return beside(ev, own, b -> DesignEnergy.of(b == own ? r.cost() : ev.costAtBatch(spec, r.design(), lib, b)),
                r.cost().macs(), digital);
    }

    /**
     * Every baseline beside a design whose energy per inference at batch b is {@code pricing(b)} (asked once per batch).
     *
     * @param ev        the workload's evaluator (for the digital design's energy and accuracy)
     * @param ownBatch  the design's own batch (for baselines without one)
     */
    public static List<Baseline> beside(Evaluator ev, int ownBatch, IntFunction<DesignEnergy> pricing,
                                        long macs, Optional<Digital> digital) {
        IntFunction<DesignEnergy> designEnergyAt = priceEachBatchOnce(pricing);
        DigitalBaseline gpu = ev.baseline();
        String w = ev.workload().name();
        List<Baseline> out = new ArrayList<>();
        DigitalBaseline.Figure best = gpu.best(w, macs);
        DigitalBaseline.Figure one = gpu.batchOne(w, macs);
        if (best.measuredForWorkload()) {
            out.add(gpuFigure(best, Baseline.MEASURED_GPU, ownBatch, designEnergyAt, false));
            gpu.aboveIdle(w, true).ifPresent(f -> out.add(gpuFigure(f, Baseline.MEASURED_GPU, ownBatch,
                    designEnergyAt, true)));
        }
        if (one.measuredForWorkload()) {
            out.add(gpuFigure(one, Baseline.MEASURED_GPU, ownBatch, designEnergyAt, false));
            gpu.aboveIdle(w, false).ifPresent(f -> out.add(gpuFigure(f, Baseline.MEASURED_GPU, ownBatch,
                    designEnergyAt, true)));
        }
        // saturation is a large-batch regime: beside the design at the GPU's largest measured batch
        int satBatch = best.measuredForWorkload() ? best.batch() : ownBatch;
        for (boolean aboveIdle : new boolean[] {false, true}) {
            DigitalBaseline.Figure f = gpu.gemmSaturated(macs, aboveIdle);
            Priced p = cheapest(satBatch, ownBatch, designEnergyAt, aboveIdle);
            out.add(new Baseline(f.name(), Baseline.GPU_GEMM_SATURATED, f.energyJ(), satBatch, p.batch(), p.joules(),
                    Double.NaN, DigitalBaseline.SOURCE));
        }
        out.add(digital(ev, ownBatch, designEnergyAt, digital));
        return out;
    }

    /**
     * What the GPU measurements lack for {@code workload}, in words ("" when it was measured at a large batch and at
     * batch 1): the baseline list then holds the saturated-GEMM figures in their place.
     */
    public static String missingMeasurements(DigitalBaseline gpu, String workload, long macs) {
        boolean large = gpu.best(workload, macs).measuredForWorkload();
        boolean one = gpu.batchOne(workload, macs).measuredForWorkload();
        if (large && one) {
            return "";
        }
        String what = !large && !one ? "" : !one ? " at batch 1" : " at a large batch";
        return workload + " has no H100 measurement" + what + ": the measured bf16 GEMM energy per MAC times its MACs"
                + " (gpu-gemm-saturated) stands in";
    }

    /** {@code designEnergyAt} asked once per batch: every baseline at the same batch shares one cost-model run. */
    private static IntFunction<DesignEnergy> priceEachBatchOnce(IntFunction<DesignEnergy> designEnergyAt) {
        java.util.Map<Integer, DesignEnergy> priced = new java.util.HashMap<>();
        return b -> priced.computeIfAbsent(b, designEnergyAt::apply);
    }

    /** The batch a design is priced at beside a baseline, and its energy per inference there. */
    record Priced(int batch, double joules) {
    }

    /**
     * The design beside a baseline that ran {@code batch} inferences at once, at the batch
     * {@link BatchMatched#pricedBatch} chooses (that batch, or sub-batches of the design's own when cheaper).
     *
     * @param aboveIdle compare (and choose) by the energy above the design's own idle draw
     */
    static Priced cheapest(int batch, int ownBatch, IntFunction<DesignEnergy> designEnergyAt, boolean aboveIdle) {
        IntToDoubleFunction joules = b -> aboveIdle ? designEnergyAt.apply(b).aboveIdleJ()
                : designEnergyAt.apply(b).totalJ();
        int b = BatchMatched.pricedBatch(batch, ownBatch, joules);
        return new Priced(b, joules.applyAsDouble(b));
    }

    private static Baseline gpuFigure(DigitalBaseline.Figure f, String kind, int ownBatch,
                                      IntFunction<DesignEnergy> designEnergyAt, boolean aboveIdle) {
        int b = f.batch() > 0 ? f.batch() : ownBatch;
        Priced p = cheapest(b, ownBatch, designEnergyAt, aboveIdle);
        return new Baseline(f.name(), kind, f.energyJ(), f.batch(), p.batch(), p.joules(), Double.NaN,
                DigitalBaseline.SOURCE);
    }

    /** The digital array evaluated on the same workload and samples; the design priced at the array's batch. */
    static Baseline digital(Evaluator ev, int ownBatch, IntFunction<DesignEnergy> designEnergyAt,
                            Optional<Digital> digital) {
        if (!digitalFamilyAvailable()) {
            return Baseline.unavailable(Baseline.DIGITAL_ASIC, "not available in this build");
        }
        if (digital.isEmpty()) {
            return Baseline.unavailable(Baseline.DIGITAL_ASIC, "no " + DIGITAL_FAMILY + " architecture found");
        }
        Digital d = digital.get();
        EvaluationResult r = d.evaluated();
        try {
            if (r == null) {
                r = ev.evaluate(d.spec(), d.design(), d.devices());
            }
        } catch (IllegalArgumentException e) {
            return Baseline.unavailable(Baseline.DIGITAL_ASIC, DIGITAL_FAMILY + " cannot be evaluated ("
                    + e.getMessage() + ")");
        }
        int b = d.design().has(Params.BATCH) ? d.design().getInt(Params.BATCH) : ownBatch;
        String bits = d.design().has(Params.WEIGHT_BITS) ? " int" + d.design().getInt(Params.WEIGHT_BITS) : "";
        String name = String.format(java.util.Locale.ROOT, "%s%s %s, batch %d (%s)", DIGITAL_FAMILY, bits,
                shape(d.design()), b, d.origin());
        Priced p = cheapest(b, ownBatch, designEnergyAt, false);
        return new Baseline(name, Baseline.DIGITAL_ASIC, r.cost().energyJ(), b, p.batch(), p.joules(),
                r.accuracy(), "modelled: " + d.spec().citation() + "; " + d.design().key());
    }

    /**
     * The JSON list {@code [{name, kind, energy_j, ratio, reaches_100x, batch, design_batch, design_energy_j,
     * accuracy, source}]}; ratio null when unavailable or when {@code ratios} is false (an infeasible design).
     */
    public static com.fasterxml.jackson.databind.node.ArrayNode toJson(List<Baseline> list, boolean ratios) {
        var arr = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (Baseline b : list) {
            var o = arr.addObject();
            o.put("name", b.name());
            o.put("kind", b.kind());
            number(o, "energy_j", b.energyJ());
            number(o, "ratio", ratios ? b.ratio() : Double.NaN);
            if (ratios && b.available()) {
                o.put("reaches_100x", b.reaches100x());
            } else {
                o.putNull("reaches_100x");
            }
            o.put("batch", b.batch());
            o.put("design_batch", b.designBatch());
            number(o, "design_energy_j", b.designEnergyJ());
            number(o, "accuracy", b.accuracy());
            o.put("source", b.source());
        }
        return arr;
    }

    static void number(com.fasterxml.jackson.databind.node.ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static String shape(Design d) {
        if (d.has("pe_rows") && d.has("pe_cols")) {
            return d.get("pe_rows") + "x" + d.get("pe_cols") + " PEs"
                    + (d.has(Params.CORES) && d.getInt(Params.CORES) > 1 ? " x " + d.get(Params.CORES) + " cores" : "");
        }
        return "";
    }
}
