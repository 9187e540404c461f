package org.phodex.codesign;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.phodex.sim.PhotonicLayer;
import org.phodex.sim.Seeds;
import org.phodex.sim.SimSettings;
import org.phodex.train.Net;
import org.phodex.train.Ops;
import org.phodex.train.Products;
import org.phodex.train.Tensor;
import org.phodex.train.Trained;
import org.phodex.train.Training;
import org.phodex.workload.DeepNetwork;
import org.phodex.workload.DeepTraining;

/**
 * Noise-aware fine-tuning of a CNN or ViT ({@code model:} workloads) for one design, from its float parameters: the
 * network's own forward pass ({@link org.phodex.train.Net#logits}) with every matrix product on a chip sampled afresh
 * for each step (static errors, phase quantization, input DAC, detector noise at the SNR of the training key's grid
 * point, per-tile ADC over the range calibrated on the batch: exactly the products inference runs, convolutions as
 * im2col GEMMs and, for a ViT, attention's dynamic products), with the exact product's gradient passed straight
 * through (Bengio et al., arXiv:1308.3432), as {@link CodesignTrainer} does for MLPs. The float training's AdamW,
 * warm-up and cosine decay and random shifts ({@link Training#fineTune}), a short recipe ({@link #recipe}) on the
 * training images less the last {@value #VALIDATION}, which are held out to choose it; if the fine-tuned parameters
 * do worse than the float ones through a chip on the first training images (a very noisy design can make the steps
 * diverge), the float ones are kept. Where the ADC's steps limit more than the detector noise
 * ({@link #quantizationLimited}), each static GEMM's tiles' ADC full scales are then chosen as the MLP trainer
 * chooses them ({@link #calibrateAdc}), and kept if they do better than the range on another chip sample;
 * {@code adc-calibrated} chooses them for the float parameters alone.
 */
public final class DeepCodesign {
    /** Training images held out (the last ones of the training split) on which the recipe was chosen. */
    public static final int VALIDATION = 1000;
    /** Fine-tuning passes over the training images. */
    static final int EPOCHS = 1;

    /** Where a training step's products run: chip samples for the settings. */
    public interface Chips {
        /**
         * Chip sample {@code chipSeed}'s products, static GEMM g's tiles with ADC full scales {@code adc.get(g)}
         * (fractions of each tile's calibrated range; absent: the range itself).
         */
        Products onChip(SimSettings sim, long chipSeed, Map<Integer, double[]> adc);

        /** GEMM {@code gemm}'s static layer holding {@code w} ({@code n x k}) as {@link #onChip} programs it. */
        PhotonicLayer layer(SimSettings sim, long chipSeed, int gemm, double[] w, int n, int k);
    }

    /**
     * A fine-tuning recipe; part of the training key.
     *
     * @param training the optimizer, schedule, epochs, batch, shifts and seed
     * @param images   the first this many training images are used
     * @param calibrationImages the first this many training images choose the ADC full scales
     */
    public record Recipe(DeepTraining training, int images, int calibrationImages) {
        /** With the ADC full scales chosen on {@value #CALIBRATION_IMAGES} images. */
        public Recipe(DeepTraining training, int images) {
            this(training, images, CALIBRATION_IMAGES);
        }

        public String key() {
            return "finetune;" + training.key() + ";images=" + images + ";adc_grid_images=" + calibrationImages
                    + ";adc_grid_when=quantization-limited";
        }

        /**
         * The recipe on {@code budget} of its images (a search's cut training, {@code --training-budget}; the ADC
         * full scales are chosen as in full).
         */
        public Recipe withBudget(double budget) {
            return budget >= 1 ? this
                    : new Recipe(training, Math.max(1, (int) Math.round(images * budget)), calibrationImages);
        }
    }

    private DeepCodesign() {
    }

    /**
     * The noise-aware recipe for {@code spec}: its float recipe (peak learning rate, decay, batch, shifts, seed) for
     * {@value #EPOCHS} epoch, on the training images less the held-out ones (on all of them when there are at most
     * twice as many, as in the tests' small configurations). Chosen on mnist-cnn at 3-bit ADCs and at
     * laser_margin_db=-12 by the accuracy through 3 simulated chips on the held-out images (README, Co-design): peak
     * rates 5e-4, 1e-3 and 2e-3 and one or two epochs were tried, and a second epoch gained less than the spread
     * between rates; choosing the ADC full scales afterwards gained 1.4 points more at 3 bits.
     */
    public static Recipe recipe(DeepNetwork spec) {
        int n = spec.trainSize();
        return new Recipe(spec.training().withEpochs(EPOCHS), n > 2 * VALIDATION ? n - VALIDATION : n);
    }

    /** Checks that {@code mode} can train a CNN or ViT for the design; IllegalArgumentException with a hint if not. */
    public static void check(TrainingMode mode, SimSettings sim, String workload) {
        if (mode != TrainingMode.NOISE_AWARE && mode != TrainingMode.ADC_CALIBRATED) {
            throw new IllegalArgumentException("training=" + mode.key() + " is implemented for MLP workloads; "
                    + workload + " supports training=noise-aware, adc-calibrated or post-mapping");
        }
        if (sim.tile() instanceof org.phodex.sim.TileRealization.MziMesh m && !m.programmer().exact()) {
            throw new IllegalArgumentException("training=" + mode.key() + " programs the weights on sampled chips "
                    + "again and again, which a non-universal mesh (" + m.programmer().name() + ") does by a slow "
                    + "numerical fit, and in-mesh training is implemented for MLP workloads; " + workload
                    + " trains for universal meshes (mzi-clements, mzi-reck) and ring banks");
        }
    }

    /**
     * Fine-tunes a copy of {@code net} for the key's settings (its grid point) in {@code mode}: noise-aware runs the
     * recipe; both modes then choose the tiles' ADC full scales ({@link #calibrateAdc}) when the design has ADCs.
     */
    static Tuned train(Trained net, TrainingMode mode, TrainingKey key, Recipe recipe, Chips chips) {
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        DeepNetwork spec = net.spec();
        long seed = recipe.training().seed();
        SimSettings sim = key.settings();
        Map<Integer, double[]> adc = new TreeMap<>();
        Trained tuned = net.derive(copy -> {
            String kept = "";
            if (mode == TrainingMode.NOISE_AWARE) {
                Training.fineTune(copy, spec, recipe.training(), recipe.images(),
                        step -> {
                            CodesignTrainer.stopIfInterrupted(); // a search's Ctrl-C: stop before the step
                            return chips.onChip(sim, Seeds.derive(seed, step), Map.of());
                        },
                        line -> System.err.println(spec.name() + " noise-aware fine-tuning: " + line));
                // on a very noisy design the steps can diverge: keep the float parameters if they do better
                long check = Seeds.derive(seed, -2);
                double before = hardwareLoss(net.net(), spec, sim, chips, check, recipe.calibrationImages(), Map.of());
                double after = hardwareLoss(copy, spec, sim, chips, check, recipe.calibrationImages(), Map.of());
                if (!(after <= before)) {
                    for (int p = 0; p < copy.parameters().size(); p++) {
                        double[] v = net.net().parameters().get(p).value();
                        System.arraycopy(v, 0, copy.parameters().get(p).value(), 0, v.length);
                    }
                    kept = String.format(Locale.ROOT, "; kept the float parameters, whose cross-entropy through a "
                            + "chip is %.3f against the fine-tuned %.3f", before, after);
                }
            }
            if (quantizationLimited(sim)) {
                Map<Integer, double[]> chosen = calibrateAdc(copy, spec, sim, chips, Seeds.derive(seed, -1),
                        recipe.calibrationImages());
                // the choice is made on one chip and noise draw: kept only if another chip confirms it (where the
                // detector noise, not the ADC's steps, limits, the full range does better)
                long check = Seeds.derive(seed, -3);
                double range = hardwareLoss(copy, spec, sim, chips, check, recipe.calibrationImages(), Map.of());
                double scaled = hardwareLoss(copy, spec, sim, chips, check, recipe.calibrationImages(), chosen);
                if (scaled < range) {
                    adc.putAll(chosen);
                } else {
                    kept += String.format(Locale.ROOT, "; ADC full scales left at the range (cross-entropy %.3f "
                            + "against %.3f with the chosen ones)", range, scaled);
                }
            }
            double cpu = cpu0 < 0 ? Double.NaN : (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            return String.format(Locale.ROOT, "trained (%s%s%s) in %.1f s (%.1f CPU-s)", mode.key(),
                    mode == TrainingMode.NOISE_AWARE ? String.format(Locale.ROOT, ", %d epoch(s) on %d images",
                            recipe.training().epochs(), recipe.images()) : "", kept,
                    (System.nanoTime() - t0) / 1e9, cpu);
        });
        return new Tuned(tuned, adc);
    }

    /**
     * True when the ADC's step (a fraction 1 / (2^(b-1) - 1) of a tile's range) is larger than the detector noise's
     * standard deviation (relative to the range): then the ADC's steps, not the noise, limit the outputs, and a full
     * scale below the range (finer steps, some clipping) can pay; where the noise is larger it also dithers the
     * steps, and clipping only adds error. On the held-out images at laser_margin_db=-12 (6-bit ADCs, noise 1.4 times
     * the step) choosing full scales cost 0.8 to 1.5 points; at 3-bit ADCs (the step 3.7 times the noise) it gained
     * 1.4 to 4 (README, Co-design).
     */
    static boolean quantizationLimited(SimSettings sim) {
        if (sim.adcBits() <= 0) {
            return false;
        }
        double step = 1.0 / ((1 << (sim.adcBits() - 1)) - 1);
        return step > org.phodex.photonics.DetectorNoise.relativeNoise(sim.receivedPowerW(), sim.detector());
    }

    /**
     * Mean cross-entropy of the first {@code images} training images through chip {@code chipSeed} with ADC full
     * scales {@code adc}.
     */
    static double hardwareLoss(Net net, DeepNetwork spec, SimSettings sim, Chips chips, long chipSeed, int images,
                               Map<Integer, double[]> adc) {
        int n = Math.min(images, spec.trainSize());
        Tensor x = Tensor.constant(java.util.Arrays.copyOf(spec.trainInputs(), n * spec.dim()), n, spec.dim());
        return Ops.crossEntropy(net.logits(x, chips.onChip(sim, chipSeed, adc)),
                java.util.Arrays.copyOf(spec.trainLabels(), n)).item();
    }

    /** Training images the ADC full scales are chosen on (one chunk of inference, whose range it calibrates). */
    static final int CALIBRATION_IMAGES = 250;

    /**
     * Chooses every static GEMM's tiles' ADC full scales, in the order the network runs them, on the first
     * {@value #CALIBRATION_IMAGES} training images through one chip sample, as the MLP trainer does
     * ({@link CodesignTrainer#calibrateAdc}): per tile the fraction of {@link CodesignTrainer#ADC_FULL_SCALES} whose
     * outputs on the GEMM's inputs are closest to the noise-free ones ({@link PhotonicLayer#calibrateAdcFullScale}),
     * then one factor of {@link CodesignTrainer#ADC_LAYER_FACTORS} on all of them (capped at 1) with the least
     * cross-entropy of the network's output, the later GEMMs at their range, each GEMM fed by the earlier ones at
     * their chosen full scales. Attention's dynamic products keep their range. (The recipe may use other than
     * {@value #CALIBRATION_IMAGES} images.)
     */
    static Map<Integer, double[]> calibrateAdc(Net net, DeepNetwork spec, SimSettings sim, Chips chips, long chipSeed,
                                               int images) {
        int n = Math.min(images, spec.trainSize());
        Tensor x = Tensor.constant(java.util.Arrays.copyOf(spec.trainInputs(), n * spec.dim()), n, spec.dim());
        int[] labels = java.util.Arrays.copyOf(spec.trainLabels(), n);
        Map<Integer, double[]> adc = new TreeMap<>();
        Capture order = new Capture(chips.onChip(sim, chipSeed, adc), -1);
        net.logits(x, order);
        for (int g : order.gemms) {
            CodesignTrainer.stopIfInterrupted();
            Capture in = new Capture(chips.onChip(sim, chipSeed, adc), g);
            net.logits(x, in);
            PhotonicLayer pl = chips.layer(sim, chipSeed, g, in.w.value(), in.w.dim(0), in.w.dim(1));
            double[] tiles = pl.calibrateAdcFullScale(in.x, in.x.length / in.w.dim(1), Seeds.derive(chipSeed, g),
                    CodesignTrainer.ADC_FULL_SCALES);
            double[] chosen = CodesignTrainer.bestLayerFactor(tiles, a -> {
                Map<Integer, double[]> trial = new TreeMap<>(adc);
                trial.put(g, a);
                return Ops.crossEntropy(net.logits(x, chips.onChip(sim, chipSeed, trial)), labels).item();
            }, null);
            adc.put(g, chosen);
        }
        return adc;
    }

    /** Passes products through, recording the static GEMMs' order, and GEMM {@code gemm}'s input and weights. */
    private static final class Capture implements Products {
        private final Products inner;
        private final int gemm;
        private final java.util.List<Integer> gemms = new java.util.ArrayList<>();
        private double[] x;
        private Tensor w;

        Capture(Products inner, int gemm) {
            this.inner = inner;
            this.gemm = gemm;
        }

        @Override
        public Tensor linear(int g, Tensor x, Tensor w) {
            if (!gemms.contains(g)) {
                gemms.add(g);
            }
            if (g == gemm) {
                this.x = x.value();
                this.w = w;
            }
            return inner.linear(g, x, w);
        }

        @Override
        public Tensor dynamic(int g, Tensor a, Tensor b) {
            return inner.dynamic(g, a, b);
        }
    }

    /**
     * A CNN or ViT trained for one key: its parameters and, per static GEMM, its tiles' ADC full scales (fractions of
     * each tile's calibrated range; empty without ADCs).
     */
    public record Tuned(Trained net, Map<Integer, double[]> adcFullScale) {
        public Tuned {
            adcFullScale = java.util.Collections.unmodifiableMap(new TreeMap<>(adcFullScale));
        }

        public String origin() {
            return net.origin();
        }
    }
}
