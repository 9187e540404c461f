package org.phodex.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a ReLU MLP with softmax cross-entropy, single-threaded and bit-reproducible: a seeded
 * {@link Random} (its algorithm is fixed by the Java specification), {@link StrictMath#exp}, and loops whose
 * summation order never depends on the JIT (Java does not reassociate floating-point sums).
 */
final class Trainer {
    private static final double BETA1 = 0.9;    // Kingma and Ba, ICLR 2015, defaults
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private Trainer() {
    }

    /**
     * @param sizes layer widths, input first, classes last (e.g. 784, 128, 10)
     * @return the layers, W stored {@code outDim x inDim}; hidden layers ReLU, the last plain logits
     */
    static List<Layer> train(Dataset d, int[] sizes, TrainingConfig c) {
        int nl = sizes.length - 1;
        Random rnd = new Random(c.seed());
        // weights kept transposed (in x out) while training so that every inner loop is a contiguous axpy
        double[][] wt = new double[nl][];
        double[][] b = new double[nl][];
        for (int l = 0; l < nl; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            wt[l] = new double[in * out];
            b[l] = new double[out];
            double std = Math.sqrt(2.0 / in); // Kaiming-normal, He et al., ICCV 2015
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    wt[l][i * out + o] = std * rnd.nextGaussian();
                }
            }
        }
        double[][] m1w = new double[nl][];
        double[][] m2w = new double[nl][];
        double[][] m1b = new double[nl][];
        double[][] m2b = new double[nl][];
        double[][] gw = new double[nl][];
        double[][] gb = new double[nl][];
        for (int l = 0; l < nl; l++) {
            m1w[l] = new double[wt[l].length];
            m2w[l] = new double[wt[l].length];
            m1b[l] = new double[b[l].length];
            m2b[l] = new double[b[l].length];
            gw[l] = new double[wt[l].length];
            gb[l] = new double[b[l].length];
        }
        int bsMax = c.batchSize();
        double[][] act = new double[nl + 1][];
        double[][] dz = new double[nl][];
        for (int l = 0; l <= nl; l++) {
            act[l] = new double[bsMax * sizes[l]];
        }
        for (int l = 0; l < nl; l++) {
            dz[l] = new double[bsMax * sizes[l + 1]];
        }

        int n = d.trainSize();
        int dim = d.dim();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double pow1 = 1;
        double pow2 = 1;
        for (int epoch = 0; epoch < c.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += bsMax) {
                int bs = Math.min(bsMax, n - start);
                for (int s = 0; s < bs; s++) {
                    System.arraycopy(d.trainX(), order[start + s] * dim, act[0], s * dim, dim);
                }
                for (int l = 0; l < nl; l++) {
                    forward(act[l], wt[l], b[l], act[l + 1], bs, sizes[l], sizes[l + 1], l < nl - 1);
                }
                // softmax cross-entropy gradient, mean over the batch
                int k = sizes[nl];
                double[] logits = act[nl];
                double[] g = dz[nl - 1];
                for (int s = 0; s < bs; s++) {
                    int off = s * k;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int o = 0; o < k; o++) {
                        max = Math.max(max, logits[off + o]);
                    }
                    double sum = 0;
                    for (int o = 0; o < k; o++) {
                        double e = StrictMath.exp(logits[off + o] - max);
                        g[off + o] = e;
                        sum += e;
                    }
                    int y = d.trainY()[order[start + s]];
                    for (int o = 0; o < k; o++) {
                        g[off + o] = (g[off + o] / sum - (o == y ? 1.0 : 0.0)) / bs;
                    }
                }
                for (int l = nl - 1; l >= 0; l--) {
                    backward(act[l], wt[l], dz[l], gw[l], gb[l], l > 0 ? dz[l - 1] : null, bs, sizes[l],
                            sizes[l + 1]);
                }
                if (c.optimizer().equals("adam")) {
                    pow1 *= BETA1;
                    pow2 *= BETA2;
                    double step = c.learningRate() / (1 - pow1);
                    double bc2 = 1 - pow2;
                    for (int l = 0; l < nl; l++) {
                        adam(wt[l], gw[l], m1w[l], m2w[l], step, bc2);
                        adam(b[l], gb[l], m1b[l], m2b[l], step, bc2);
                    }
                } else {
                    for (int l = 0; l < nl; l++) {
                        sgd(wt[l], gw[l], m1w[l], c.learningRate(), c.momentum());
                        sgd(b[l], gb[l], m1b[l], c.learningRate(), c.momentum());
                    }
                }
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] w = new double[in * out];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    w[o * in + i] = wt[l][i * out + o];
                }
            }
            layers.add(new Layer(in, out, w, b[l].clone(), l < nl - 1 ? Layer.Activation.RELU
                    : Layer.Activation.NONE));
        }
        return layers;
    }

    /** z = a Wt + b for {@code bs} rows, then ReLU when asked; Wt is in x out. */
    private static void forward(double[] a, double[] wt, double[] b, double[] z, int bs, int in, int out,
                                boolean relu) {
        for (int s = 0; s < bs; s++) {
            int zo = s * out;
            System.arraycopy(b, 0, z, zo, out);
            for (int i = 0; i < in; i++) {
                double v = a[s * in + i];
                if (v != 0) {
                    int wo = i * out;
                    for (int o = 0; o < out; o++) {
                        z[zo + o] += v * wt[wo + o];
                    }
                }
            }
            if (relu) {
                for (int o = 0; o < out; o++) {
                    if (z[zo + o] < 0) {
                        z[zo + o] = 0;
                    }
                }
            }
        }
    }

    /** Gradients of W (as Wt) and b from dz; dzPrev (when not null) gets dz Wt^T masked by the ReLU. */
    private static void backward(double[] a, double[] wt, double[] dz, double[] gw, double[] gb, double[] dzPrev,
                                 int bs, int in, int out) {
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gb, 0);
        for (int s = 0; s < bs; s++) {
            int zo = s * out;
            for (int o = 0; o < out; o++) {
                gb[o] += dz[zo + o];
            }
            for (int i = 0; i < in; i++) {
                double v = a[s * in + i];
                if (v != 0) {
                    int wo = i * out;
                    for (int o = 0; o < out; o++) {
                        gw[wo + o] += v * dz[zo + o];
                    }
                }
            }
            if (dzPrev != null) {
                for (int i = 0; i < in; i++) {
                    double sum = 0;
                    if (a[s * in + i] > 0) { // a is the ReLU output of the previous layer
                        int wo = i * out;
                        for (int o = 0; o < out; o++) {
                            sum += wt[wo + o] * dz[zo + o];
                        }
                    }
                    dzPrev[s * in + i] = sum;
                }
            }
        }
    }

    private static void adam(double[] w, double[] g, double[] m, double[] v, double step, double bc2) {
        for (int i = 0; i < w.length; i++) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
            w[i] -= step * m[i] / (Math.sqrt(v[i] / bc2) + EPS);
        }
    }

    private static void sgd(double[] w, double[] g, double[] vel, double lr, double momentum) {
        for (int i = 0; i < w.length; i++) {
            vel[i] = momentum * vel[i] - lr * g[i];
            w[i] += vel[i];
        }
    }
}
