package org.phodex.codesign;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.phodex.photonics.MeshLayout;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.SvdTile;
import org.phodex.sim.PhotonicLayer;
import org.phodex.sim.Seeds;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.train.AdamW;
import org.phodex.train.Ops;
import org.phodex.train.Tensor;
import org.phodex.workload.Layer;
import org.phodex.workload.Network;

/**
 * Trains an MLP for one design's hardware, starting from its float weights, with the project's autodiff
 * ({@link Tensor}, {@link Ops}, {@link AdamW}).
 *
 * <p><b>noise-aware</b>: every step programs the current weights on a freshly sampled chip (static errors
 * re-sampled per step: phase and coupler errors, loss, phase quantization at the weight bits) and runs the batch
 * through it as inference does (tiles, input DAC, detector noise at the SNR the link budget gives, per-tile ADC).
 * On MZI meshes the batch runs through {@link TiledAdcLinear}, the chip's tiled computation with its gradients:
 * straight through the ADC's rounding, the DAC and the chip's static errors (Bengio et al., arXiv:1308.3432), exact
 * through the clipping, the ADC full scales and each tile's range, which sets the detector noise and the ADC step
 * of all the tile's outputs. Each tile's ADC full scale, a fraction of its calibrated range, is chosen on a grid
 * before the first epoch ({@link #calibrateAdc}) and then trained by gradient with the weights (PACT, Choi et al.,
 * arXiv:1805.06085; LSQ, Esser et al., ICLR 2020). On ring banks the gradient of the exact product passes straight
 * through the hardware's output, and the full scales are chosen on the grid before every epoch and at the end. The
 * result is a set of float weights, mapped as in post-mapping, and the tiles' ADC full scales.
 *
 * <p><b>in-mesh</b>: the trainable parameters of every tile are its two meshes' phases and output screens, its
 * attenuations and its digital scale ({@link MeshTiles}); they start from the decomposition or fit of the float
 * weights and follow gradients through the tile ({@code TileGradient}). In-mesh-noise-aware additionally runs each
 * step on a freshly sampled chip as above. Inference then uses the trained phases: no fit of a dense matrix
 * remains on that path.
 */
public final class CodesignTrainer {

    /**
     * Hyperparameters; part of the training key.
     *
     * @param epochs       passes over the training split
     * @param batch        samples per step
     * @param learningRate AdamW step for weights, biases, attenuations and tile scales
     * @param phaseRate    AdamW step for phases (radians)
     * @param cosine       learning rate decayed from its value to 0 along a half cosine over the training
     */
    public record Hyper(int epochs, int batch, double learningRate, double phaseRate, boolean cosine,
                        double budget) {
        public Hyper {
            if (!(budget > 0 && budget <= 1)) {
                throw new IllegalArgumentException("training budget must be in (0, 1], got " + budget);
            }
        }

        /** The full budget. */
        public Hyper(int epochs, int batch, double learningRate, double phaseRate, boolean cosine) {
            this(epochs, batch, learningRate, phaseRate, cosine, 1);
        }

        /** A constant learning rate, the full budget. */
        public Hyper(int epochs, int batch, double learningRate, double phaseRate) {
            this(epochs, batch, learningRate, phaseRate, false);
        }

        /**
         * The same training cut to {@code budget} of its steps (a fraction in (0, 1]; the search's cheaper
         * training, {@code search --training-budget}): the schedule runs over the fewer steps. A training
         * without steps (adc-calibrated) is unchanged, so its key stays the full budget's.
         */
        public Hyper withBudget(double budget) {
            return epochs == 0 ? this : new Hyper(epochs, batch, learningRate, phaseRate, cosine, budget);
        }

        /** The budget this training really uses: 1 for a training without steps. */
        public double effectiveBudget() {
            return epochs == 0 ? 1 : budget;
        }

        public String key() {
            // the full budget writes no field, so the cache files trained before budgets existed stay valid
            return "epochs=" + epochs + ";batch=" + batch + ";lr=" + learningRate + ";phase_lr=" + phaseRate
                    + (cosine ? ";schedule=cosine" : "") + (budget < 1 ? ";budget=" + budget : "");
        }

        /** Optimizer steps over {@code samples} training samples: the full count times the budget, at least 1. */
        long steps(int samples) {
            long full = (long) epochs * ((samples + batch - 1) / batch);
            return full == 0 ? 0 : Math.max(1, Math.round(full * budget));
        }

        /** The learning rate factor at {@code step} of {@code steps}: 1, or a cosine decay from 1 to 0. */
        double factor(long step, long steps) {
            return cosine ? 0.5 * (1 + Math.cos(Math.PI * step / steps)) : 1;
        }
    }

    /**
     * Noise-aware fine-tuning from the float weights (chosen on mnist-mlp at 3-bit ADCs; README, Co-design): batches
     * of 1000, as large as the accuracy samples, so that each tile's ADC range, calibrated to the largest output of
     * the batch, is what inference will use, and the chip is programmed once per 1000 samples.
     */
    public static final Hyper NOISE_AWARE = new Hyper(10, 1000, 3e-3, 0, true);
    /** No step: the ADC full scales of the float weights only (calibrated once, as noise-aware does first). */
    public static final Hyper ADC_CALIBRATED = new Hyper(0, 1000, 0, 0);
    /** In-mesh training (README, Co-design); in-mesh-noise-aware adds the chip and, with ADCs, their full scales. */
    public static final Hyper IN_MESH = new Hyper(4, 64, 1e-3, 1e-2);

    private CodesignTrainer() {
    }

    public static Hyper hyper(TrainingMode mode) {
        return mode.inMesh() ? IN_MESH : mode == TrainingMode.ADC_CALIBRATED ? ADC_CALIBRATED : NOISE_AWARE;
    }

    /** Checks that the design's tiles can be trained in {@code mode}; IllegalArgumentException with a hint if not. */
    public static void check(TrainingMode mode, SimSettings sim) {
        if (mode.inMesh() && !(sim.tile() instanceof TileRealization.MziMesh)) {
            throw new IllegalArgumentException("training=" + mode.key() + " trains MZI mesh phases; this design's "
                    + "tiles are not MZI meshes (use training=noise-aware or post-mapping)");
        }
        if ((mode == TrainingMode.NOISE_AWARE || mode == TrainingMode.ADC_CALIBRATED)
                && sim.tile() instanceof TileRealization.MziMesh m && !m.programmer().exact()) {
            throw new IllegalArgumentException("training=" + mode.key() + " maps float weights by a numerical fit "
                    + "on every step, which a non-universal mesh (" + m.programmer().name() + ") cannot afford; use "
                    + "training=in-mesh-noise-aware, which trains the mesh phases with the same noise");
        }
    }

    /** Trains {@code net} for the key's settings from its float weights. */
    public static Codesigned train(Network net, TrainingMode mode, TrainingKey key, Hyper hyper, long seed) {
        check(mode, key.settings());
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        List<Layer> layers = net.layers();
        SimSettings sim = key.settings();
        int nl = layers.size();
        List<Tensor> weights = new ArrayList<>();
        List<Tensor> biases = new ArrayList<>();
        List<MeshTiles> meshes = new ArrayList<>();
        List<Tensor> slow = new ArrayList<>();
        List<Tensor> fast = new ArrayList<>();
        for (Layer l : layers) {
            Tensor b = Tensor.parameter(l.bias(), l.outDim());
            biases.add(b);
            slow.add(b);
            if (mode.inMesh()) {
                MeshTiles m = MeshTiles.fromWeights(l.weights(), l.outDim(), l.inDim(), programmer(sim),
                        sim.tileRows());
                meshes.add(m);
                fast.add(m.phases());
                slow.add(m.amplitudes());
            } else {
                Tensor w = Tensor.parameter(l.weights(), l.outDim(), l.inDim());
                weights.add(w);
                slow.add(w);
            }
        }
        AdamW slowOpt = new AdamW(slow, new boolean[slow.size()], 0);
        AdamW fastOpt = fast.isEmpty() ? null : new AdamW(fast, new boolean[fast.size()], 0);

        double[] xs = net.trainInputs();
        int[] ys = net.trainLabels();
        int n = ys.length;
        int dim = net.inputSize();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        long step = 0;
        long steps = hyper.steps(n);
        double[][] adc = new double[nl][]; // per layer and tile; null: the calibrated range itself
        boolean calibrate = mode.noisy() && sim.adcBits() > 0;
        Forward hw = (l, chipL) -> mode.inMesh() ? meshes.get(l).program(sim, chipL)
                : PhotonicLayer.program(weights.get(l).value(), layers.get(l).outDim(), layers.get(l).inDim(), sim,
                chipL, 1, PhotonicLayer.TileMapping.UNCACHED);
        // noise-aware on meshes: the tiles' computation differentiated (TiledAdcLinear), the full scales chosen on
        // the grid once, then trained with the weights; elsewhere the grid before every epoch and at the end
        boolean tiled = mode == TrainingMode.NOISE_AWARE && sim.isMesh();
        boolean regrid = !tiled;
        Tensor[] fractions = new Tensor[nl];
        AdamW[] fracOpt = new AdamW[1];
        int epochs = 0;
        double[][] startAdc = null; // the first calibration's full scales, the start the guard compares with
        for (int epoch = 0; step < steps; epoch++) {
            epochs++;
            stopIfInterrupted();
            if (calibrate && (epoch == 0 || regrid)) {
                calibrateAdc(layers, biases, hw, adc, xs, ys, dim, Seeds.derive(seed, -1 - epoch));
                if (epoch == 0) {
                    startAdc = copy(adc);
                }
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n && step < steps; start += hyper.batch()) {
                stopIfInterrupted();
                int bs = Math.min(hyper.batch(), n - start);
                double[] xb = new double[bs * dim];
                int[] yb = new int[bs];
                for (int s = 0; s < bs; s++) {
                    System.arraycopy(xs, order[start + s] * dim, xb, s * dim, dim);
                    yb[s] = ys[order[start + s]];
                }
                long chip = Seeds.derive(seed, step++);
                Tensor x = Tensor.constant(xb, bs, dim);
                for (int l = 0; l < nl; l++) {
                    Layer ly = layers.get(l);
                    long chipL = Seeds.derive(chip, l);
                    Tensor y;
                    if (tiled) {
                        if (fractions[l] == null) { // the grid's choice, then trained
                            double[] init = new double[tileCount(layers.get(l), sim)];
                            for (int t = 0; t < init.length; t++) {
                                init[t] = adc[l] == null ? 1 : adc[l][t];
                            }
                            fractions[l] = Tensor.parameter(init, init.length);
                        }
                        Tensor w = weights.get(l);
                        double[] chipW = PhotonicLayer.program(w.value(), ly.outDim(), ly.inDim(), sim, chipL, 1,
                                PhotonicLayer.TileMapping.UNCACHED).realizedWeights();
                        y = TiledAdcLinear.apply(x, w, chipW, sim.adcBits() > 0 ? fractions[l] : null, chip(sim),
                                Seeds.derive(chipL, 0x7e57L));
                    } else {
                        y = mode.inMesh() ? meshes.get(l).forward(x, sim, mode.noisy(), chipL, adc[l])
                                : noisyLinear(x, weights.get(l), sim, chipL, adc[l]);
                    }
                    y = Ops.add(y, biases.get(l));
                    x = ly.activation() == Layer.Activation.RELU ? Ops.relu(y) : y;
                }
                Ops.crossEntropy(x, yb).backward();
                double f = hyper.factor(step - 1, steps);
                slowOpt.step(hyper.learningRate() * f);
                if (tiled && sim.adcBits() > 0) {
                    if (fracOpt[0] == null) {
                        List<Tensor> fl = new ArrayList<>();
                        for (Tensor t : fractions) {
                            fl.add(t);
                        }
                        fracOpt[0] = new AdamW(fl, new boolean[fl.size()], 0);
                    }
                    fracOpt[0].step(FRACTION_RATE * f);
                    for (int l = 0; l < nl; l++) {
                        double[] v = fractions[l].value();
                        for (int t = 0; t < v.length; t++) {
                            v[t] = Math.max(MIN_FRACTION, Math.min(1, v[t]));
                        }
                        adc[l] = v.clone();
                    }
                }
                if (fastOpt != null) {
                    fastOpt.step(hyper.phaseRate() * f);
                }
                for (MeshTiles m : meshes) {
                    m.clampAttenuations();
                }
            }
        }
        stopIfInterrupted();
        if (calibrate && (regrid || epochs == 0)) {
            // after the last epoch; its seed is the full budget's, whatever the number of epochs run
            calibrateAdc(layers, biases, hw, adc, xs, ys, dim, Seeds.derive(seed, -1 - hyper.epochs()));
        }
        List<Layer> out = new ArrayList<>();
        List<SvdTile[]> tiles = mode.inMesh() ? new ArrayList<>() : null;
        for (int l = 0; l < nl; l++) {
            Layer ly = layers.get(l);
            double[] w;
            if (mode.inMesh()) {
                SvdTile[] ts = meshes.get(l).tiles();
                tiles.add(ts);
                w = meshes.get(l).idealWeights();
            } else {
                w = weights.get(l).value();
            }
            out.add(Layer.of(ly.inDim(), ly.outDim(), w, biases.get(l).value(), ly.activation()));
        }
        String kept = "";
        if (mode == TrainingMode.NOISE_AWARE || mode == TrainingMode.ADC_CALIBRATED) {
            // model selection (README, Co-design): the trained network against its start, scored on training images
            // the ADC calibration did not see, through a few chip samples at the key's settings
            List<Candidate> cs = new ArrayList<>();
            cs.add(new Candidate(mode == TrainingMode.NOISE_AWARE ? "trained" : "calibrated full scales", out,
                    copy(adc)));
            if (mode == TrainingMode.NOISE_AWARE && steps > 0) {
                cs.add(new Candidate(calibrate ? "float weights at the first calibration's full scales"
                        : "float weights", layers, startAdc == null ? new double[nl][] : startAdc));
            }
            if (calibrate) {
                cs.add(new Candidate("float weights at the calibrated range", layers, new double[nl][]));
            }
            Candidate best = select(cs, sim, xs, ys, dim, Seeds.derive(seed, 0x6a4dL));
            out = best.layers();
            for (int l = 0; l < nl; l++) {
                adc[l] = best.adc()[l];
            }
            StringBuilder sb = new StringBuilder(", kept ").append(best.name()).append(" (");
            for (int i = 0; i < cs.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.1f %%",
                        cs.get(i).name(), cs.get(i).accuracy()));
            }
            kept = sb.append(" on ").append(GUARD_CHIPS).append(" chips x ").append(guardSamples(ys.length))
                    .append(" held-out training images)").toString();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        // training runs on this thread: its CPU time says what a free core would take, whatever the machine's load
        double cpu = cpu0 < 0 ? Double.NaN : (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        List<double[]> adcOut = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            adcOut.add(adc[l]);
        }
        String budget = hyper.effectiveBudget() < 1 ? String.format(java.util.Locale.ROOT, ", budget %s: %d steps, "
                + "%d epochs", hyper.budget(), steps, epochs) : "";
        return new Codesigned(out, tiles, adcOut, String.format(java.util.Locale.ROOT, "trained (%s) in %.1f s "
                + "(%.1f CPU-s)%s%s%s", mode.key(), s, cpu, budget, kept, adcSummary(adc)));
    }

    /** Chip samples the final model selection scores each candidate on. */
    static final int GUARD_CHIPS = 3;

    /** A network the final selection may keep: its layers, per layer its ADC full scales (null: the range). */
    record Candidate(String name, List<Layer> layers, double[][] adc, double[] score) {
        Candidate(String name, List<Layer> layers, double[][] adc) {
            this(name, layers, adc, new double[1]);
        }

        double accuracy() {
            return score[0];
        }
    }

    /** Images the selection scores on: those after the calibration's first ones, or all if there are none. */
    static int guardSamples(int n) {
        return n > CALIBRATION_SAMPLES ? Math.min(CALIBRATION_SAMPLES, n - CALIBRATION_SAMPLES) : n;
    }

    /**
     * The candidate with the most correct top-1 answers (the first on a tie) on the last training images that the
     * ADC calibration did not use ({@link #guardSamples}), through {@value #GUARD_CHIPS} chip samples, the same chips
     * and detector noise for every candidate; its accuracy (percent) is written into each candidate's score.
     */
    static Candidate select(List<Candidate> cs, SimSettings sim, double[] xs, int[] ys, int dim, long seed) {
        int n = guardSamples(ys.length);
        int from = ys.length - n;
        double[] x0 = java.util.Arrays.copyOfRange(xs, from * dim, (from + n) * dim);
        Candidate best = null;
        for (Candidate c : cs) {
            stopIfInterrupted();
            long correct = 0;
            for (int g = 0; g < GUARD_CHIPS; g++) {
                long chip = Seeds.derive(seed, g);
                double[] z = x0;
                for (int l = 0; l < c.layers().size(); l++) {
                    Layer ly = c.layers().get(l);
                    PhotonicLayer pl = PhotonicLayer.program(ly.weights(), ly.outDim(), ly.inDim(), sim,
                            Seeds.derive(chip, l), 1, PhotonicLayer.TileMapping.UNCACHED);
                    z = layer(withAdc(pl, c.adc()[l]), ly, ly.bias(), z, n, Seeds.derive(chip, 1000L + l));
                }
                int k = c.layers().get(c.layers().size() - 1).outDim();
                for (int i = 0; i < n; i++) {
                    correct += Network.argmax(z, i * k, k) == ys[from + i] ? 1 : 0;
                }
            }
            c.score()[0] = 100.0 * correct / ((long) n * GUARD_CHIPS);
            if (best == null || c.accuracy() > best.accuracy()) {
                best = c;
            }
        }
        return best;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    /**
     * Stops a training whose thread was interrupted (a search's Ctrl-C): checked before every step and
     * calibration, so the training ends within one step and stores nothing.
     */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("co-design training interrupted");
        }
    }

    static MeshProgrammer programmer(SimSettings sim) {
        return ((TileRealization.MziMesh) sim.tile()).programmer();
    }

    /**
     * x W^T through a freshly sampled chip (its static errors drawn from {@code chipSeed}, the weights mapped anew),
     * with the exact product's gradient.
     */
    private static Tensor noisyLinear(Tensor x, Tensor w, SimSettings sim, long chipSeed, double[] adcFraction) {
        int out = w.dim(0);
        int in = w.dim(1);
        int rows = x.size() / in;
        double[] y = withAdc(PhotonicLayer.program(w.value(), out, in, sim, chipSeed, 1,
                PhotonicLayer.TileMapping.UNCACHED), adcFraction).apply(x.value(), rows, Seeds.derive(chipSeed, 0x7e57L));
        return Ops.straightThrough(Ops.matmulT(x, w), y);
    }

    /** AdamW step of the trained ADC full scales (fractions of the range; README, Co-design). */
    static final double FRACTION_RATE = 1e-2;
    /** The smallest ADC full scale training may reach, as a fraction of the range. */
    static final double MIN_FRACTION = 0.05;

    /** The chip as {@link TiledAdcLinear} needs it: tiles, converters and the detector noise. */
    static TiledAdcLinear.Chip chip(SimSettings sim) {
        return new TiledAdcLinear.Chip(sim.tileRows(), sim.tileCols(), sim.dacBits(), sim.adcBits(),
                org.phodex.photonics.DetectorNoise.relativeNoise(sim.receivedPowerW(), sim.detector()), true);
    }

    static int tileCount(Layer ly, SimSettings sim) {
        return ((ly.outDim() + sim.tileRows() - 1) / sim.tileRows()) * ((ly.inDim() + sim.tileCols() - 1)
                / sim.tileCols());
    }

    /** Layer l's current weights programmed on the chip sample {@code chipSeed}. */
    @FunctionalInterface
    interface Forward {
        PhotonicLayer program(int layer, long chipSeed);
    }

    /** Candidate ADC full scales (fractions of the calibrated range), largest first. */
    static final double[] ADC_FULL_SCALES = {1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    /** Training samples the ADC full scales are chosen on. */
    static final int CALIBRATION_SAMPLES = 1000;

    /** {@code pl} with the per-tile ADC full scales {@code adc} (null: unchanged). */
    static PhotonicLayer withAdc(PhotonicLayer pl, double[] adc) {
        return adc == null ? pl : pl.withAdcFullScale(adc);
    }

    /** Factors on the per-tile choice tried per layer (the result capped at 1). */
    static final double[] ADC_LAYER_FACTORS = {0.7, 0.85, 1, 1.2, 1.45, 1.75, 2.1};

    /**
     * Chooses every tile's ADC full scale, first layer first, on the first {@value #CALIBRATION_SAMPLES} training
     * samples run through one chip sample with the current weights. Per tile, the candidate of
     * {@link #ADC_FULL_SCALES} whose rescaled outputs are closest to the noise-free ones
     * ({@link PhotonicLayer#calibrateAdcFullScale}); then, per layer, one factor of {@link #ADC_LAYER_FACTORS} on all
     * its tiles (capped at 1), the one with the least cross-entropy of the network's output (the later layers at
     * their current full scales, the same noise for every factor), since the least error of a tile's outputs is not
     * quite what classifies best. Each layer is fed by the previous one at its chosen full scales.
     */
    static void calibrateAdc(List<Layer> layers, List<Tensor> biases, Forward hw, double[][] adc, double[] xs,
                             int[] ys, int dim, long chipSeed) {
        int n = Math.min(CALIBRATION_SAMPLES, ys.length);
        double[] x = java.util.Arrays.copyOf(xs, n * dim);
        int[] labels = java.util.Arrays.copyOf(ys, n);
        int nl = layers.size();
        PhotonicLayer[] pl = new PhotonicLayer[nl];
        for (int l = 0; l < nl; l++) {
            pl[l] = hw.program(l, Seeds.derive(chipSeed, l));
        }
        for (int l = 0; l < nl; l++) {
            long noise = Seeds.derive(chipSeed, 1000L + l);
            double[] tiles = pl[l].calibrateAdcFullScale(x, n, noise, ADC_FULL_SCALES);
            int layer = l;
            double[] in = x;
            adc[l] = bestLayerFactor(tiles, a -> {
                double[] z = in;
                for (int k = layer; k < nl; k++) {
                    z = layer(withAdc(pl[k], k == layer ? a : adc[k]), layers.get(k), biases.get(k).value(), z, n,
                            Seeds.derive(chipSeed, 1000L + k));
                }
                return Ops.crossEntropy(Tensor.constant(z, n, layers.get(nl - 1).outDim()), labels).item();
            }, adc[l]);
            x = layer(withAdc(pl[l], adc[l]), layers.get(l), biases.get(l).value(), x, n, noise);
        }
    }

    /**
     * Of the per-tile full scales {@code tiles} times each factor of {@link #ADC_LAYER_FACTORS} (capped at 1), the
     * one with the least {@code loss} (the first on a tie); {@code none} when no loss is below infinity. The MLP
     * trainer and {@link DeepCodesign#calibrateAdc} choose a layer's factor with it.
     */
    static double[] bestLayerFactor(double[] tiles, java.util.function.ToDoubleFunction<double[]> loss,
                                    double[] none) {
        double best = Double.POSITIVE_INFINITY;
        double[] chosen = none;
        for (double f : ADC_LAYER_FACTORS) {
            double[] a = new double[tiles.length];
            for (int t = 0; t < a.length; t++) {
                a[t] = Math.min(1, f * tiles[t]);
            }
            double v = loss.applyAsDouble(a);
            if (v < best) {
                best = v;
                chosen = a;
            }
        }
        return chosen;
    }

    /** "" or ", ADC full scale mean 0.62 (0.3-0.9)" over the layers' tiles. */
    private static String adcSummary(double[][] adc) {
        StringBuilder sb = new StringBuilder();
        for (double[] a : adc) {
            if (a != null) {
                java.util.DoubleSummaryStatistics st = java.util.Arrays.stream(a).summaryStatistics();
                sb.append(String.format(java.util.Locale.ROOT, "%s%.2f (%.1f-%.1f)", sb.length() == 0 ? "" : ", ",
                        st.getAverage(), st.getMin(), st.getMax()));
            }
        }
        return sb.length() == 0 ? "" : ", ADC full scale per layer, mean (range) over tiles: " + sb;
    }

    /** One layer on the hardware: y = act(hw(x) + b). */
    private static double[] layer(PhotonicLayer pl, Layer ly, double[] b, double[] x, int n, long noiseSeed) {
        double[] y = pl.apply(x, n, noiseSeed);
        int out = ly.outDim();
        boolean relu = ly.activation() == Layer.Activation.RELU;
        for (int s = 0; s < n; s++) {
            for (int o = 0; o < out; o++) {
                double v = y[s * out + o] + b[o];
                y[s * out + o] = relu && v < 0 ? 0 : v;
            }
        }
        return y;
    }

    /** The layout of an n-mode mesh of the design's programmer. */
    static MeshLayout layout(SimSettings sim) {
        return programmer(sim).layout(sim.tileRows());
    }
}
