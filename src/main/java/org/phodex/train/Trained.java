package org.phodex.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.phodex.workload.Accuracy;
import org.phodex.workload.DeepNetwork;

/**
 * A {@link DeepNetwork} with its trained weights: read from the cache folder ({@code workloads/.trained/}) or
 * trained on first use and cached, like the MLPs' weights. Every thread asking for the same network (same cache
 * key) gets the same instance, trained once per process.
 */
public final class Trained {
    /** Test images per forward pass when measuring accuracy (bounds memory; results do not depend on it). */
    static final int CHUNK = 250;
    private static final Map<String, Trained> LOADED = new ConcurrentHashMap<>();

    private final DeepNetwork spec;
    private final Net net;
    private final String origin;
    private final Map<Integer, Accuracy> floatAccuracy = new ConcurrentHashMap<>();

    private Trained(DeepNetwork spec, Net net, String origin) {
        this.spec = spec;
        this.net = net;
        this.origin = origin;
    }

    /** The cache key: architecture, recipe and data fingerprint. */
    public static String key(DeepNetwork spec) {
        return sha256("phodex-deep-trainer-v1;" + spec.shape().key() + ";" + spec.training().key() + ";"
                + spec.dataFingerprint());
    }

    /** Where the weights are (or will be) cached; empty when the spec has no cache folder. */
    public static Optional<Path> weightsFile(DeepNetwork spec) {
        return spec.cacheDir().map(d -> ParamCache.file(d, spec.name(), key(spec)));
    }

    /** The trained network, training it (with progress lines to stderr) when no valid cache file exists. */
    public static Trained of(DeepNetwork spec) {
        return of(spec, line -> System.err.println(spec.name() + " training: " + line));
    }

    /** As {@link #of(DeepNetwork)}, with the training progress sent to {@code progress} (may be null). */
    public static Trained of(DeepNetwork spec, Consumer<String> progress) {
        String id = key(spec) + "@" + spec.cacheDir().map(Path::toString).orElse("-");
        Trained t = LOADED.get(id);
        if (t != null) {
            return t;
        }
        synchronized (LOADED) { // one training at a time per process: a second request waits for the first
            return LOADED.computeIfAbsent(id, k -> load(spec, progress));
        }
    }

    /** Reads the cache or trains, without the per-process memo (the cache test calls it twice). */
    static Trained load(DeepNetwork spec, Consumer<String> progress) {
        String key = key(spec);
        Optional<Path> file = weightsFile(spec);
        if (file.isPresent()) {
            Net net = Training.create(spec.shape(), new java.util.Random(spec.training().seed()));
            if (ParamCache.read(file.get(), key, net)) {
                return new Trained(spec, net, "read from " + file.get());
            }
        }
        long t0 = System.nanoTime();
        Net net = Training.train(spec, progress);
        String origin = String.format(Locale.ROOT, "trained in %.1f s", (System.nanoTime() - t0) / 1e9);
        if (file.isPresent() && ParamCache.write(file.get(), key, net)) {
            origin += ", cached in " + file.get();
        }
        return new Trained(spec, net, origin);
    }

    /**
     * This network with other parameters (e.g. fine-tuned for a design's hardware): a copy of the float network that
     * {@code tune} changes in place, returning how it was obtained (the origin). Never cached here;
     * {@link #readDerived} and {@link #writeDerived} store it.
     */
    public Trained derive(java.util.function.Function<Net, String> tune) {
        Net copy = Training.create(spec.shape(), new java.util.Random(spec.training().seed()));
        List<Tensor> from = net.parameters();
        List<Tensor> to = copy.parameters();
        for (int p = 0; p < from.size(); p++) {
            System.arraycopy(from.get(p).value(), 0, to.get(p).value(), 0, from.get(p).size());
        }
        String origin = tune.apply(copy);
        return new Trained(spec, copy, origin);
    }

    /** A network derived from this one as stored in {@code file} for {@code key}; empty when absent or foreign. */
    public Optional<Trained> readDerived(Path file, String key) {
        Net copy = Training.create(spec.shape(), new java.util.Random(spec.training().seed()));
        return ParamCache.read(file, key, copy) ? Optional.of(new Trained(spec, copy, "read from " + file))
                : Optional.empty();
    }

    /**
     * Stores this (derived) network in {@code file} for {@code key}, atomically; the same network with its origin
     * saying so, or itself when the folder is not writable.
     */
    public Trained writeDerived(Path file, String key) {
        return ParamCache.write(file, key, net) ? new Trained(spec, net, origin + ", cached in " + file) : this;
    }

    public DeepNetwork spec() {
        return spec;
    }

    public Net net() {
        return net;
    }

    /** "read from ..." or "trained in 212.3 s, cached in ...". */
    public String origin() {
        return origin;
    }

    /**
     * Top-1 on the first {@code samples} test images with every product through {@code products}, in chunks of
     * {@value #CHUNK} images (in order, on the calling thread).
     */
    public Accuracy accuracy(Products products, int samples) {
        int n = spec.subset(samples);
        double[] x = spec.testInputs(n);
        int[] y = spec.testLabels(n);
        int dim = spec.dim();
        int correct = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int bs = Math.min(CHUNK, n - start);
            Tensor in = Tensor.constant(Arrays.copyOfRange(x, start * dim, (start + bs) * dim), bs, dim);
            Tensor logits = net.logits(in, products);
            correct += Training.correct(logits.value(), Arrays.copyOfRange(y, start, start + bs), logits.dim(-1));
        }
        return new Accuracy(correct, n);
    }

    /**
     * Per-sample correctness on the test images at {@code indices} (into the test split), in chunks of
     * {@value #CHUNK} images: {@code out[j]} is true when the arg-max logit of image {@code indices[j]} is its label.
     */
    public boolean[] correct(Products products, int[] indices) {
        int n = indices.length;
        double[] x = spec.testInputs(indices);
        int[] y = spec.testLabels(indices);
        int dim = spec.dim();
        boolean[] out = new boolean[n];
        for (int start = 0; start < n; start += CHUNK) {
            int bs = Math.min(CHUNK, n - start);
            Tensor in = Tensor.constant(Arrays.copyOfRange(x, start * dim, (start + bs) * dim), bs, dim);
            Tensor logits = net.logits(in, products);
            int k = logits.dim(-1);
            double[] v = logits.value();
            for (int r = 0; r < bs; r++) {
                int best = -1;
                double bv = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    if (v[r * k + i] > bv || (best < 0 && v[r * k + i] == bv)) {
                        best = i;
                        bv = v[r * k + i];
                    }
                }
                out[start + r] = best == y[start + r];
            }
        }
        return out;
    }

    /** Top-1 with exact products on the same subset (memoized). */
    public Accuracy floatAccuracy(int samples) {
        return floatAccuracy.computeIfAbsent(spec.subset(samples), k -> accuracy(Products.EXACT, k));
    }

    private static String sha256(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
