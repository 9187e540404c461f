package org.phodex.workload;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A convolutional or transformer network with data ({@code model:} in a workload YAML): its architecture, its
 * training recipe and its train/test split. The weights are trained and cached by {@code org.phodex.train}
 * ({@code Trained.of}), in {@code workloads/.trained/} beside the YAML, like the MLPs' weights.
 */
public final class DeepNetwork {
    private final String name;
    private final ModelShape shape;
    private final DeepTraining training;
    private final Dataset data;
    private final String dataFingerprint;
    private final Path cacheDir;

    DeepNetwork(String name, ModelShape shape, DeepTraining training, Dataset data, String dataFingerprint,
                Path cacheDir) {
        if (data.dim() != shape.height() * shape.width() * shape.channels()) {
            throw new IllegalArgumentException("data has " + data.dim() + " values per sample, the model expects "
                    + shape.height() + " x " + shape.width() + " x " + shape.channels());
        }
        this.name = name;
        this.shape = shape;
        this.training = training;
        this.data = data;
        this.dataFingerprint = dataFingerprint;
        this.cacheDir = cacheDir;
    }

    public String name() {
        return name;
    }

    public ModelShape shape() {
        return shape;
    }

    public DeepTraining training() {
        return training;
    }

    /** Everything about the data that changes training (file hashes, split, scaling). */
    public String dataFingerprint() {
        return dataFingerprint;
    }

    /** Where weights are cached; empty when caching is off. */
    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    /** The same network and data with another recipe and cache folder (null: no cache), for tests. */
    public DeepNetwork with(DeepTraining t, Path cache) {
        return new DeepNetwork(name, shape, t, data, dataFingerprint, cache);
    }

    /** The same data and recipe with another architecture (small configurations in tests). */
    public DeepNetwork with(ModelShape s) {
        return new DeepNetwork(name, s, training, data, dataFingerprint, cacheDir);
    }

    /** The same network trained on the first {@code n} training images only (small configurations in tests). */
    public DeepNetwork withTrainSize(int n) {
        if (n < 1 || n > data.trainSize()) {
            throw new IllegalArgumentException("train size " + n + " outside 1.." + data.trainSize());
        }
        Dataset d = new Dataset(data.dim(), data.classes(), Arrays.copyOf(data.trainX(), n * data.dim()),
                Arrays.copyOf(data.trainY(), n), data.testX(), data.testY());
        return new DeepNetwork(name, shape, training, d, dataFingerprint + ";train_subset=" + n, cacheDir);
    }

    public int trainSize() {
        return data.trainSize();
    }

    public int testSize() {
        return data.testSize();
    }

    /** Values per image (height x width x channels, row-major, channels last). */
    public int dim() {
        return data.dim();
    }

    /** The training images, {@code trainSize() x dim()}, scaled to [0, 1]; callers must not modify them. */
    public double[] trainInputs() {
        return data.trainX();
    }

    public int[] trainLabels() {
        return data.trainY();
    }

    /** Samples used when {@code samples} are asked for: at most the test split's size. */
    public int subset(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one test sample, got " + samples);
        }
        return Math.min(samples, data.testSize());
    }

    /** The first {@code samples} test images. */
    public double[] testInputs(int samples) {
        return Arrays.copyOf(data.testX(), subset(samples) * data.dim());
    }

    public int[] testLabels(int samples) {
        return Arrays.copyOf(data.testY(), subset(samples));
    }

    /** The test images at {@code indices} (into the test split), row-major. */
    public double[] testInputs(int[] indices) {
        return Network.rows(data.testX(), data.dim(), indices);
    }

    /** The labels of the test samples at {@code indices}. */
    public int[] testLabels(int[] indices) {
        int[] y = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            y[j] = data.testY()[indices[j]];
        }
        return y;
    }

    @Override
    public String toString() {
        return name + " " + shape;
    }
}
