package org.phodex.codesign;

import java.util.Locale;
import org.phodex.sim.Seeds;
import org.phodex.sim.SimSettings;
import org.phodex.train.Products;
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
 * training images less the last {@value #VALIDATION}, which are held out to choose it. Unlike the MLP trainer it does
 * not choose the tiles' ADC full scales: each tile's ADC range is calibrated on the batch, as inference does.
 */
public final class DeepCodesign {
    /** Training images held out (the last ones of the training split) on which the recipe was chosen. */
    public static final int VALIDATION = 1000;
    /** Fine-tuning passes over the training images. */
    static final int EPOCHS = 1;

    /** Where a training step's products run: a chip sample for the settings. */
    @FunctionalInterface
    public interface Chips {
        Products onChip(SimSettings sim, long chipSeed);
    }

    /**
     * A fine-tuning recipe; part of the training key.
     *
     * @param training the optimizer, schedule, epochs, batch, shifts and seed
     * @param images   the first this many training images are used
     */
    public record Recipe(DeepTraining training, int images) {
        public String key() {
            return "finetune;" + training.key() + ";images=" + images;
        }
    }

    private DeepCodesign() {
    }

    /**
     * The noise-aware recipe for {@code spec}: its float recipe (peak learning rate, decay, batch, shifts, seed) for
     * {@value #EPOCHS} epoch, on the training images less the held-out ones (on all of them when there are at most
     * twice as many, as in the tests' small configurations). Chosen on mnist-cnn at 3-bit ADCs and at laser_margin_db=-12 by the accuracy through
     * 3 simulated chips on the held-out images (README, Co-design): peak rates 5e-4, 1e-3 and 2e-3 and one or two
     * epochs were tried, and a second epoch gained less than the spread between rates.
     */
    public static Recipe recipe(DeepNetwork spec) {
        int n = spec.trainSize();
        return new Recipe(spec.training().withEpochs(EPOCHS), n > 2 * VALIDATION ? n - VALIDATION : n);
    }

    /** Checks that {@code mode} can train a CNN or ViT for the design; IllegalArgumentException with a hint if not. */
    public static void check(TrainingMode mode, SimSettings sim, String workload) {
        if (mode != TrainingMode.NOISE_AWARE) {
            throw new IllegalArgumentException("training=" + mode.key() + " is implemented for MLP workloads; "
                    + workload + " supports training=noise-aware or post-mapping");
        }
        if (sim.tile() instanceof org.phodex.sim.TileRealization.MziMesh m && !m.programmer().exact()) {
            throw new IllegalArgumentException("training=noise-aware maps the weights by a numerical fit on every "
                    + "step, which a non-universal mesh (" + m.programmer().name() + ") cannot afford, and in-mesh "
                    + "training is implemented for MLP workloads; " + workload + " trains for universal meshes "
                    + "(mzi-clements, mzi-reck) and ring banks");
        }
    }

    /** Fine-tunes a copy of {@code net} for the key's settings (its grid point). */
    static Trained train(Trained net, TrainingKey key, Recipe recipe, Chips chips) {
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        DeepNetwork spec = net.spec();
        long seed = recipe.training().seed();
        return net.derive(copy -> {
            Training.fineTune(copy, spec, recipe.training(), recipe.images(),
                    step -> {
                        CodesignTrainer.stopIfInterrupted(); // a search's Ctrl-C: stop before the step, store nothing
                        return chips.onChip(key.settings(), Seeds.derive(seed, step));
                    },
                    line -> System.err.println(spec.name() + " noise-aware fine-tuning: " + line));
            double cpu = cpu0 < 0 ? Double.NaN : (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            return String.format(Locale.ROOT, "trained (noise-aware, %d epoch(s) on %d images) in %.1f s (%.1f CPU-s)",
                    recipe.training().epochs(), recipe.images(), (System.nanoTime() - t0) / 1e9, cpu);
        });
    }
}
