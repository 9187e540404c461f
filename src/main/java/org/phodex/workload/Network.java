package org.phodex.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * A trained MLP with its test split. The weights are trained on first use (deterministically, see
 * {@link Trainer}) or read from the cache folder ({@code workloads/.trained/} next to the YAML); every thread
 * asking at once gets the same instance's weights, trained once.
 *
 * <p>Accuracy through hardware: {@link #accuracy(LinearBackend, int)} runs every {@code W x} through the
 * backend and keeps bias and ReLU digital.
 */
public final class Network {
    private final String name;
    private final int[] sizes;
    private final Dataset data;
    private final TrainingConfig training;
    private final String dataFingerprint;
    private final String cacheKey;
    private final Path cacheDir;
    private final Map<Integer, Accuracy> floatAccuracy = new ConcurrentHashMap<>();
    private volatile List<Layer> layers;
    private volatile String origin = "not trained yet";

    Network(String name, int[] sizes, Dataset data, TrainingConfig training, String dataFingerprint,
            Path cacheDir) {
        this.name = name;
        this.sizes = sizes.clone();
        this.data = data;
        this.training = training;
        this.cacheDir = cacheDir;
        this.dataFingerprint = dataFingerprint;
        this.cacheKey = WeightCache.sha256("phodex-mlp-trainer-v1;sizes=" + Arrays.toString(sizes)
                + ";activation=relu;" + training.key() + ";" + dataFingerprint);
    }

    /** Layer widths, input first, classes last (e.g. 784, 128, 10). */
    public int[] sizes() {
        return sizes.clone();
    }

    public int inputSize() {
        return sizes[0];
    }

    public int classes() {
        return sizes[sizes.length - 1];
    }

    public int trainSize() {
        return data.trainSize();
    }

    public int testSize() {
        return data.testSize();
    }

    public TrainingConfig training() {
        return training;
    }

    /** The trained layers (training or reading the cache on first call). */
    public List<Layer> layers() {
        List<Layer> l = layers;
        if (l == null) {
            synchronized (this) {
                l = layers;
                if (l == null) {
                    l = loadOrTrain();
                    layers = l;
                }
            }
        }
        return l;
    }

    /** Where the weights are cached (whether or not the file exists yet); empty when caching is off. */
    public Optional<Path> weightsFile() {
        return cacheDir == null ? Optional.empty() : Optional.of(WeightCache.file(cacheDir, name, cacheKey));
    }

    /** How the weights were obtained, e.g. "trained in 4.1 s" or "read from workloads/.trained/...". */
    public String weightsOrigin() {
        return origin;
    }

    private List<Layer> loadOrTrain() {
        if (cacheDir != null) {
            Path f = WeightCache.file(cacheDir, name, cacheKey);
            Optional<List<Layer>> cached = WeightCache.read(f, cacheKey);
            if (cached.isPresent() && matchesSizes(cached.get())) {
                origin = "read from " + f;
                return List.copyOf(cached.get());
            }
        }
        long t0 = System.nanoTime();
        List<Layer> trained = train();
        double s = (System.nanoTime() - t0) / 1e9;
        origin = String.format(java.util.Locale.ROOT, "trained in %.1f s", s);
        if (cacheDir != null && WeightCache.write(WeightCache.file(cacheDir, name, cacheKey), cacheKey, trained)) {
            origin += ", cached in " + WeightCache.file(cacheDir, name, cacheKey);
        }
        return trained;
    }

    private boolean matchesSizes(List<Layer> ls) {
        if (ls.size() != sizes.length - 1) {
            return false;
        }
        for (int l = 0; l < ls.size(); l++) {
            if (ls.get(l).inDim() != sizes[l] || ls.get(l).outDim() != sizes[l + 1]) {
                return false;
            }
        }
        return true;
    }

    /** The key of the float weights in the cache (a SHA-256 of sizes, training config and data). */
    public String weightsKey() {
        return cacheKey;
    }

    /** The cache folder of trained weights ({@code workloads/.trained/}); empty when caching is off. */
    public Optional<Path> cacheFolder() {
        return Optional.ofNullable(cacheDir);
    }

    /** The training inputs, scaled to [0, 1], {@code trainSize() x inputSize()} row-major (shared: do not modify). */
    public double[] trainInputs() {
        return data.trainX();
    }

    /** The training labels (shared: do not modify). */
    public int[] trainLabels() {
        return data.trainY();
    }

    /**
     * The same architecture and data with other weights (e.g. fine-tuned for a design's hardware); not cached,
     * and its {@link #floatAccuracy} is that of the given weights.
     */
    public Network withLayers(List<Layer> trained) {
        Network n = new Network(name, sizes, data, training, dataFingerprint, null);
        if (!n.matchesSizes(trained)) {
            throw new IllegalArgumentException("layers do not match " + this);
        }
        n.layers = List.copyOf(trained);
        n.origin = "given";
        return n;
    }

    /** The same network and data with another training config, not cached (for experiments and tests). */
    Network withTraining(TrainingConfig t) {
        return new Network(name, sizes, data, t, dataFingerprint, null);
    }

    /** Trains from scratch, ignoring and not touching the cache. */
    List<Layer> train() {
        return List.copyOf(Trainer.train(data, sizes, training));
    }

    /** The first {@code samples} test inputs, scaled to [0, 1], {@code samples x inputSize()} row-major. */
    public double[] testInputs(int samples) {
        int n = subset(samples);
        return Arrays.copyOf(data.testX(), n * data.dim());
    }

    /** Labels of the first {@code samples} test inputs. */
    public int[] testLabels(int samples) {
        return Arrays.copyOf(data.testY(), subset(samples));
    }

    /** Samples actually used when {@code samples} are asked for: at most the test split's size. */
    public int subset(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one test sample, got " + samples);
        }
        return Math.min(samples, data.testSize());
    }

    /** Exact double-precision products with the trained weights. */
    public LinearBackend exactBackend() {
        List<Layer> ls = layers();
        double[][] wt = new double[ls.size()][];
        for (int l = 0; l < ls.size(); l++) {
            wt[l] = transpose(ls.get(l).w(), ls.get(l).outDim(), ls.get(l).inDim());
        }
        return (layer, x, batch) -> {
            Layer ly = ls.get(layer);
            return multiplyTransposed(wt[layer], x, batch, ly.inDim(), ly.outDim());
        };
    }

    /** Top-1 on the first {@code samples} test samples (fewer if the split is smaller; see the result). */
    public Accuracy accuracy(LinearBackend backend, int samples) {
        int n = subset(samples);
        // backends must not modify their input, so the whole split is passed as it is (no 2,000 x 784 copy per chip)
        double[] x = n * data.dim() == data.testX().length ? data.testX() : testInputs(n);
        double[] logits = forward(backend, x, n, null);
        int k = classes();
        int correct = 0;
        for (int s = 0; s < n; s++) {
            if (argmax(logits, s * k, k) == data.testY()[s]) {
                correct++;
            }
        }
        return new Accuracy(correct, n);
    }

    /**
     * Per-sample correctness on the test samples at {@code indices} (into the test split): {@code out[j]} is
     * true when the arg-max output for sample {@code indices[j]} equals its label.
     */
    public boolean[] correct(LinearBackend backend, int[] indices) {
        double[] logits = forward(backend, rows(data.testX(), data.dim(), indices), indices.length, null);
        int k = classes();
        boolean[] out = new boolean[indices.length];
        for (int j = 0; j < indices.length; j++) {
            out[j] = argmax(logits, j * k, k) == data.testY()[indices[j]];
        }
        return out;
    }

    /** The rows {@code indices} of a row-major matrix with {@code dim} columns. */
    static double[] rows(double[] x, int dim, int[] indices) {
        double[] out = new double[indices.length * dim];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(x, indices[j] * dim, out, j * dim, dim);
        }
        return out;
    }

    /** Top-1 on the whole test split. */
    public Accuracy accuracy(LinearBackend backend) {
        return accuracy(backend, data.testSize());
    }

    /** The same network in double-precision arithmetic on the same subset (memoized). */
    public Accuracy floatAccuracy(int samples) {
        int n = subset(samples);
        return floatAccuracy.computeIfAbsent(n, k -> accuracy(exactBackend(), k));
    }

    /**
     * Accuracy over {@code chips} fabricated chips: {@code chipBackend.apply(c)} programs chip {@code c}
     * (c = 0..chips-1) and returns its backend. Chips are evaluated in order on the calling thread.
     */
    public Accuracy.Spread accuracyOverChips(IntFunction<LinearBackend> chipBackend, int chips, int samples) {
        if (chips < 1) {
            throw new IllegalArgumentException("need at least one chip, got " + chips);
        }
        List<Accuracy> per = new ArrayList<>();
        for (int c = 0; c < chips; c++) {
            per.add(accuracy(chipBackend.apply(c), samples));
        }
        return Accuracy.spread(per);
    }

    /**
     * The input of every layer on the float path for the first {@code samples} test samples
     * ({@code n x inDim} each), e.g. to measure per-layer relative error of a backend.
     */
    public List<double[]> layerInputs(int samples) {
        List<double[]> out = new ArrayList<>();
        int n = subset(samples);
        forward(exactBackend(), testInputs(n), n, out);
        return out;
    }

    private double[] forward(LinearBackend backend, double[] x, int n, List<double[]> inputs) {
        List<Layer> ls = layers();
        for (int l = 0; l < ls.size(); l++) {
            Layer ly = ls.get(l);
            if (inputs != null) {
                inputs.add(x.clone());
            }
            double[] y = backend.multiply(l, x, n);
            if (y == null || y.length != n * ly.outDim()) {
                throw new IllegalStateException("backend returned " + (y == null ? "null" : y.length + " values")
                        + " for layer " + l + "; expected " + n + " x " + ly.outDim());
            }
            double[] z = new double[y.length];
            double[] b = ly.b();
            int out = ly.outDim();
            boolean relu = ly.activation() == Layer.Activation.RELU;
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < out; o++) {
                    double v = y[s * out + o] + b[o];
                    z[s * out + o] = relu && v < 0 ? 0 : v;
                }
            }
            x = z;
        }
        return x;
    }

    /** Index of the largest value; -1 when none is a number (counts as wrong). Ties go to the lower index. */
    public static int argmax(double[] v, int off, int k) {
        int best = -1;
        double bestV = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < k; o++) {
            double x = v[off + o];
            if (x > bestV || (best < 0 && x == bestV)) {
                best = o;
                bestV = x;
            }
        }
        return best;
    }

    static double[] transpose(double[] w, int rows, int cols) {
        double[] t = new double[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }

    /** y = x W^T for a batch, given Wt ({@code in x out}); loops are contiguous axpys. */
    static double[] multiplyTransposed(double[] wt, double[] x, int batch, int in, int out) {
        double[] y = new double[batch * out];
        for (int s = 0; s < batch; s++) {
            int yo = s * out;
            for (int i = 0; i < in; i++) {
                double v = x[s * in + i];
                if (v != 0) {
                    int wo = i * out;
                    for (int o = 0; o < out; o++) {
                        y[yo + o] += v * wt[wo + o];
                    }
                }
            }
        }
        return y;
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(sizes);
    }
}
