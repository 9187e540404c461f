package org.phodex.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.cost.CostModel;
import org.phodex.cost.CostReport;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.DesignResolver;
import org.phodex.moo.Outcome;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.photonics.ComplexMatrix;
import org.phodex.photonics.Mesh;
import org.phodex.photonics.MeshDecomposition;
import org.phodex.photonics.RandomMatrices;
import org.phodex.photonics.RealizedMesh;
import org.phodex.photonics.StaticErrors;
import org.phodex.photonics.ZigguratRandom;
import org.phodex.search.PhotonicSearchEvaluator;
import org.phodex.search.SearchSpace;
import org.phodex.sim.Kernels;
import org.phodex.sim.Parallel;
import org.phodex.sim.PhotonicLayer;
import org.phodex.sim.Profile;
import org.phodex.sim.SimSettings;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.workload.Accuracy;
import org.phodex.workload.Layer;
import org.phodex.workload.LinearBackend;
import org.phodex.workload.Network;
import org.phodex.workload.Workload;

/**
 * The measurements behind {@code phodex bench}: each case times real code paths (the simulator, the evaluator,
 * the search's thread pool) and returns plain numbers; printing is the command's job.
 */
public final class Bench {
    private Bench() {
    }

    /** Static errors of the Clements architecture defaults (8-bit phases), for the mesh build case. */
    public static final StaticErrors MESH_ERRORS = new StaticErrors(8, 0.005, 0.002, 0.2, 0.05, 0);

    /** Realized meshes per second: sample one chip's errors on a programmed n-mode Clements mesh, multiply it out. */
    public static Timing meshBuild(int n, int meshesPerRep, int warmup, int reps) {
        double[] q = RandomMatrices.orthogonal(n, new SplittableRandom(n));
        Mesh mesh = MeshDecomposition.clements(ComplexMatrix.ofReal(q, n, n));
        long[] seed = {1};
        return Timing.of(warmup, reps, () -> {
            for (int i = 0; i < meshesPerRep; i++) {
                RealizedMesh.sample(mesh, MESH_ERRORS, new ZigguratRandom(seed[0]++)).transfer();
            }
        });
    }

    /** The dense batched product y = x W^T: batch x k times k x m (random dense inputs, no zero skipping). */
    public static Timing product(int batch, int k, int m, boolean vector, int warmup, int reps) {
        double[] x = new double[batch * k];
        double[] w = new double[k * m];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        double[] y = new double[batch * m];
        int[] nz = new int[k];
        return Timing.of(warmup, reps, () -> {
            if (vector) {
                Kernels.multiply(x, 0, batch, k, w, m, 0, m, y, nz);
            } else {
                Kernels.multiplyPlain(x, 0, batch, k, w, m, 0, m, y);
            }
        });
    }

    /**
     * The dense float64 floor of a candidate: the network's layer products as plain dense GEMMs (batch x in times
     * in x out on random inputs with no zeros, so no input is skipped) with the fastest product kernel
     * ({@link Kernels#multiply}, width padded to whole vectors as the simulator pads it), the batch split in
     * {@code threads} contiguous row blocks. What any simulator of the same network has to compute at least.
     */
    public static Timing denseFloor(Network net, int batch, int threads, int warmup, int reps) {
        List<Layer> layers = net.layers();
        int nl = layers.size();
        double[][] xs = new double[nl][];
        double[][] ws = new double[nl][];
        int[] lds = new int[nl];
        int maxOut = 0;
        SplittableRandom r = new SplittableRandom(5);
        for (int l = 0; l < nl; l++) {
            Layer ly = layers.get(l);
            int ld = roundUp(ly.outDim(), Kernels.LANES);
            lds[l] = ld;
            maxOut = Math.max(maxOut, ld);
            xs[l] = new double[batch * ly.inDim()];
            ws[l] = new double[ly.inDim() * ld];
            for (int i = 0; i < xs[l].length; i++) {
                xs[l][i] = r.nextDouble(0.5, 1.5) * (r.nextBoolean() ? 1 : -1);
            }
            for (int i = 0; i < ws[l].length; i++) {
                ws[l][i] = r.nextGaussian();
            }
        }
        int chunks = Math.max(1, Math.min(threads, batch));
        double[][] ys = new double[chunks][(batch / chunks + 1) * maxOut];
        int[][] nzs = new int[chunks][];
        for (int c = 0; c < chunks; c++) {
            int maxIn = 0;
            for (Layer ly : layers) {
                maxIn = Math.max(maxIn, ly.inDim());
            }
            nzs[c] = new int[maxIn];
        }
        return Timing.of(warmup, reps, () -> Parallel.forEach(chunks, chunks, c -> {
            int lo = (int) ((long) batch * c / chunks);
            int hi = (int) ((long) batch * (c + 1) / chunks);
            for (int l = 0; l < nl; l++) {
                Layer ly = layers.get(l);
                Kernels.multiply(xs[l], lo * ly.inDim(), hi - lo, ly.inDim(), ws[l], lds[l], 0, lds[l], ys[c],
                        nzs[c]);
            }
        }));
    }

    private static int roundUp(int a, int b) {
        return (a + b - 1) / b * b;
    }

    /**
     * The candidate with what pytorch-onn's MZI layers do not model switched off, for a like-for-like race: no
     * detector noise (infinite received power) and no per-tile ADC. Everything pytorch-onn does model stays on:
     * the phase DAC's quantization, the phase (and coupler, loss) errors re-sampled on every chip build, the
     * tile size and the test images; the input DAC stays too.
     */
    public static Candidate torchonnEquivalent(Candidate c) {
        SimSettings s = c.sim().withReceivedPower(Double.POSITIVE_INFINITY).withConverters(c.sim().dacBits(), 0);
        return new Candidate(c.label() + " (torchonn-equivalent: no detector noise, no ADC)", c.design(), s,
                c.network(), c.tiles(), c.meshes());
    }

    /**
     * The dense float64 floor of {@code images} inferences of a workload: every GEMM of {@link Workload#gemms()}
     * (rows x images x count rows of {@code inner} times {@code inner x outputs}) as a plain dense product with the
     * fastest kernel on one thread. A GEMM taller than {@code maxRows} is timed on a {@code maxRows} slice and scaled
     * by its row count (the kernel's time is linear in the rows).
     */
    public static double gemmFloorSeconds(Workload w, int images, int reps, int maxRows) {
        return gemmFloor(w, images, reps, maxRows)[0];
    }

    /** {@link #gemmFloorSeconds} as {wall seconds, CPU seconds of the Java threads}, medians of the repetitions. */
    public static double[] gemmFloor(Workload w, int images, int reps, int maxRows) {
        double total = 0;
        double totalCpu = 0;
        SplittableRandom r = new SplittableRandom(9);
        for (org.phodex.workload.Gemm g : w.gemms()) {
            long rows = g.rows() * images * g.count();
            int m = (int) Math.min(rows, maxRows);
            int ld = roundUp(g.outputs(), Kernels.LANES);
            double[] x = new double[m * g.inner()];
            double[] wt = new double[g.inner() * ld];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble(0.5, 1.5);
            }
            for (int i = 0; i < wt.length; i++) {
                wt[i] = r.nextGaussian();
            }
            double[] y = new double[m * ld];
            int[] nz = new int[g.inner()];
            Timing t = Timing.of(2, reps, () -> Kernels.multiply(x, 0, m, g.inner(), wt, ld, 0, ld, y, nz));
            total += t.median() * ((double) rows / m);
            totalCpu += t.cpuMedian() * ((double) rows / m);
        }
        return new double[] {total, totalCpu};
    }

    /**
     * Timed runs of one CNN or ViT candidate: per run a new chip and the top-1 of {@code samples} test images with
     * every product through the simulated chip, as the evaluator runs it (one thread).
     */
    public static CandidateRun runModelCandidate(Catalog cat, String architecture, String workload,
            List<String> settings, int samples, int warmup, int reps) {
        Workload w = cat.workload(workload);
        SimSettings sim = simSettings(cat, architecture, w, settings).sim();
        org.phodex.train.Trained trained = org.phodex.train.Trained.of(w.model().orElseThrow(
                () -> new IllegalArgumentException(workload + " is not a CNN or ViT workload")));
        double[] accSum = {0};
        long[] chip = {0};
        Runnable one = () -> accSum[0] += trained.accuracy(
                org.phodex.evaluation.HardwareProducts.onChip(sim, 0x9E3779B97F4A7C15L * ++chip[0]), samples).top1();
        return timedWithProfile(one, accSum, warmup, reps);
    }

    private static CandidateRun timedWithProfile(Runnable one, double[] accSum, int warmup, int reps) {
        Timing.of(warmup, 0, one);
        accSum[0] = 0;
        Profile.reset();
        Profile.enable(true);
        Timing t;
        try {
            t = Timing.of(0, reps, one);
        } finally {
            Profile.enable(false);
        }
        Profile.Phase[] phases = Profile.Phase.values();
        double[] ph = new double[phases.length];
        double[] cpu = new double[phases.length];
        for (int i = 0; i < phases.length; i++) {
            ph[i] = Profile.seconds(phases[i]) / reps;
            cpu[i] = Profile.cpuSeconds(phases[i]) / reps;
        }
        return new CandidateRun(t, accSum[0] / reps, ph, cpu);
    }

    private record Resolved(DesignResolver.Resolved resolved, SimSettings sim) {
    }

    /** The design's simulator settings at its link budget's received power, as the evaluator sets them up. */
    private static Resolved simSettings(Catalog cat, String architecture, Workload w, List<String> settings) {
        ArchitectureSpec arch = cat.architecture(architecture);
        DesignResolver.Resolved r = DesignResolver.resolve(arch, cat.devices(), settings);
        Family family = Families.get(arch.family());
        CostReport cost = CostModel.evaluate(r.design(), family, r.devices(), w);
        return new Resolved(r, family.simSettings(r.design(), r.devices(), cost.link().receivedPowerW(),
                cost.link().detector()));
    }

    /** One candidate's simulation set-up: the design, its simulator settings at its link budget, its network. */
    public record Candidate(String label, Design design, SimSettings sim, Network network, int tiles, int meshes) {
    }

    /** The design {@code architecture} with {@code settings} on {@code workload}, as the evaluator would set it up. */
    public static Candidate candidate(Catalog cat, String architecture, String workload, List<String> settings) {
        Workload w = cat.workload(workload);
        Resolved rs = simSettings(cat, architecture, w, settings);
        SimSettings sim = rs.sim();
        DesignResolver.Resolved r = rs.resolved();
        Network net = w.network().orElseThrow(() -> new IllegalArgumentException(workload + " has no network"));
        int tiles = 0;
        for (Layer l : net.layers()) {
            tiles += ((l.outDim() + sim.tileRows() - 1) / sim.tileRows()) * ((l.inDim() + sim.tileCols() - 1)
                    / sim.tileCols());
        }
        return new Candidate(architecture + " on " + workload + " " + String.join(" ", settings), r.design(), sim,
                net, tiles, sim.isMesh() ? 2 * tiles : 0);
    }

    /**
     * Timed runs of one candidate: per run a new chip (static errors re-sampled on every tile; SVDs and mesh
     * programming come from the cache, as across a search) and the forward pass of {@code samples} test images
     * with all noise and converters, through {@link Network#accuracy} as the evaluator runs it.
     *
     * @param phaseSeconds    per phase of {@link Profile.Phase}, wall-clock thread-seconds per run
     * @param cpuPhaseSeconds the same in CPU seconds of the threads (the build: of the calling thread only)
     */
    public record CandidateRun(Timing timing, double accuracy, double[] phaseSeconds, double[] cpuPhaseSeconds) {
    }

    public static CandidateRun runCandidate(Candidate c, int samples, int threads, int warmup, int reps) {
        List<Layer> layers = c.network().layers();
        double[] accSum = {0};
        long[] chip = {0};
        Runnable one = () -> {
            long chipSeed = 0x9E3779B97F4A7C15L * ++chip[0];
            PhotonicLayer[] programmed = new PhotonicLayer[layers.size()];
            for (int l = 0; l < layers.size(); l++) {
                Layer ly = layers.get(l);
                programmed[l] = PhotonicLayer.program(ly.weights(), ly.outDim(), ly.inDim(), c.sim(), chipSeed + l,
                        threads);
            }
            LinearBackend backend = (layer, x, batch) -> programmed[layer].apply(x, batch, chipSeed + 1000 + layer,
                    threads);
            Accuracy a = c.network().accuracy(backend, samples);
            accSum[0] += a.top1();
        };
        return timedWithProfile(one, accSum, warmup, reps);
    }

    /**
     * Search throughput: evaluations per second of the same designs on {@code threads} threads.
     *
     * @param cpuSeconds CPU time of the whole process over the run (NaN if the JVM cannot tell): cpuSeconds /
     *                   seconds is how many cores the run actually got on a shared machine
     */
    public record SearchRun(int evaluations, int threads, double seconds, int feasible, double cpuSeconds) {
        public double perSecond() {
            return evaluations / seconds;
        }

        public double coresUsed() {
            return cpuSeconds / seconds;
        }
    }

    /**
     * CPU nanoseconds of the JVM's live Java threads so far (nanosecond resolution; JIT and GC threads are not
     * Java threads and are left out), or -1. Use across work whose threads outlive the interval (the simulator's
     * pool, the calling thread).
     */
    public static long javaThreadsCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /** CPU nanoseconds of this process so far (10 ms resolution on Linux), or -1. */
    public static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * {@code count} random designs of {@code architecture}'s search space, decoded from seeded genes (the same
     * designs every call).
     */
    public static List<Design> randomDesigns(Catalog cat, String architecture, int count, long seed) {
        return randomDesigns(List.of(cat.architecture(architecture)), count, seed);
    }

    /**
     * {@code count} random designs of the joint search space of {@code architectures} (the architecture is a gene,
     * as in a multi-family search), decoded from seeded genes (the same designs every call).
     */
    public static List<Design> randomDesigns(List<ArchitectureSpec> architectures, int count, long seed) {
        // post-mapping designs: the benchmark times evaluations, not the co-design trainings a key runs once
        SearchSpace space = new SearchSpace(architectures.stream()
                .map(a -> a.withoutSearched(org.phodex.spec.Params.TRAINING)).toList());
        SplittableRandom r = new SplittableRandom(seed);
        List<Design> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] u = new double[space.dimension()];
            for (int g = 0; g < u.length; g++) {
                u[g] = r.nextDouble();
            }
            out.add(space.decode(u));
        }
        return out;
    }

    /** Evaluates {@code designs} with the real search evaluator through the search's thread pool. */
    public static SearchRun search(PhotonicSearchEvaluator ev, List<Design> designs, int threads) {
        try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(ev, threads)) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<Outcome> out = pool.evaluateAll(designs);
            double s = (System.nanoTime() - t0) / 1e9;
            long c1 = processCpuNanos();
            int feasible = (int) out.stream().filter(Outcome::feasible).count();
            return new SearchRun(designs.size(), threads, s, feasible, c0 < 0 ? Double.NaN : (c1 - c0) / 1e9);
        }
    }
}
