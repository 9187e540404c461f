package org.phodex.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phodex.codesign.CodesignTrainer;
import org.phodex.codesign.TrainingMode;
import org.phodex.cost.CostModel;
import org.phodex.cost.DigitalBaseline;
import org.phodex.devices.DeviceLibrary;
import org.phodex.evaluation.BatchMatched;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.EvaluationResult;
import org.phodex.evaluation.Evaluator;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.stats.AccuracyStats;
import org.phodex.stats.StratifiedSample;
import org.phodex.workload.Workload;

/**
 * The search's evaluator: the functional simulation and the cost model of {@link Evaluator}, as one pure function
 * of the design. Design parameters named like device paths ({@code devices.mzi.insertion_loss_db}, from sweeps)
 * are applied to the device library for that design only.
 */
public final class PhotonicSearchEvaluator implements DesignEvaluator {
    /**
     * Test samples per accuracy figure during a search: a fixed stratified subset of the test split
     * ({@link org.phodex.stats.StratifiedSample}); the float network is reported on the same subset. The end of
     * a run re-scores its archive on the whole split ({@link #rescorer}).
     */
    public static final int SEARCH_SAMPLES = 400;
    /** Chip samples per design during a search. */
    public static final int SEARCH_CHIPS = 1;
    /**
     * The fraction of a co-design training (the {@code training} gene) a design gets during a search
     * ({@code search --training-budget}): trainings set a search's pace, and the end of the run re-scores its
     * archive with networks trained in full ({@link #rescorer}). README, "Co-design".
     */
    public static final double SEARCH_TRAINING_BUDGET = 0.1;
    /** Mixed into the run seed for re-scoring, so its chips are drawn independently of the search's. */
    static final long RESCORE_SALT = 0x7e5c0afeL;

    private final Map<String, ArchitectureSpec> specs = new LinkedHashMap<>();
    private final DeviceLibrary devices;
    private final Evaluator evaluator;

    public PhotonicSearchEvaluator(Catalog catalog, List<ArchitectureSpec> architectures, String workload, long seed) {
        this(catalog, architectures, workload, seed, SEARCH_CHIPS);
    }

    /** @param chips chip samples per design (the search's default is {@value #SEARCH_CHIPS}) */
    public PhotonicSearchEvaluator(Catalog catalog, List<ArchitectureSpec> architectures, String workload, long seed,
                                   int chips) {
        this(catalog, architectures, workload, seed, chips, SEARCH_SAMPLES, SEARCH_TRAINING_BUDGET);
    }

    /** With {@code samples} test samples and co-design trainings in full (a sweep's evaluator). */
    PhotonicSearchEvaluator(Catalog catalog, List<ArchitectureSpec> architectures, String workload, long seed,
                            int chips, int samples) {
        this(catalog, architectures, workload, seed, chips, samples, 1);
    }

    /**
     * @param chips   chip samples per design
     * @param samples test samples per accuracy figure (a stratified subset; the whole split when at least its size)
     * @param trainingBudget the fraction of the co-design training a design gets (1: in full)
     */
    PhotonicSearchEvaluator(Catalog catalog, List<ArchitectureSpec> architectures, String workload, long seed,
                            int chips, int samples, double trainingBudget) {
        for (ArchitectureSpec a : architectures) {
            specs.put(a.name(), a);
        }
        this.devices = catalog.devices();
        Workload w = catalog.workload(workload);
        int n = w.hasData() ? Math.min(w.testSize(), samples) : 1;
        this.evaluator = new Evaluator(w, catalog.baseline(), new Evaluator.Options(chips, n,
                Math.min(n, 200), seed, trainingBudget));
    }

    /**
     * The evaluator that re-scores a finished run: the whole test split, {@code chips} chips per design, chip seeds
     * derived from the run seed mixed with {@link #RESCORE_SALT} (independent of the search-time chips), and
     * co-designed networks trained in full (the search trains them with less, {@link #SEARCH_TRAINING_BUDGET}).
     */
    public static PhotonicSearchEvaluator rescorer(Catalog catalog, List<ArchitectureSpec> architectures,
                                                   String workload, long seed, int chips) {
        return new PhotonicSearchEvaluator(catalog, architectures, workload,
                org.phodex.sim.Seeds.derive(seed, RESCORE_SALT), chips, Integer.MAX_VALUE, 1);
    }

    @Override
    public Outcome evaluate(Design design) {
        ArchitectureSpec spec = specs.get(design.architecture());
        if (spec == null) {
            return Outcome.infeasible(design, "unknown architecture " + design.architecture());
        }
        DeviceLibrary lib = devices;
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : design.params().entrySet()) {
            if (e.getKey().startsWith(DeviceLibrary.PATH_PREFIX)) {
                lib = lib.with(e.getKey(), ((Number) e.getValue()).doubleValue());
            } else {
                params.put(e.getKey(), e.getValue());
            }
        }
        EvaluationResult r;
        try {
            r = evaluator.evaluate(spec, Design.of(design.architecture(), params), lib);
        } catch (IllegalArgumentException e) {
            LinkedHashMap<String, Object> why = new LinkedHashMap<>();
            why.put("infeasible_reason", e.getMessage());
            return new Outcome(design, false, e.getMessage(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, why, 0);
        }
        LinkedHashMap<String, Object> cols = new LinkedHashMap<>();
        AccuracyStats st = r.accuracyStats();
        if (st != null) {
            // the accuracy column's interval, chip spread and paired test against float on the same samples
            cols.put("accuracy_ci95_low", st.ci95Low());
            cols.put("accuracy_ci95_high", st.ci95High());
            cols.put("accuracy_p10", st.p10());
            cols.put("accuracy_samples", st.samples());
            cols.put("accuracy_chips", st.chips());
            cols.put("p_vs_float", st.pVsFloat());
            cols.put("float_accuracy", st.floatAccuracy());
            cols.put("accuracy_diff_ci95_low", st.diffCi95Low());
            cols.put("accuracy_diff_ci95_high", st.diffCi95High());
        }
        var c = r.cost();
        // a design no laser can drive: its energies and powers price an impossible laser, so they stay empty cells
        cols.put("power_w", r.ifBuildable(c.powerW()));
        cols.put("energy_per_mac_j", r.ifBuildable(c.energyPerMacJ()));
        cols.put("throughput_macs_per_s", c.throughputMacsPerS());
        cols.put("relative_error", r.relativeError());
        cols.put("accuracy_std", r.accuracyStd());
        cols.put("laser_power_w", r.ifBuildable(c.link().laserElectricalW()));
        cols.put("received_power_w", c.link().receivedPowerW());
        cols.put("detected_photons_per_mac", c.detectedPhotonsPerMac());
        cols.put("optical_energy_per_mac_j", r.ifBuildable(c.opticalEnergyPerMacJ()));
        cols.put("attention_energy_share", r.ifBuildable(c.attentionShare()));
        cols.put("path_loss_db", c.link().pathLossDb());
        cols.put("mesh_fit_error", r.fitErrorMean());
        // the GPU's best case beside the design at the GPU's batch (or in sub-batches of its own when cheaper), as
        // evaluate's batch-matched line: a design at batch 10000 against a GPU at 4096 would be flattered
        Design evaluated = r.design();
        DeviceLibrary pricedLib = lib;
        int own = evaluated.has(Params.BATCH) ? evaluated.getInt(Params.BATCH) : 1;
        int gpuBatch = r.baseline().batch() > 0 ? r.baseline().batch() : own;
        java.util.function.IntToDoubleFunction energyAt = b -> b == own ? c.energyJ()
                : evaluator.energyAtBatchJ(spec, evaluated, pricedLib, b);
        int matchedBatch = BatchMatched.pricedBatch(gpuBatch, own, energyAt);
        cols.put("baseline_ratio", r.ifBuildable(r.baseline().ratio(energyAt.applyAsDouble(matchedBatch))));
        cols.put("baseline_design_batch", matchedBatch);
        for (String comp : CostModel.ALL_COMPONENTS) { // a family's own lines; the others stay empty cells
            if (c.breakdownJ().containsKey(comp)) {
                double j = c.breakdownJ().get(comp);
                cols.put("breakdown_" + comp + "_j", comp.equals("laser") ? r.ifBuildable(j) : j);
            }
        }
        for (int i = 0; i < r.layerErrors().size(); i++) {
            // per-layer error and SNR, numbered from 1 in the network's order (the report's per-layer table)
            cols.put("layer" + (i + 1) + "_relative_error", r.layerErrors().get(i).relativeRmsError());
            cols.put("layer" + (i + 1) + "_snr_db", r.layerErrors().get(i).snrDb());
        }
        // the fraction of the co-design training behind this accuracy (empty when the design trains nothing)
        TrainingMode mode = TrainingMode.of(design);
        // (the CNN and ViT fine-tuning, DeepCodesign, trains on that fraction of its images; adc-calibrated has no
        // steps to cut)
        cols.put("training_budget", mode == TrainingMode.POST_MAPPING || st == null ? Double.NaN
                : evaluator.workload().network().isEmpty()
                ? (mode == TrainingMode.ADC_CALIBRATED ? 1.0 : evaluator.options().trainingBudget())
                : CodesignTrainer.hyper(mode).withBudget(evaluator.options().trainingBudget()).effectiveBudget());
        cols.put("infeasible_reason", r.feasible() ? "" : r.infeasibleReason());
        return new Outcome(design, r.feasible(), r.infeasibleReason(), r.ifBuildable(c.energyJ()), r.accuracy(),
                c.latencyS(), c.areaMm2(), cols, 0);
    }

    /** Every GPU figure and the digital MAC array at its spec defaults, labelled, for the plots' reference lines. */
    private List<Map<String, Object>> baselines(Workload w, long macs) {
        DigitalBaseline gpu = evaluator.baseline();
        List<DigitalBaseline.Figure> figs = new java.util.ArrayList<>();
        List<String> kinds = new java.util.ArrayList<>();
        for (boolean largest : new boolean[] {true, false}) {
            DigitalBaseline.Figure f = largest ? gpu.best(w.name(), macs) : gpu.batchOne(w.name(), macs);
            if (f.measuredForWorkload()) {
                figs.add(f);
                kinds.add("measured-gpu");
                gpu.aboveIdle(w.name(), largest).ifPresent(x -> {
                    figs.add(x);
                    kinds.add("measured-gpu");
                });
            }
        }
        for (boolean aboveIdle : new boolean[] {false, true}) {
            figs.add(gpu.gemmSaturated(macs, aboveIdle));
            kinds.add("gpu-gemm-saturated");
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (int i = 0; i < figs.size(); i++) {
            out.add(Map.of("name", figs.get(i).name(), "kind", kinds.get(i), "energy_j", figs.get(i).energyJ(),
                    "batch", figs.get(i).batch()));
        }
        digitalDefaults().ifPresent(out::add);
        return out;
    }

    /** The digital MAC array family at its spec defaults on this workload, when this build registers it. */
    private java.util.Optional<Map<String, Object>> digitalDefaults() {
        String family = "digital-systolic";
        if (!org.phodex.arch.Families.names().contains(family)) {
            return java.util.Optional.empty();
        }
        try {
            Catalog cat = Catalog.locate();
            ArchitectureSpec d = cat.architecture(family);
            EvaluationResult r = evaluator.evaluate(d, d.defaults(), cat.devices());
            int batch = d.defaults().has(org.phodex.spec.Params.BATCH)
                    ? d.defaults().getInt(org.phodex.spec.Params.BATCH) : 1;
            return java.util.Optional.of(Map.of("name", family + " at spec defaults, batch " + batch, "kind",
                    "digital-asic", "energy_j", r.cost().energyJ(), "batch", batch));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public Map<String, Object> runInfo() {
        Workload w = evaluator.workload();
        long macs = w.macsPerInference();
        DigitalBaseline.Figure best = evaluator.baseline().best(w.name(), macs);
        DigitalBaseline.Figure batchOne = evaluator.baseline().batchOne(w.name(), macs);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("workload", w.name());
        info.put("macs", macs);
        info.put("baseline", Map.of("name", best.name(), "energy_j", best.energyJ()));
        info.put("baseline_batch1", Map.of("name", batchOne.name(), "energy_j", batchOne.energyJ()));
        info.put("baselines", baselines(w, macs));
        if (w.hasData()) {
            // the float network on the very samples the search scores designs on
            info.put("reference_accuracy", evaluator.floatAccuracy());
            info.put("accuracy_subset", String.format(java.util.Locale.ROOT, "%d of %d test samples, stratified by "
                    + "class, seed %d (whole split when it is smaller); re-scored on the whole split at the end",
                    evaluator.testIndices().length, w.testSize(), StratifiedSample.SEARCH_SEED));
        }
        info.put("accuracy_samples", w.hasData() ? evaluator.testIndices().length : 0);
        info.put("chips", evaluator.options().chips());
        return info;
    }
}
