package org.phodex.codesign;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.phodex.photonics.SvdTile;
import org.phodex.sim.SimSettings;
import org.phodex.train.Trained;
import org.phodex.workload.AtomicFile;
import org.phodex.workload.Layer;
import org.phodex.workload.Network;

/**
 * Co-designed networks, trained at most once per {@link TrainingKey}: kept in memory for the process (every thread
 * asking for a key waits for the one training it; an interrupted training stores nothing) and on disk next to the
 * float weights,
 * {@code workloads/.trained/WORKLOAD-MODE-KEY16.codesign}, published atomically ({@link AtomicFile}). Binary: magic,
 * the full key text, then per layer in, out, activation, weights, bias and ADC full scale, and for in-mesh modes the
 * tile size and the tiles' phases and amplitudes ({@link MeshTiles}), all as IEEE doubles (exact).
 */
public final class TrainingCache {
    private static final String MAGIC = "phodex-codesign-v2";
    /** The format before the ADC full scale was stored (read as full scale 1). */
    private static final String MAGIC_V1 = "phodex-codesign-v1";
    private static final Map<String, Codesigned> MEMORY = new ConcurrentHashMap<>();
    private static final Map<String, DeepCodesign.Tuned> DEEP_MEMORY = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
    private static final AtomicLong TRAININGS = new AtomicLong();
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong DISK_READS = new AtomicLong();
    private static final AtomicLong TRAINING_CPU_NANOS = new AtomicLong();
    private static final AtomicLong TRAINING_WALL_NANOS = new AtomicLong();

    /**
     * What the cache has served in this process: requests (hits and trainings), trainings run, cached networks read
     * from disk, and the trainings' CPU and wall time (seconds). A hit is a request that trained nothing.
     */
    public record Stats(long requests, long trainings, long diskReads, double trainingCpuS, double trainingWallS) {
        public long hits() {
            return requests - trainings;
        }

        /** Hits over requests (NaN before the first request). */
        public double hitRate() {
            return requests == 0 ? Double.NaN : (double) hits() / requests;
        }

        /** One line for a run's summary. */
        public String summary() {
            return String.format(java.util.Locale.ROOT, "training cache: %d requests, %d trainings (%.1f CPU-s, "
                            + "%.1f s), %d read from disk, hit rate %.1f %%", requests, trainings, trainingCpuS,
                    trainingWallS, diskReads, 100 * hitRate());
        }

        /** The same for a run's manifest.json. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("requests", requests);
            m.put("trainings", trainings);
            m.put("disk_reads", diskReads);
            m.put("hits", hits());
            m.put("hit_rate", requests == 0 ? null : hitRate());
            m.put("training_cpu_s", trainingCpuS);
            m.put("training_wall_s", trainingWallS);
            m.put("note", "co-design trainings (training gene) in this process: a hit is a request served from "
                    + "memory or disk; on a cluster each worker keeps its own counts");
            return m;
        }
    }

    private TrainingCache() {
    }

    /**
     * The network {@code net} co-designed for {@code sim} in {@code mode}: from memory, from {@code dir}, or trained
     * now (and stored in both).
     */
    public static Codesigned get(Network net, String workload, SimSettings sim, TrainingMode mode,
                                 Optional<Path> dir) {
        return get(net, workload, sim, mode, dir, 1.0);
    }

    /**
     * As above with {@code budget}, the fraction of the mode's training steps to run (1: the full training; a
     * search trains with less, {@link CodesignTrainer.Hyper#withBudget}); the budget is part of the key.
     */
    public static Codesigned get(Network net, String workload, SimSettings sim, TrainingMode mode,
                                 Optional<Path> dir, double budget) {
        return get(net, workload, sim, mode, dir, CodesignTrainer.hyper(mode).withBudget(budget));
    }

    /** {@link #get(Network, String, SimSettings, TrainingMode, Optional)} with other hyperparameters (tests). */
    static Codesigned get(Network net, String workload, SimSettings sim, TrainingMode mode, Optional<Path> dir,
                          CodesignTrainer.Hyper hyper) {
        CodesignTrainer.check(mode, sim);
        long seed = net.training().seed();
        TrainingKey key = TrainingKey.of(workload, net.weightsKey(), sim, mode, seed, hyper.key());
        return cached(MEMORY, key, workload, mode, dir, ".codesign",
                file -> read(file, key, net),
                () -> CodesignTrainer.train(net, mode, key, hyper, seed), Codesigned::origin,
                (file, c) -> write(file, key, c) ? new Codesigned(c.layers(), c.tiles(), c.adcFullScale(),
                        c.origin() + ", cached in " + file) : c);
    }

    /**
     * The CNN or ViT {@code net} co-designed for {@code sim} in {@code mode} ({@link DeepCodesign}): from memory,
     * from the float weights' cache folder, or trained now (and stored in both: the parameters in
     * {@code WORKLOAD-MODE-KEY16.params}, the ADC full scales beside them in {@code .params.adc}), each training
     * step's products on a chip {@code chips} samples.
     */
    public static DeepCodesign.Tuned get(Trained net, String workload, SimSettings sim, TrainingMode mode,
                                         DeepCodesign.Chips chips) {
        return get(net, workload, sim, mode, chips, 1.0);
    }

    /** As above with {@code budget}, the fraction of the fine-tuning's images to train on (part of the key). */
    public static DeepCodesign.Tuned get(Trained net, String workload, SimSettings sim, TrainingMode mode,
                                         DeepCodesign.Chips chips, double budget) {
        return get(net, workload, sim, mode, chips, DeepCodesign.recipe(net.spec()).withBudget(budget));
    }

    /** {@link #get(Trained, String, SimSettings, TrainingMode, DeepCodesign.Chips)} with another recipe (tests). */
    static DeepCodesign.Tuned get(Trained net, String workload, SimSettings sim, TrainingMode mode,
                                  DeepCodesign.Chips chips, DeepCodesign.Recipe recipe) {
        DeepCodesign.check(mode, sim, workload);
        long seed = recipe.training().seed();
        TrainingKey key = TrainingKey.of(workload, Trained.key(net.spec()), sim, mode, seed, recipe.key());
        return cached(DEEP_MEMORY, key, workload, mode, net.spec().cacheDir(), ".params",
                file -> readAdc(adcFile(file), key).flatMap(adc -> net.readDerived(file, key.text())
                        .map(t -> new DeepCodesign.Tuned(t, adc))),
                () -> DeepCodesign.train(net, mode, key, recipe, chips), DeepCodesign.Tuned::origin,
                (file, t) -> writeAdc(adcFile(file), key, t.adcFullScale())
                        ? new DeepCodesign.Tuned(t.net().writeDerived(file, key.text()), t.adcFullScale()) : t);
    }

    private static Path adcFile(Path params) {
        return params.resolveSibling(params.getFileName() + ".adc");
    }

    /** Per GEMM, its tiles' ADC full scales: magic, the key text, the count, then per GEMM its index and values. */
    static boolean writeAdc(Path file, TrainingKey key, Map<Integer, double[]> adc) {
        return AtomicFile.publish(file, out -> {
            out.writeUTF(MAGIC + "-adc");
            out.writeUTF(key.text());
            out.writeInt(adc.size());
            for (Map.Entry<Integer, double[]> e : adc.entrySet()) {
                out.writeInt(e.getKey());
                doubles(out, e.getValue());
            }
        });
    }

    static Optional<Map<Integer, double[]>> readAdc(Path file, TrainingKey key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(MAGIC + "-adc") || !in.readUTF().equals(key.text())) {
                return Optional.empty();
            }
            int count = in.readInt();
            Map<Integer, double[]> adc = new java.util.TreeMap<>();
            for (int i = 0; i < count; i++) {
                adc.put(in.readInt(), doubles(in));
            }
            return in.read() == -1 ? Optional.of(adc) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The one training per key: memory, then the file in {@code dir} (WORKLOAD-MODE-KEY16 plus {@code suffix}),
     * then {@code train} (and {@code write} to the file), counted in the process-wide statistics.
     */
    private static <T> T cached(Map<String, T> memory, TrainingKey key, String workload, TrainingMode mode,
                                Optional<Path> dir, String suffix, java.util.function.Function<Path, Optional<T>> read,
                                java.util.function.Supplier<T> train, java.util.function.Function<T, String> origin,
                                java.util.function.BiFunction<Path, T, T> write) {
        String sha = key.sha256();
        REQUESTS.incrementAndGet();
        T c = memory.get(sha);
        if (c != null) {
            return c;
        }
        synchronized (LOCKS.computeIfAbsent(sha, k -> new Object())) {
            c = memory.get(sha);
            if (c != null) {
                return c;
            }
            Path file = dir.map(d -> d.resolve(workload + "-" + mode.key() + "-" + sha.substring(0, 16) + suffix))
                    .orElse(null);
            if (file != null) {
                c = read.apply(file).orElse(null);
                if (c != null) {
                    DISK_READS.incrementAndGet();
                }
            }
            if (c == null) {
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
                long cpu0 = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                c = train.get();
                TRAINING_WALL_NANOS.addAndGet(System.nanoTime() - t0);
                TRAINING_CPU_NANOS.addAndGet(cpuTime ? mx.getCurrentThreadCpuTime() - cpu0 : 0);
                TRAININGS.incrementAndGet();
                System.err.println(workload + " " + origin.apply(c) + " for "
                        + key.text().replaceFirst(".*;tile=", "tile="));
                if (file != null) {
                    c = write.apply(file, c);
                }
            }
            memory.put(sha, c);
            return c;
        }
    }

    /** Trainings this process has run (not read from memory or disk). */
    public static long trainings() {
        return TRAININGS.get();
    }

    /** Requests for a co-designed network this process has served (hits and trainings). */
    public static long requests() {
        return REQUESTS.get();
    }

    /** The counters so far (process-wide). */
    public static Stats stats() {
        return new Stats(REQUESTS.get(), TRAININGS.get(), DISK_READS.get(), TRAINING_CPU_NANOS.get() / 1e9,
                TRAINING_WALL_NANOS.get() / 1e9);
    }

    /** Forgets the in-memory copies (the disk cache stays): as a new process would start. */
    static void clearMemory() {
        MEMORY.clear();
        DEEP_MEMORY.clear();
    }

    static boolean write(Path file, TrainingKey key, Codesigned c) {
        return AtomicFile.publish(file, out -> {
            out.writeUTF(MAGIC);
            out.writeUTF(key.text());
            out.writeInt(c.layers().size());
            for (int l = 0; l < c.layers().size(); l++) {
                Layer layer = c.layers().get(l);
                out.writeInt(layer.inDim());
                out.writeInt(layer.outDim());
                out.writeUTF(layer.activation().name());
                doubles(out, layer.weights());
                doubles(out, layer.bias());
                double[] adc = c.adcFullScale().get(l);
                out.writeBoolean(adc != null);
                if (adc != null) {
                    doubles(out, adc);
                }
                out.writeBoolean(c.inMesh());
                if (c.inMesh()) {
                    SvdTile[] ts = c.tiles().get(l);
                    int n = ts[0].size();
                    out.writeInt(n);
                    MeshTiles m = MeshTiles.of(ts, layer.outDim(), layer.inDim(), n);
                    doubles(out, m.phases().value());
                    doubles(out, m.amplitudes().value());
                }
            }
        });
    }

    private static void doubles(java.io.DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("bad length " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    /** The cached network, or empty when absent, unreadable, or written for another key. */
    static Optional<Codesigned> read(Path file, TrainingKey key, Network net) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            boolean withAdc = magic.equals(MAGIC);
            if (!(withAdc || magic.equals(MAGIC_V1)) || !in.readUTF().equals(key.text())) {
                return Optional.empty();
            }
            int count = in.readInt();
            List<Layer> layers = new ArrayList<>();
            List<SvdTile[]> tiles = new ArrayList<>();
            boolean inMesh = false;
            List<double[]> adc = new ArrayList<>();
            for (int l = 0; l < count; l++) {
                int inDim = in.readInt();
                int outDim = in.readInt();
                Layer.Activation act = Layer.Activation.valueOf(in.readUTF());
                layers.add(Layer.of(inDim, outDim, doubles(in), doubles(in), act));
                adc.add(withAdc && in.readBoolean() ? doubles(in) : null);
                inMesh = in.readBoolean();
                if (inMesh) {
                    int n = in.readInt();
                    MeshTiles m = new MeshTiles(outDim, inDim, n, CodesignTrainer.layout(key.settings()), doubles(in),
                            doubles(in));
                    tiles.add(m.tiles());
                }
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            net.withLayers(layers); // checks the shapes
            return Optional.of(new Codesigned(layers, inMesh ? tiles : null, adc, "read from " + file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // corrupt or foreign: retrain and overwrite
        }
    }
}
