package org.phodex.train;

import java.util.Arrays;

/**
 * The differentiable operations, each a forward loop and the backward loop that adds its inputs' gradients.
 * Shapes are row-major; images are NHWC ({@code [batch, height, width, channels]}), token sequences
 * {@code [batch, tokens, width]}. Every op is gradient-checked against central finite differences in
 * {@code OpsTest}. Transcendental functions use {@link StrictMath}, so results are the same bits on every JVM.
 *
 * <p>Matrix products of a network go through {@link Products} (exact here, simulated hardware elsewhere);
 * {@link #matmulT} and {@link #bmmT} are the exact products it uses.
 */
public final class Ops {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double GELU_CUBIC = 0.044715; // Hendrycks and Gimpel 2016, tanh form (BERT, GPT-2)

    private Ops() {
    }

    // ---------------------------------------------------------------- products

    /** y = x w^T: x {@code [..., k]} (rows = all leading dims), w {@code [n, k]}; y {@code [..., n]}. */
    public static Tensor matmulT(Tensor x, Tensor w) {
        int k = x.dim(-1);
        if (w.rank() != 2 || w.dim(1) != k) {
            throw new IllegalArgumentException("matmulT: x " + x + " needs w [n, " + k + "], got " + w);
        }
        int n = w.dim(0);
        int m = x.size() / k;
        double[] y = Dense.mulT(x.value(), m, k, w.value(), n);
        int[] shape = x.shape();
        shape[shape.length - 1] = n;
        return Tensor.result(y, shape, dy -> {
            if (x.requiresGrad()) {
                double[] dx = new double[m * k];
                Dense.mul(dy, m, n, w.value(), k, dx); // dx = dy w
                addInto(x.grad(), dx);
            }
            if (w.requiresGrad()) {
                addInto(w.grad(), Dense.tMul(dy, m, n, x.value(), k)); // dw = dy^T x
            }
        }, x, w);
    }

    /**
     * Batched y[g] = a[g] b[g]^T: a {@code [..., m, k]}, b {@code [..., n, k]} with the same leading dims (the
     * groups, e.g. batch x heads); y {@code [..., m, n]}. Both operands may be activations (attention).
     */
    public static Tensor bmmT(Tensor a, Tensor b) {
        int k = a.dim(-1);
        int m = a.dim(-2);
        int n = b.dim(-2);
        int groups = a.size() / (m * k);
        if (b.dim(-1) != k || b.size() / (n * k) != groups || a.rank() != b.rank()) {
            throw new IllegalArgumentException("bmmT: shapes " + a + " and " + b + " do not match");
        }
        double[] av = a.value();
        double[] bv = b.value();
        double[] y = new double[groups * m * n];
        long work = (long) groups * m * n * k;
        Dense.forEach(groups, work, g -> {
            double[] bt = new double[k * n];
            Dense.transpose(bv, g * n * k, n, k, bt, 0);
            Dense.addMul(av, g * m * k, m, k, bt, 0, n, y, g * m * n);
        });
        int[] shape = a.shape();
        shape[shape.length - 1] = n;
        return Tensor.result(y, shape, dy -> {
            double[] da = a.requiresGrad() ? a.grad() : null;
            double[] db = b.requiresGrad() ? b.grad() : null;
            Dense.forEach(groups, 2 * work, g -> {
                if (da != null) {
                    Dense.addMul(dy, g * m * n, m, n, bv, g * n * k, k, da, g * m * k); // da = dy b
                }
                if (db != null) {
                    Dense.addTMul(dy, g * m * n, m, n, av, g * m * k, k, db, g * n * k); // db = dy^T a
                }
            });
        }, a, b);
    }

    // ---------------------------------------------------------------- elementwise and broadcasting

    /** a + b where b's shape is a suffix of a's (a bias {@code [n]}, a position table {@code [t, d]}, or equal). */
    public static Tensor add(Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        if (bs.length > as.length || !Arrays.equals(bs, Arrays.copyOfRange(as, as.length - bs.length, as.length))) {
            throw new IllegalArgumentException("add: " + b + " does not broadcast onto " + a);
        }
        double[] av = a.value();
        double[] bv = b.value();
        int period = bv.length;
        double[] y = new double[av.length];
        for (int o = 0; o < y.length; o += period) {
            for (int i = 0; i < period; i++) {
                y[o + i] = av[o + i] + bv[i];
            }
        }
        return Tensor.result(y, as, dy -> {
            if (a.requiresGrad()) {
                addInto(a.grad(), dy);
            }
            if (b.requiresGrad()) {
                double[] g = b.grad();
                for (int o = 0; o < dy.length; o += period) {
                    for (int i = 0; i < period; i++) {
                        g[i] += dy[o + i];
                    }
                }
            }
        }, a, b);
    }

    /** s x. */
    public static Tensor scale(Tensor x, double s) {
        double[] v = x.value();
        double[] y = new double[v.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = s * v[i];
        }
        return Tensor.result(y, x.shape(), dy -> {
            double[] g = x.grad();
            for (int i = 0; i < dy.length; i++) {
                g[i] += s * dy[i];
            }
        }, x);
    }

    /** max(0, x); the gradient at exactly 0 is taken as 0. */
    public static Tensor relu(Tensor x) {
        double[] v = x.value();
        double[] y = new double[v.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = v[i] > 0 ? v[i] : 0;
        }
        return Tensor.result(y, x.shape(), dy -> {
            double[] g = x.grad();
            for (int i = 0; i < dy.length; i++) {
                if (v[i] > 0) {
                    g[i] += dy[i];
                }
            }
        }, x);
    }

    /** GELU in its tanh form, 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) (Hendrycks and Gimpel 2016). */
    public static Tensor gelu(Tensor x) {
        double[] v = x.value();
        double[] y = new double[v.length];
        double[] th = new double[v.length];
        for (int i = 0; i < y.length; i++) {
            double z = v[i];
            double t = StrictMath.tanh(SQRT_2_OVER_PI * (z + GELU_CUBIC * z * z * z));
            th[i] = t;
            y[i] = 0.5 * z * (1 + t);
        }
        return Tensor.result(y, x.shape(), dy -> {
            double[] g = x.grad();
            for (int i = 0; i < dy.length; i++) {
                double z = v[i];
                double t = th[i];
                double d = 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * z * z);
                g[i] += d * dy[i];
            }
        }, x);
    }

    /** Softmax over the last dimension (max-subtracted). */
    public static Tensor softmax(Tensor x) {
        int n = x.dim(-1);
        int rows = x.size() / n;
        double[] v = x.value();
        double[] y = new double[v.length];
        Dense.forEach(rows, (long) rows * n * 16, r -> softmaxRow(v, y, r * n, n));
        return Tensor.result(y, x.shape(), dy -> {
            double[] g = x.grad();
            for (int r = 0; r < rows; r++) {
                int o = r * n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += dy[o + i] * y[o + i];
                }
                for (int i = 0; i < n; i++) {
                    g[o + i] += y[o + i] * (dy[o + i] - dot);
                }
            }
        }, x);
    }

    static void softmaxRow(double[] v, double[] y, int o, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, v[o + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = StrictMath.exp(v[o + i] - max);
            y[o + i] = e;
            sum += e;
        }
        double inv = 1 / sum;
        for (int i = 0; i < n; i++) {
            y[o + i] *= inv;
        }
    }

    /**
     * Layer normalization over the last dimension (Ba, Kiros and Hinton 2016): (x - mean) / sqrt(var + eps) times
     * gamma plus beta, biased variance, eps = 1e-5 (PyTorch's default).
     */
    public static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta) {
        int n = x.dim(-1);
        if (gamma.size() != n || beta.size() != n) {
            throw new IllegalArgumentException("layerNorm over " + n + " needs gamma and beta of " + n);
        }
        int rows = x.size() / n;
        double[] v = x.value();
        double[] gv = gamma.value();
        double[] bv = beta.value();
        double[] xhat = new double[v.length];
        double[] rstd = new double[rows];
        double[] y = new double[v.length];
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += v[o + i];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = v[o + i] - mean;
                var += d * d;
            }
            var /= n;
            double rs = 1 / Math.sqrt(var + 1e-5);
            rstd[r] = rs;
            for (int i = 0; i < n; i++) {
                double h = (v[o + i] - mean) * rs;
                xhat[o + i] = h;
                y[o + i] = h * gv[i] + bv[i];
            }
        }
        return Tensor.result(y, x.shape(), dy -> {
            double[] gx = x.requiresGrad() ? x.grad() : null;
            double[] gg = gamma.requiresGrad() ? gamma.grad() : null;
            double[] gb = beta.requiresGrad() ? beta.grad() : null;
            for (int r = 0; r < rows; r++) {
                int o = r * n;
                double m1 = 0;
                double m2 = 0;
                for (int i = 0; i < n; i++) {
                    double dh = dy[o + i] * gv[i];
                    m1 += dh;
                    m2 += dh * xhat[o + i];
                    if (gg != null) {
                        gg[i] += dy[o + i] * xhat[o + i];
                    }
                    if (gb != null) {
                        gb[i] += dy[o + i];
                    }
                }
                if (gx != null) {
                    m1 /= n;
                    m2 /= n;
                    for (int i = 0; i < n; i++) {
                        gx[o + i] += rstd[r] * (dy[o + i] * gv[i] - m1 - xhat[o + i] * m2);
                    }
                }
            }
        }, x, gamma, beta);
    }

    /** Mean softmax cross-entropy of logits {@code [m, classes]} against labels (a scalar). */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        int c = logits.dim(-1);
        int m = logits.size() / c;
        if (labels.length != m) {
            throw new IllegalArgumentException("crossEntropy: " + m + " rows, " + labels.length + " labels");
        }
        double[] v = logits.value();
        double[] p = new double[v.length];
        double loss = 0;
        for (int r = 0; r < m; r++) {
            softmaxRow(v, p, r * c, c);
            loss -= Math.log(Math.max(p[r * c + labels[r]], Double.MIN_NORMAL));
        }
        return Tensor.result(new double[] {loss / m}, new int[] {1}, dy -> {
            double[] g = logits.grad();
            double s = dy[0] / m;
            for (int r = 0; r < m; r++) {
                for (int i = 0; i < c; i++) {
                    g[r * c + i] += s * (p[r * c + i] - (i == labels[r] ? 1 : 0));
                }
            }
        }, logits);
    }

    /** Sum of x times fixed weights r (same size): a scalar; used by the gradient checks and as a probe. */
    public static Tensor weightedSum(Tensor x, double[] r) {
        double[] v = x.value();
        if (r.length != v.length) {
            throw new IllegalArgumentException("weightedSum: " + v.length + " values, " + r.length + " weights");
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * r[i];
        }
        return Tensor.result(new double[] {s}, new int[] {1}, dy -> {
            double[] g = x.grad();
            for (int i = 0; i < r.length; i++) {
                g[i] += dy[0] * r[i];
            }
        }, x);
    }

    /**
     * The value {@code hardware} (e.g. a product computed by simulated noisy hardware) with the gradient of
     * {@code exact} passed straight through (Bengio et al. 2013): what noise-aware training and quantizers use.
     */
    public static Tensor straightThrough(Tensor exact, double[] hardware) {
        if (hardware.length != exact.size()) {
            throw new IllegalArgumentException("straightThrough: " + hardware.length + " values for " + exact);
        }
        return Tensor.result(hardware, exact.shape(), dy -> addInto(exact.grad(), dy), exact);
    }

    /**
     * A differentiable function computed outside this package (e.g. a photonic tile's weights from its phases):
     * {@code value} with the given shape, and {@code backward}, which receives dL/dvalue and adds each input's share
     * to that input's {@link Tensor#grad()}.
     */
    public static Tensor custom(double[] value, int[] shape, java.util.function.Consumer<double[]> backward,
                                Tensor... inputs) {
        return Tensor.result(value, shape, backward::accept, inputs);
    }

    // ---------------------------------------------------------------- layout

    /** The same values with another shape of the same size (shares the value array). */
    public static Tensor reshape(Tensor x, int... shape) {
        return Tensor.result(x.value(), shape, dy -> addInto(x.grad(), dy), x);
    }

    /** [a, b, c, d] -> [a, c, b, d] (tokens x heads <-> heads x tokens). */
    public static Tensor swapMiddle(Tensor x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("swapMiddle needs rank 4, got " + x);
        }
        int a = x.dim(0);
        int b = x.dim(1);
        int c = x.dim(2);
        int d = x.dim(3);
        double[] v = x.value();
        double[] y = new double[v.length];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                for (int k = 0; k < c; k++) {
                    System.arraycopy(v, ((i * b + j) * c + k) * d, y, ((i * c + k) * b + j) * d, d);
                }
            }
        }
        return Tensor.result(y, new int[] {a, c, b, d}, dy -> {
            double[] g = x.grad();
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < b; j++) {
                    for (int k = 0; k < c; k++) {
                        int src = ((i * c + k) * b + j) * d;
                        int dst = ((i * b + j) * c + k) * d;
                        for (int e = 0; e < d; e++) {
                            g[dst + e] += dy[src + e];
                        }
                    }
                }
            }
        }, x);
    }

    /** Transposes the last two dimensions: {@code [..., m, n] -> [..., n, m]}. */
    public static Tensor transposeLast(Tensor x) {
        int m = x.dim(-2);
        int n = x.dim(-1);
        int groups = x.size() / (m * n);
        double[] y = new double[x.size()];
        for (int g = 0; g < groups; g++) {
            Dense.transpose(x.value(), g * m * n, m, n, y, g * m * n);
        }
        int[] shape = x.shape();
        shape[shape.length - 2] = n;
        shape[shape.length - 1] = m;
        return Tensor.result(y, shape, dy -> {
            double[] g = x.grad();
            double[] back = new double[dy.length];
            for (int q = 0; q < groups; q++) {
                Dense.transpose(dy, q * m * n, n, m, back, q * m * n);
            }
            addInto(g, back);
        }, x);
    }

    /** Columns [from, to) of the last dimension. */
    public static Tensor sliceLast(Tensor x, int from, int to) {
        int n = x.dim(-1);
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("sliceLast [" + from + ", " + to + ") of " + x);
        }
        int w = to - from;
        int rows = x.size() / n;
        double[] v = x.value();
        double[] y = new double[rows * w];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v, r * n + from, y, r * w, w);
        }
        int[] shape = x.shape();
        shape[shape.length - 1] = w;
        return Tensor.result(y, shape, dy -> {
            double[] g = x.grad();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < w; i++) {
                    g[r * n + from + i] += dy[r * w + i];
                }
            }
        }, x);
    }

    /** [batch, t, d] with a learned token {@code [d]} put in front of every sequence: [batch, t + 1, d]. */
    public static Tensor prependToken(Tensor x, Tensor token) {
        int b = x.dim(0);
        int t = x.dim(1);
        int d = x.dim(2);
        if (token.size() != d) {
            throw new IllegalArgumentException("prependToken: token of " + token.size() + " for width " + d);
        }
        double[] y = new double[b * (t + 1) * d];
        for (int i = 0; i < b; i++) {
            System.arraycopy(token.value(), 0, y, i * (t + 1) * d, d);
            System.arraycopy(x.value(), i * t * d, y, (i * (t + 1) + 1) * d, t * d);
        }
        return Tensor.result(y, new int[] {b, t + 1, d}, dy -> {
            for (int i = 0; i < b; i++) {
                if (token.requiresGrad()) {
                    double[] g = token.grad();
                    for (int e = 0; e < d; e++) {
                        g[e] += dy[i * (t + 1) * d + e];
                    }
                }
                if (x.requiresGrad()) {
                    double[] g = x.grad();
                    int src = (i * (t + 1) + 1) * d;
                    for (int e = 0; e < t * d; e++) {
                        g[i * t * d + e] += dy[src + e];
                    }
                }
            }
        }, x, token);
    }

    /** Token {@code index} of every sequence: [batch, t, d] -> [batch, d]. */
    public static Tensor selectToken(Tensor x, int index) {
        int b = x.dim(0);
        int t = x.dim(1);
        int d = x.dim(2);
        double[] y = new double[b * d];
        for (int i = 0; i < b; i++) {
            System.arraycopy(x.value(), (i * t + index) * d, y, i * d, d);
        }
        return Tensor.result(y, new int[] {b, d}, dy -> {
            double[] g = x.grad();
            for (int i = 0; i < b; i++) {
                for (int e = 0; e < d; e++) {
                    g[(i * t + index) * d + e] += dy[i * d + e];
                }
            }
        }, x);
    }

    /** Mean over tokens: [batch, t, d] -> [batch, d]. */
    public static Tensor meanTokens(Tensor x) {
        int b = x.dim(0);
        int t = x.dim(1);
        int d = x.dim(2);
        double[] v = x.value();
        double[] y = new double[b * d];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                for (int e = 0; e < d; e++) {
                    y[i * d + e] += v[(i * t + j) * d + e];
                }
            }
            for (int e = 0; e < d; e++) {
                y[i * d + e] /= t;
            }
        }
        return Tensor.result(y, new int[] {b, d}, dy -> {
            double[] g = x.grad();
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < t; j++) {
                    for (int e = 0; e < d; e++) {
                        g[(i * t + j) * d + e] += dy[i * d + e] / t;
                    }
                }
            }
        }, x);
    }

    // ---------------------------------------------------------------- images (NHWC)

    /**
     * im2col: every {@code kernel x kernel} window of x {@code [b, h, w, c]} (zero padding {@code pad}, stride
     * {@code stride}) as one row: {@code [b, oh, ow, kernel * kernel * c]}, columns ordered (ky, kx, channel).
     * A convolution is then {@code matmulT(im2col(x), W)} with W {@code [outChannels, kernel * kernel * c]}.
     */
    public static Tensor im2col(Tensor x, int kernel, int stride, int pad) {
        int b = x.dim(0);
        int h = x.dim(1);
        int w = x.dim(2);
        int c = x.dim(3);
        int oh = (h + 2 * pad - kernel) / stride + 1;
        int ow = (w + 2 * pad - kernel) / stride + 1;
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("im2col: kernel " + kernel + " larger than padded input " + x);
        }
        int cols = kernel * kernel * c;
        double[] v = x.value();
        double[] y = new double[b * oh * ow * cols];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int row = ((n * oh + oy) * ow + ox) * cols;
                    for (int ky = 0; ky < kernel; ky++) {
                        int iy = oy * stride - pad + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < kernel; kx++) {
                            int ix = ox * stride - pad + kx;
                            if (ix >= 0 && ix < w) {
                                System.arraycopy(v, ((n * h + iy) * w + ix) * c, y, row + (ky * kernel + kx) * c, c);
                            }
                        }
                    }
                }
            }
        }
        return Tensor.result(y, new int[] {b, oh, ow, cols}, dy -> {
            double[] g = x.grad();
            for (int n = 0; n < b; n++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int row = ((n * oh + oy) * ow + ox) * cols;
                        for (int ky = 0; ky < kernel; ky++) {
                            int iy = oy * stride - pad + ky;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            for (int kx = 0; kx < kernel; kx++) {
                                int ix = ox * stride - pad + kx;
                                if (ix >= 0 && ix < w) {
                                    int src = row + (ky * kernel + kx) * c;
                                    int dst = ((n * h + iy) * w + ix) * c;
                                    for (int e = 0; e < c; e++) {
                                        g[dst + e] += dy[src + e];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }, x);
    }

    /** Max pooling over non-overlapping {@code size x size} windows of {@code [b, h, w, c]} (edges dropped). */
    public static Tensor maxPool(Tensor x, int size) {
        int b = x.dim(0);
        int h = x.dim(1);
        int w = x.dim(2);
        int c = x.dim(3);
        int oh = h / size;
        int ow = w / size;
        double[] v = x.value();
        double[] y = new double[b * oh * ow * c];
        int[] arg = new int[y.length];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int e = 0; e < c; e++) {
                        int best = -1;
                        double bv = Double.NEGATIVE_INFINITY;
                        for (int dy = 0; dy < size; dy++) {
                            for (int dx = 0; dx < size; dx++) {
                                int i = ((n * h + oy * size + dy) * w + ox * size + dx) * c + e;
                                if (best < 0 || v[i] > bv) {
                                    best = i;
                                    bv = v[i];
                                }
                            }
                        }
                        int o = ((n * oh + oy) * ow + ox) * c + e;
                        y[o] = bv;
                        arg[o] = best;
                    }
                }
            }
        }
        return Tensor.result(y, new int[] {b, oh, ow, c}, dy -> {
            double[] g = x.grad();
            for (int o = 0; o < dy.length; o++) {
                g[arg[o]] += dy[o];
            }
        }, x);
    }

    static void addInto(double[] acc, double[] d) {
        for (int i = 0; i < d.length; i++) {
            acc[i] += d[i];
        }
    }
}
