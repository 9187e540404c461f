package org.phodex.train;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.phodex.workload.DeepNetwork;
import org.phodex.workload.DeepTraining;
import org.phodex.workload.ModelShape;

/**
 * Trains a {@link DeepNetwork}'s CNN or ViT: AdamW, one epoch of linear warm-up (at most a fifth of all steps)
 * then cosine decay to zero, mean cross-entropy, random translations of up to {@code shift} pixels with zero fill.
 * Deterministic from the seed: one {@link Random} draws the initial weights, then per epoch the shuffle and per
 * sample the shift; products never depend on the number of threads.
 */
public final class Training {
    private Training() {
    }

    /** A network of the spec's shape with initial weights drawn from {@code rnd}. */
    public static Net create(ModelShape shape, Random rnd) {
        if (shape instanceof ModelShape.Cnn c) {
            return new Cnn(c, rnd);
        }
        return new Vit((ModelShape.Vit) shape, rnd);
    }

    /** Trains from scratch with exact products. */
    public static Net train(DeepNetwork spec, Consumer<String> progress) {
        return train(spec, Products.EXACT, progress);
    }

    /**
     * Trains from scratch, every product through {@code products} (exact, or a hardware model that passes
     * gradients straight through, for noise-aware training).
     */
    public static Net train(DeepNetwork spec, Products products, Consumer<String> progress) {
        DeepTraining c = spec.training();
        Random rnd = new Random(c.seed());
        Net net = create(spec.shape(), rnd);
        fit(net, spec, c, spec.trainSize(), step -> products, rnd, progress);
        return net;
    }

    /**
     * Fine-tunes {@code net} in place with {@code recipe} on the first {@code count} training images, step s's
     * products through {@code products.apply(s)} (e.g. a freshly sampled chip per step, passing the exact product's
     * gradient straight through). Deterministic from the recipe's seed.
     */
    public static void fineTune(Net net, DeepNetwork spec, DeepTraining recipe, int count,
                                java.util.function.LongFunction<Products> products, Consumer<String> progress) {
        if (count < 1 || count > spec.trainSize()) {
            throw new IllegalArgumentException("fine-tune on " + count + " of " + spec.trainSize()
                    + " training images");
        }
        fit(net, spec, recipe, count, products, new Random(recipe.seed()), progress);
    }

    /**
     * The training loop: AdamW over {@code recipe.epochs()} passes of the first {@code n} training images, shuffled
     * and shifted by {@code rnd}, warm-up then cosine decay, step s's products from {@code products}.
     */
    private static void fit(Net net, DeepNetwork spec, DeepTraining c, int n,
                            java.util.function.LongFunction<Products> products, Random rnd,
                            Consumer<String> progress) {
        List<Tensor> params = net.parameters();
        AdamW opt = new AdamW(params, net.decays(), c.weightDecay());
        int dim = spec.dim();
        double[] xs = spec.trainInputs();
        int[] ys = spec.trainLabels();
        int perEpoch = (n + c.batchSize() - 1) / c.batchSize();
        int total = perEpoch * c.epochs();
        int warmup = Math.max(1, Math.min(perEpoch, total / 5));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long t0 = System.nanoTime();
        int step = 0;
        for (int epoch = 0; epoch < c.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            int correct = 0;
            for (int start = 0; start < n; start += c.batchSize()) {
                int bs = Math.min(c.batchSize(), n - start);
                double[] x = new double[bs * dim];
                int[] y = new int[bs];
                for (int s = 0; s < bs; s++) {
                    int idx = order[start + s];
                    y[s] = ys[idx];
                    int dy = c.shift() == 0 ? 0 : rnd.nextInt(2 * c.shift() + 1) - c.shift();
                    int dx = c.shift() == 0 ? 0 : rnd.nextInt(2 * c.shift() + 1) - c.shift();
                    shift(xs, idx * dim, x, s * dim, spec.shape(), dy, dx);
                }
                Tensor logits = net.logits(Tensor.constant(x, bs, dim), products.apply(step));
                Tensor loss = Ops.crossEntropy(logits, y);
                loss.backward();
                opt.step(learningRate(c.learningRate(), step, warmup, total));
                step++;
                lossSum += loss.item() * bs;
                correct += correct(logits.value(), y, logits.dim(-1));
            }
            if (progress != null) {
                progress.accept(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  train accuracy %.4f  %.0f s",
                        epoch + 1, c.epochs(), lossSum / n, (double) correct / n, (System.nanoTime() - t0) / 1e9));
            }
        }
    }

    /** Peak lr ramped linearly over {@code warmup} steps, then cosine decay to 0 at {@code total}. */
    static double learningRate(double peak, int step, int warmup, int total) {
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        double p = (double) (step - warmup) / Math.max(1, total - warmup);
        return peak * 0.5 * (1 + Math.cos(Math.PI * p));
    }

    /** Copies one image translated by (dy, dx) pixels, zero fill; NHWC. */
    static void shift(double[] src, int so, double[] dst, int d0, ModelShape s, int dy, int dx) {
        int h = s.height();
        int w = s.width();
        int ch = s.channels();
        for (int y = 0; y < h; y++) {
            int sy = y - dy;
            if (sy < 0 || sy >= h) {
                continue;
            }
            int x0 = Math.max(0, dx);
            int x1 = Math.min(w, w + dx);
            if (x1 > x0) {
                System.arraycopy(src, so + (sy * w + x0 - dx) * ch, dst, d0 + (y * w + x0) * ch, (x1 - x0) * ch);
            }
        }
    }

    /** How many rows of {@code logits} ({@code rows x k}) have their arg-max at the label (ties: lowest index). */
    static int correct(double[] logits, int[] labels, int k) {
        int c = 0;
        for (int r = 0; r < labels.length; r++) {
            int best = -1;
            double bv = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                double v = logits[r * k + i];
                if (v > bv || (best < 0 && v == bv)) {
                    best = i;
                    bv = v;
                }
            }
            if (best == labels[r]) {
                c++;
            }
        }
        return c;
    }
}
