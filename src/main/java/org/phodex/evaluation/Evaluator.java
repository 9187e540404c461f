package org.phodex.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.phodex.arch.Families;
import org.phodex.codesign.Codesigned;
import org.phodex.codesign.DeepCodesign;
import org.phodex.codesign.TrainingCache;
import org.phodex.codesign.TrainingMode;
import org.phodex.arch.Family;
import org.phodex.cost.CostModel;
import org.phodex.cost.CostReport;
import org.phodex.cost.DigitalBaseline;
import org.phodex.devices.DeviceLibrary;
import org.phodex.sim.IntegerGemm;
import org.phodex.sim.LayerMetrics;
import org.phodex.sim.PhotonicLayer;
import org.phodex.sim.Seeds;
import org.phodex.sim.SimSettings;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.stats.AccuracyStats;
import org.phodex.stats.StratifiedSample;
import org.phodex.train.Products;
import org.phodex.train.Tensor;
import org.phodex.train.Trained;
import org.phodex.workload.GemmBlock;
import org.phodex.workload.Layer;
import org.phodex.workload.LinearBackend;
import org.phodex.workload.Network;
import org.phodex.workload.Workload;

/**
 * Scores one design both ways: the cost model prices it, and the workload's matrix multiplies run through the
 * functional simulation at the received optical power that the same link budget computed (docs/physics.md sec. 1).
 * A pure function of (spec, design, device library, options): every random stream is seeded from the run seed
 * and the design's hash, so results never depend on thread timing.
 */
public final class Evaluator {

    /**
     * @param chips         chip samples (Monte Carlo over static errors)
     * @param samples       test samples for accuracy: the whole test split when at least its size, else a fixed
     *                      stratified subset of that size ({@link StratifiedSample}, seed
     *                      {@link StratifiedSample#SEARCH_SEED}, independent of the run seed)
     * @param errorSamples  samples used for per-layer relative error
     * @param seed          run seed
     * @param trainingBudget the fraction of the co-design training (the {@code training} parameter's modes) to
     *                      run: 1 trains in full, as {@code evaluate} does; a search trains with less and re-scores
     *                      its front in full ({@link org.phodex.codesign.CodesignTrainer.Hyper#withBudget})
     */
    public record Options(int chips, int samples, int errorSamples, long seed, double trainingBudget) {
        public Options {
            if (chips < 1 || samples < 1 || errorSamples < 1) {
                throw new IllegalArgumentException("chips, samples and error samples must be at least 1");
            }
            if (!(trainingBudget > 0 && trainingBudget <= 1)) {
                throw new IllegalArgumentException("training budget must be in (0, 1], got " + trainingBudget);
            }
        }

        /** The full training budget. */
        public Options(int chips, int samples, int errorSamples, long seed) {
            this(chips, samples, errorSamples, seed, 1);
        }
    }

    private final Workload workload;
    private final DigitalBaseline baseline;
    private final Options options;
    /** The accuracy samples and the float network's answers on them, computed on first use. */
    private volatile Reference reference;

    private record Reference(int[] indices, boolean[] floatCorrect) {
    }

    public Evaluator(Workload workload, DigitalBaseline baseline, Options options) {
        this.workload = workload;
        this.baseline = baseline;
        this.options = options;
    }

    public Workload workload() {
        return workload;
    }

    public Options options() {
        return options;
    }

    public DigitalBaseline baseline() {
        return baseline;
    }

    /** Indices into the test split that accuracy is measured on (ascending; empty for shape-only workloads). */
    public int[] testIndices() {
        return reference().indices().clone();
    }

    /** The float network's accuracy on {@link #testIndices()} (NaN for shape-only workloads). */
    public double floatAccuracy() {
        boolean[] f = reference().floatCorrect();
        if (f.length == 0) {
            return Double.NaN;
        }
        int n = 0;
        for (boolean b : f) {
            n += b ? 1 : 0;
        }
        return (double) n / f.length;
    }

    private Reference reference() {
        Reference r = reference;
        if (r == null) {
            synchronized (this) {
                r = reference;
                if (r == null) {
                    r = computeReference();
                    reference = r;
                }
            }
        }
        return r;
    }

    private Reference computeReference() {
        if (!workload.hasData()) {
            return new Reference(new int[0], new boolean[0]);
        }
        int[] idx = StratifiedSample.indices(workload.testLabels(), options.samples(), StratifiedSample.SEARCH_SEED);
        boolean[] f = workload.network().isPresent()
                ? workload.network().get().correct(workload.network().get().exactBackend(), idx)
                : Trained.of(workload.model().get()).correct(Products.EXACT, idx);
        return new Reference(idx, f);
    }

    public EvaluationResult evaluate(ArchitectureSpec spec, Design d, DeviceLibrary lib) {
        Family family = Families.get(spec.family());
        checkLayout(spec, d);
        if (workload.hasDynamicWeights() && !family.programsArbitraryWeightsPerInference(d)) {
            throw new IllegalArgumentException(family.name() + " programs its tiles by a numerical fit (no "
                    + "closed-form decomposition), so it cannot program the per-inference weights of "
                    + workload.name() + "'s attention (Q K^T, P V) as they arrive; universal meshes (mzi-clements, "
                    + "mzi-reck), mrr-bank and digital-systolic can");
        }
        CostReport cost = CostModel.evaluate(d, family, lib, workload);
        TrainingMode mode = TrainingMode.of(d);
        if (!family.photonic()) {
            if (mode != TrainingMode.POST_MAPPING) {
                throw new IllegalArgumentException("training=" + mode.key() + " trains a network for photonic tiles; "
                        + spec.name() + " runs integer inference of the float network (training=post-mapping)");
            }
            return digital(spec, d, cost);
        }
        SimSettings sim = family.simSettings(d, lib, cost.link().receivedPowerW(), cost.link().detector());
        // the chips are the hardware's: the same design trained another way runs on the same sampled chips and the
        // same detector noise, so modes compare paired (and training=post-mapping equals no training parameter)
        long base = Seeds.derive(options.seed(), d.without(Params.TRAINING).stableHash());

        AccuracyStats stats = null;
        List<EvaluationResult.LayerError> errors = new ArrayList<>();
        double fitSum = 0;
        int fitCount = 0;

        if (mode != TrainingMode.POST_MAPPING && workload.network().isEmpty()) {
            if (workload.model().isEmpty()) {
                throw new IllegalArgumentException("training=" + mode.key() + " trains a network on its data; "
                        + workload.name() + " is shape-only (no data, no weights) and supports "
                        + "training=post-mapping");
            }
            DeepCodesign.check(mode, sim, workload.name()); // before the float network's training, if any
        }
        if (workload.network().isPresent()) {
            Network floatNet = workload.network().get();
            // a co-designed network (trained once per training key) replaces the float weights
            Codesigned codesigned = mode == TrainingMode.POST_MAPPING ? null
                    : TrainingCache.get(floatNet, workload.name(), sim, mode, floatNet.cacheFolder(),
                    options.trainingBudget());
            Network net = codesigned == null ? floatNet : floatNet.withLayers(codesigned.layers());
            List<Layer> layers = net.layers();
            List<double[]> weights = new ArrayList<>();
            for (Layer l : layers) {
                weights.add(l.weights());
            }
            PhotonicLayer[][] programmed = new PhotonicLayer[options.chips()][layers.size()];
            Reference refSamples = reference();
            boolean[][] ok = new boolean[options.chips()][];
            for (int c = 0; c < options.chips(); c++) {
                long chipSeed = Seeds.derive(base, c);
                for (int l = 0; l < layers.size(); l++) {
                    Layer ly = layers.get(l);
                    programmed[c][l] = PhotonicLayer.program(weights.get(l), ly.outDim(), ly.inDim(), sim,
                            Seeds.derive(chipSeed, l), 1, codesigned != null && codesigned.inMesh()
                                    ? PhotonicLayer.TileMapping.given(codesigned.tiles().get(l))
                                    : PhotonicLayer.TileMapping.CACHED);
                    if (codesigned != null) {
                        programmed[c][l] = codesigned.withAdc(l, programmed[c][l]);
                    }
                }
                ok[c] = net.correct(backend(programmed[c], chipSeed), refSamples.indices());
            }
            for (PhotonicLayer[] chip : programmed) {
                for (PhotonicLayer pl : chip) {
                    fitSum += pl.fitError();
                    fitCount++;
                }
            }
            PhotonicLayer[] chip0 = programmed[0];
            stats = AccuracyStats.of(ok, refSamples.floatCorrect());

            int n = net.subset(options.errorSamples());
            List<double[]> inputs = net.layerInputs(n);
            LinearBackend exact = net.exactBackend();
            long errSeed = Seeds.derive(base, 0x5eedL);
            for (int l = 0; l < layers.size(); l++) {
                double[] x = inputs.get(l);
                double[] y = chip0[l].apply(x, n, Seeds.derive(errSeed, l));
                LayerMetrics m = LayerMetrics.compare(exact.multiply(l, x, n), y);
                errors.add(new EvaluationResult.LayerError("layer " + (l + 1) + " (" + layers.get(l).outDim() + "x"
                        + layers.get(l).inDim() + ")", m.relativeRmsError(), m.snrDb()));
            }
        } else if (workload.model().isPresent()) {
            Trained floatNet = Trained.of(workload.model().get());
            // a co-designed network (trained once per training key) replaces the float parameters and sets the
            // tiles' ADC full scales
            DeepCodesign.Tuned tuned = mode == TrainingMode.POST_MAPPING ? null
                    : TrainingCache.get(floatNet, workload.name(), sim, mode, HardwareProducts.TRAINING,
                    options.trainingBudget());
            Trained trained = tuned == null ? floatNet : tuned.net();
            java.util.Map<Integer, double[]> adc = tuned == null ? java.util.Map.of() : tuned.adcFullScale();
            Reference refSamples = reference();
            boolean[][] ok = new boolean[options.chips()][];
            for (int c = 0; c < options.chips(); c++) {
                HardwareProducts chip = new HardwareProducts(sim, Seeds.derive(base, c), adc);
                ok[c] = trained.correct(chip, refSamples.indices());
                fitSum += chip.fitErrorSum();
                fitCount += chip.staticLayers();
            }
            stats = AccuracyStats.of(ok, refSamples.floatCorrect());
            errors.addAll(gemmErrors(trained, new HardwareProducts(sim, Seeds.derive(base, 0), adc)));
        } else {
            int inner = Math.min(256, 2 * sim.tileCols());
            int outputs = Math.min(256, 2 * sim.tileRows());
            for (int g : representativeGemms(workload.gemms().size())) {
                GemmBlock b = workload.sampleBlock(g, Seeds.derive(options.seed(), g), 64, inner, outputs);
                PhotonicLayer pl = PhotonicLayer.program(b.weights(), b.outputs(), b.inner(), sim, Seeds.derive(base, g));
                fitSum += pl.fitError();
                fitCount++;
                double[] y = pl.apply(b.inputs(), b.rows(), Seeds.derive(base, 1_000_000L + g));
                LayerMetrics m = LayerMetrics.compare(b.exact(), y);
                errors.add(new EvaluationResult.LayerError(b.gemm().name(), m.relativeRmsError(), m.snrDb()));
            }
        }
        double acc = stats == null ? Double.NaN : stats.mean();
        List<String> violations = violations(spec.constraints(), cost, acc);
        double maxLineW = lib.value("laser", "max_optical_power_w");
        boolean buildable = cost.link().lineOpticalW() <= maxLineW;
        if (!buildable) {
            violations.add(String.format("a laser line must launch %.3g W, above devices.laser.max_optical_power_w "
                    + "(%.3g W): the worst path loses %.1f dB", cost.link().lineOpticalW(), maxLineW,
                    cost.link().pathLossDb()));
        }
        return result(d, cost, stats, options.chips(), errors, fitCount == 0 ? 0 : fitSum / fitCount, violations,
                buildable);
    }

    private EvaluationResult result(Design d, CostReport cost, AccuracyStats stats, int chips,
                                    List<EvaluationResult.LayerError> errors, double fitError,
                                    List<String> violations, boolean buildable) {
        double acc = stats == null ? Double.NaN : stats.mean();
        double accStd = stats == null ? Double.NaN : stats.chipStd();
        double ref = stats == null ? Double.NaN : stats.floatAccuracy();
        int accSamples = stats == null ? 0 : stats.samples();
        double relErr = errors.stream().mapToDouble(EvaluationResult.LayerError::relativeRmsError).average()
                .orElse(Double.NaN);
        DigitalBaseline.Figure best = baseline.best(workload.name(), cost.macs());
        DigitalBaseline.Figure one = baseline.batchOne(workload.name(), cost.macs());
        String reason = violations.isEmpty() ? null : String.join(REASON_SEPARATOR, violations);
        return new EvaluationResult(d, workload.name(), cost, acc, accStd, ref, accSamples, chips, relErr,
                errors, fitError, best, one, reason == null, reason, stats, buildable);
    }

    /**
     * A digital MAC array: the same network on the same samples in integer arithmetic ({@link IntegerGemm}). The
     * array is deterministic (no noise, no fabrication spread), so it is one "chip" whatever the options ask.
     */
    private EvaluationResult digital(ArchitectureSpec spec, Design d, CostReport cost) {
        IntegerGemm.Settings s = new IntegerGemm.Settings(d.getInt(Params.WEIGHT_BITS),
                d.getInt(Params.ACTIVATION_BITS), d.getInt(Params.ACCUMULATOR_BITS), d.getInt(Params.PE_COLS));
        AccuracyStats stats = null;
        List<EvaluationResult.LayerError> errors = new ArrayList<>();
        if (workload.network().isPresent()) {
            Network net = workload.network().get();
            List<Layer> layers = net.layers();
            IntegerGemm[] array = new IntegerGemm[layers.size()];
            for (int l = 0; l < layers.size(); l++) {
                array[l] = IntegerGemm.program(layers.get(l).weights(), layers.get(l).outDim(), layers.get(l).inDim(),
                        s);
            }
            LinearBackend integer = (layer, x, batch) -> array[layer].apply(x, batch);
            Reference refSamples = reference();
            stats = AccuracyStats.of(new boolean[][] {net.correct(integer, refSamples.indices())},
                    refSamples.floatCorrect());
            int n = net.subset(options.errorSamples());
            List<double[]> inputs = net.layerInputs(n);
            LinearBackend exact = net.exactBackend();
            for (int l = 0; l < layers.size(); l++) {
                double[] x = inputs.get(l);
                LayerMetrics m = LayerMetrics.compare(exact.multiply(l, x, n), array[l].apply(x, n));
                errors.add(new EvaluationResult.LayerError("layer " + (l + 1) + " (" + layers.get(l).outDim() + "x"
                        + layers.get(l).inDim() + ")", m.relativeRmsError(), m.snrDb()));
            }
        } else if (workload.model().isPresent()) {
            Trained trained = Trained.of(workload.model().get());
            Reference refSamples = reference();
            stats = AccuracyStats.of(new boolean[][] {trained.correct(new IntegerProducts(s), refSamples.indices())},
                    refSamples.floatCorrect());
            errors.addAll(gemmErrors(trained, new IntegerProducts(s)));
        } else {
            int inner = Math.min(256, 2 * d.getInt(Params.PE_COLS));
            int outputs = Math.min(256, 2 * d.getInt(Params.PE_ROWS));
            for (int g : representativeGemms(workload.gemms().size())) {
                GemmBlock b = workload.sampleBlock(g, Seeds.derive(options.seed(), g), 64, inner, outputs);
                double[] y = IntegerGemm.program(b.weights(), b.outputs(), b.inner(), s).apply(b.inputs(), b.rows());
                LayerMetrics m = LayerMetrics.compare(b.exact(), y);
                errors.add(new EvaluationResult.LayerError(b.gemm().name(), m.relativeRmsError(), m.snrDb()));
            }
        }
        return result(d, cost, stats, 1, errors, 0,
                violations(spec.constraints(), cost, stats == null ? Double.NaN : stats.mean()), true);
    }

    /**
     * Relative error and SNR of every GEMM of a CNN/ViT on chip 0: the network runs on the float path (exact
     * products carry it forward) and each product's inputs also go through the chip, over the first
     * {@code errorSamples} test images; a dynamic product's groups are pooled.
     */
    private List<EvaluationResult.LayerError> gemmErrors(Trained trained, Products chip) {
        List<org.phodex.workload.Gemm> gemms = workload.gemms();
        List<List<double[]>> exact = new ArrayList<>();
        List<List<double[]>> hw = new ArrayList<>();
        for (int g = 0; g < gemms.size(); g++) {
            exact.add(new ArrayList<>());
            hw.add(new ArrayList<>());
        }
        Products probe = new Products() {
            @Override
            public Tensor linear(int gemm, Tensor x, Tensor w) {
                Tensor y = Products.EXACT.linear(gemm, x, w);
                exact.get(gemm).add(y.value());
                hw.get(gemm).add(chip.linear(gemm, x, w).value());
                return y;
            }

            @Override
            public Tensor dynamic(int gemm, Tensor a, Tensor b) {
                Tensor y = Products.EXACT.dynamic(gemm, a, b);
                exact.get(gemm).add(y.value());
                hw.get(gemm).add(chip.dynamic(gemm, a, b).value());
                return y;
            }
        };
        trained.accuracy(probe, options.errorSamples());
        List<EvaluationResult.LayerError> out = new ArrayList<>();
        for (int g = 0; g < gemms.size(); g++) {
            org.phodex.workload.Gemm gm = gemms.get(g);
            LayerMetrics m = LayerMetrics.compare(concat(exact.get(g)), concat(hw.get(g)));
            out.add(new EvaluationResult.LayerError(gm.name() + " (" + gm.outputs() + "x" + gm.inner()
                    + (gm.count() > 1 ? " x" + gm.count() : "") + ")", m.relativeRmsError(), m.snrDb()));
        }
        return out;
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] all = new double[n];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, o, p.length);
            o += p.length;
        }
        return all;
    }

    /** Shape-only workloads: at most this many GEMMs get a simulated block (evenly spaced, first and last). */
    static final int MAX_ERROR_BLOCKS = 6;

    /**
     * The GEMMs whose matrix-level error a shape-only workload reports: all of them up to {@link #MAX_ERROR_BLOCKS},
     * else evenly spaced ones. Each block is at most 64 rows by two tiles each way (256 at most), which keeps
     * the numerical fits of non-universal meshes to a few dozen tiles per evaluation.
     */
    static int[] representativeGemms(int count) {
        int k = Math.min(count, MAX_ERROR_BLOCKS);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = k == 1 ? 0 : (int) Math.round(i * (count - 1) / (double) (k - 1));
        }
        return idx;
    }

    private static LinearBackend backend(PhotonicLayer[] layers, long chipSeed) {
        return (layer, x, batch) -> layers[layer].apply(x, batch, Seeds.derive(chipSeed, 1000L + layer));
    }

    /** The family fixes the layout: a design asking for another one would silently be scored as the spec's. */
    static void checkLayout(ArchitectureSpec spec, Design d) {
        Object fixed = spec.defaults().has(Params.LAYOUT) ? spec.defaults().get(Params.LAYOUT) : null;
        if (fixed != null && d.has(Params.LAYOUT) && !fixed.equals(d.get(Params.LAYOUT))) {
            Object asked = d.get(Params.LAYOUT);
            String instead = Families.byLayout(asked.toString()).map(f -> "e.g. -a " + f.name() + " ").orElse("");
            throw new IllegalArgumentException("layout '" + asked + "' does not match architecture '" + spec.name()
                    + "', whose family fixes layout '" + fixed + "'; choose the architecture instead, " + instead
                    + "(phodex list architectures)");
        }
    }

    /** Joins the reasons of an infeasible design in {@link EvaluationResult#infeasibleReason()}. */
    public static final String REASON_SEPARATOR = "; ";

    /** Every constraint the design breaks (empty when none), in a fixed order: area, power, latency, accuracy. */
    static List<String> violations(ArchitectureSpec.Constraints c, CostReport r, double accuracy) {
        List<String> out = new ArrayList<>();
        if (r.areaMm2() > c.maxAreaMm2()) {
            out.add(String.format("area %.4g mm2 > max_area_mm2 %.4g", r.areaMm2(), c.maxAreaMm2()));
        }
        if (r.powerW() > c.maxPowerW()) {
            out.add(String.format("power %.4g W > max_power_w %.4g", r.powerW(), c.maxPowerW()));
        }
        if (r.latencyS() > c.maxLatencyS()) {
            out.add(String.format("latency %.4g s > max_latency_s %.4g", r.latencyS(), c.maxLatencyS()));
        }
        if (!Double.isNaN(accuracy) && accuracy < c.minAccuracy()) {
            out.add(String.format("accuracy %.4f < min_accuracy %.4f", accuracy, c.minAccuracy()));
        }
        return out;
    }

    /**
     * The design's energy per inference with its weights loaded once per {@code batch} inferences, for a
     * comparison with a digital baseline measured at that batch (the cost model alone; accuracy does not depend
     * on the batch).
     */
    public double energyAtBatchJ(ArchitectureSpec spec, Design d, DeviceLibrary lib, int batch) {
        return costAtBatch(spec, d, lib, batch).energyJ();
    }

    /** The design's whole cost report at another batch. */
    public org.phodex.cost.CostReport costAtBatch(ArchitectureSpec spec, Design d, DeviceLibrary lib, int batch) {
        return CostModel.evaluate(d.with(Params.BATCH, batch), Families.get(spec.family()), lib, workload);
    }
}
