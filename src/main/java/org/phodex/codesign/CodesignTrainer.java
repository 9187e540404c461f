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
 * through it exactly as inference does (tiles, input DAC, detector noise at the SNR the link budget gives, per-tile
 * ADC); the gradient of the exact product passes straight through (Bengio et al., arXiv:1308.3432). The result is a
 * set of float weights, mapped as in post-mapping.
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
     */
    public record Hyper(int epochs, int batch, double learningRate, double phaseRate) {
        public String key() {
            return "epochs=" + epochs + ";batch=" + batch + ";lr=" + learningRate + ";phase_lr=" + phaseRate;
        }
    }

    /** Fine-tuning defaults: a few epochs from the float weights (chosen on mnist-mlp; see README, Co-design). */
    public static final Hyper NOISE_AWARE = new Hyper(2, 64, 3e-4, 0);
    public static final Hyper IN_MESH = new Hyper(4, 64, 1e-3, 1e-2);

    private CodesignTrainer() {
    }

    public static Hyper hyper(TrainingMode mode) {
        return mode.inMesh() ? IN_MESH : NOISE_AWARE;
    }

    /** Checks that the design's tiles can be trained in {@code mode}; IllegalArgumentException with a hint if not. */
    public static void check(TrainingMode mode, SimSettings sim) {
        if (mode.inMesh() && !(sim.tile() instanceof TileRealization.MziMesh)) {
            throw new IllegalArgumentException("training=" + mode.key() + " trains MZI mesh phases; this design's "
                    + "tiles are not MZI meshes (use training=noise-aware or post-mapping)");
        }
        if (mode == TrainingMode.NOISE_AWARE && sim.tile() instanceof TileRealization.MziMesh m
                && !m.programmer().exact()) {
            throw new IllegalArgumentException("training=noise-aware maps float weights by a numerical fit on every "
                    + "step, which a non-universal mesh (" + m.programmer().name() + ") cannot afford; use "
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
        for (int epoch = 0; epoch < hyper.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += hyper.batch()) {
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
                    Tensor y = mode.inMesh() ? meshes.get(l).forward(x, sim, mode.noisy(), chipL)
                            : noisyLinear(x, weights.get(l), sim, chipL);
                    y = Ops.add(y, biases.get(l));
                    x = ly.activation() == Layer.Activation.RELU ? Ops.relu(y) : y;
                }
                Ops.crossEntropy(x, yb).backward();
                slowOpt.step(hyper.learningRate());
                if (fastOpt != null) {
                    fastOpt.step(hyper.phaseRate());
                }
                for (MeshTiles m : meshes) {
                    m.clampAttenuations();
                }
            }
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
        double s = (System.nanoTime() - t0) / 1e9;
        // training runs on this thread: its CPU time says what a free core would take, whatever the machine's load
        double cpu = cpu0 < 0 ? Double.NaN : (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Codesigned(out, tiles, String.format(java.util.Locale.ROOT, "trained (%s) in %.1f s (%.1f CPU-s)",
                mode.key(), s, cpu));
    }

    static MeshProgrammer programmer(SimSettings sim) {
        return ((TileRealization.MziMesh) sim.tile()).programmer();
    }

    /**
     * x W^T through a freshly sampled chip (its static errors drawn from {@code chipSeed}, the weights mapped anew),
     * with the exact product's gradient.
     */
    private static Tensor noisyLinear(Tensor x, Tensor w, SimSettings sim, long chipSeed) {
        int out = w.dim(0);
        int in = w.dim(1);
        int rows = x.size() / in;
        double[] y = PhotonicLayer.program(w.value(), out, in, sim, chipSeed, 1, PhotonicLayer.TileMapping.UNCACHED)
                .apply(x.value(), rows, Seeds.derive(chipSeed, 0x7e57L));
        return Ops.straightThrough(Ops.matmulT(x, w), y);
    }

    /** The layout of an n-mode mesh of the design's programmer. */
    static MeshLayout layout(SimSettings sim) {
        return programmer(sim).layout(sim.tileRows());
    }
}
