package org.phodex.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.phodex.arch.Clements;
import org.phodex.bench.Bench;
import org.phodex.bench.CpuInfo;
import org.phodex.bench.Timing;
import org.phodex.evaluation.Catalog;
import org.phodex.search.PhotonicSearchEvaluator;
import org.phodex.sim.Kernels;
import org.phodex.sim.Profile;
import org.phodex.spec.Design;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex bench}: how fast the simulator and the search run on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the simulator and the search on this machine: realized-mesh builds, the batched "
                + "product (GFLOP/s against the core's peak), one mnist-mlp and one digits-mlp candidate, and search "
                + "throughput on 1 and 2 threads. Wall-clock times, best and median of the repetitions.",
                "Cases: build, product, mnist, digits, search, scaling (candidate time against mesh size and test-set "
                        + "size, not run by default)."})
final class BenchCommand implements Callable<Integer> {
    static final List<String> DEFAULT_CASES = List.of("build", "product", "mnist", "digits", "search");
    static final List<String> ALL_CASES = List.of("build", "product", "mnist", "digits", "search", "scaling");

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--case"}, paramLabel = "CASE", split = ",",
            description = "cases to run (default: build,product,mnist,digits,search)")
    List<String> cases = new ArrayList<>();

    @Option(names = "--reps", paramLabel = "N", description = "timed repetitions per case (default 10, quick 3)")
    Integer reps;

    @Option(names = "--quick", description = "fewer repetitions, meshes and search evaluations: well under a minute")
    boolean quick;

    @Option(names = "--threads", paramLabel = "T", split = ",",
            description = "thread counts for the candidates and the search (default 1,2)")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", description = "mnist-mlp test images per candidate (default 2000)")
    int samples = 2000;

    @Option(names = "--search-evaluations", paramLabel = "N",
            description = "random " + Clements.NAME + " designs evaluated per thread count (default 48, quick 16)")
    Integer searchEvaluations;

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        Set<String> run = new LinkedHashSet<>(cases.isEmpty() ? DEFAULT_CASES : cases);
        for (String c : run) {
            if (!ALL_CASES.contains(c)) {
                throw new UsageException("unknown case '" + c + "'; cases: " + String.join(", ", ALL_CASES));
            }
        }
        int n = reps != null ? reps : quick ? 3 : 10;
        if (n < 1) {
            throw new UsageException("--reps must be at least 1, got " + n);
        }
        List<Integer> th = threads.isEmpty() ? List.of(1, 2) : threads;
        for (int t : th) {
            if (t < 1) {
                throw new UsageException("--threads must be at least 1, got " + t);
            }
        }
        CpuInfo cpu = CpuInfo.read();
        out.printf(Locale.ROOT, "phodex bench%s: %s, %d cores, Java %s, kernels: %s%n", quick ? " --quick" : "",
                cpu.model(), cpu.cores(), Runtime.version(), Kernels.describe());
        out.printf(Locale.ROOT, "peak: %s%n", cpu.peakFormula());
        out.printf(Locale.ROOT, "times are wall clock, best / median of %d runs after warm-up (shared machine: "
                + "expect noise)%n", n);
        Catalog cat = Catalog.locate();
        if (run.contains("build")) {
            build(n);
        }
        if (run.contains("product")) {
            product(cpu, n);
        }
        if (run.contains("mnist")) {
            candidate(cat, "mnist-mlp", List.of("mesh_size=32"), samples, th, n);
        }
        if (run.contains("digits")) {
            candidate(cat, "digits-mlp", List.of(), 400, th, n);
        }
        if (run.contains("search")) {
            search(cat, th, searchEvaluations != null ? searchEvaluations : quick ? 16 : 48);
        }
        if (run.contains("scaling")) {
            scaling(cat, n);
        }
        out.flush();
        return 0;
    }

    private void build(int reps) {
        out.println();
        out.println("realized-mesh build (Clements, 8-bit phases, phase/coupler/loss errors re-sampled per mesh):");
        for (int size : new int[] {16, 32, 64}) {
            int per = (quick ? 32 : 128) * 32 * 32 / (size * size) + 1;
            Timing t = Bench.meshBuild(size, per, 2, reps);
            out.printf(Locale.ROOT, "  n = %-3d %,10.0f meshes/s  (%.1f us per mesh; median %.1f us)%n", size,
                    per / t.best(), t.best() / per * 1e6, t.median() / per * 1e6);
        }
    }

    private void product(CpuInfo cpu, int reps) {
        out.println();
        out.println("batched product, dense double inputs, one thread (y = x W^T; 2 flops per multiply-add):");
        int[][] shapes = {{2000, 32, 128}, {2000, 64, 128}, {2000, 128, 10}};
        for (int[] s : shapes) {
            double flops = 2.0 * s[0] * s[1] * s[2];
            Timing v = Bench.product(s[0], s[1], s[2], true, 20, Math.max(reps, 20));
            Timing p = Bench.product(s[0], s[1], s[2], false, 5, Math.max(reps / 2, 5));
            double g = flops / v.best() / 1e9;
            out.printf(Locale.ROOT, "  %d x %d times %d x %d: %6.1f GFLOP/s = %3.0f%% of peak  (%.3f ms; plain loops "
                    + "%.1f GFLOP/s)%n", s[0], s[1], s[1], s[2], g, 100 * g / cpu.peakGflops(), v.best() * 1e3,
                    flops / p.best() / 1e9);
        }
    }

    private void candidate(Catalog cat, String workload, List<String> settings, int images, List<Integer> th,
            int reps) {
        Bench.Candidate c = Bench.candidate(cat, Clements.NAME, workload, settings);
        out.println();
        out.printf(Locale.ROOT, "%s candidate: " + Clements.NAME + ", %dx%d Clements tiles (%d tiles, %d meshes), "
                + "%d-bit phases, %d-bit DAC/ADC, noise at the link budget's power, %d test images, new chip per run:%n",
                workload, c.sim().tileRows(), c.sim().tileCols(), c.tiles(), c.meshes(), c.sim().weightBits(),
                c.sim().adcBits(), Math.min(images, c.network().testSize()));
        for (int t : th) {
            Bench.CandidateRun r = Bench.runCandidate(c, images, t, quick ? 3 : 5, reps);
            out.printf(Locale.ROOT, "  %d thread%s: %7.2f ms best, %7.2f ms median   accuracy %.4f%n", t,
                    t == 1 ? " " : "s", r.timing().best() * 1e3, r.timing().median() * 1e3, r.accuracy());
            if (t == 1) {
                out.printf(Locale.ROOT, "    where (mean per run): %s%n", breakdown(r));
            }
        }
    }

    private static String breakdown(Bench.CandidateRun r) {
        double total = r.timing().seconds().length == 0 ? 0 : java.util.Arrays.stream(r.timing().seconds())
                .average().orElse(0);
        double[] p = r.phaseSeconds();
        double sim = 0;
        StringBuilder sb = new StringBuilder();
        String[] names = {"build", "DAC", "product", "noise+ADC"};
        for (int i = 0; i < p.length; i++) {
            sb.append(String.format(Locale.ROOT, "%s %.2f ms, ", names[i], p[i] * 1e3));
            sim += p[i];
        }
        sb.append(String.format(Locale.ROOT, "other %.2f ms (forward pass outside the layers: input copy, bias, "
                + "ReLU, argmax)", Math.max(0, total - sim) * 1e3));
        return sb.toString();
    }

    private void search(Catalog cat, List<Integer> th, int evaluations) {
        out.println();
        out.printf(Locale.ROOT, "search throughput: %d random " + Clements.NAME + " designs on mnist-mlp (mesh 8..64, %d test "
                + "images, %d chip), PhotonicSearchEvaluator through ThreadPoolEvaluator:%n", evaluations,
                PhotonicSearchEvaluator.SEARCH_SAMPLES, PhotonicSearchEvaluator.SEARCH_CHIPS);
        PhotonicSearchEvaluator ev = new PhotonicSearchEvaluator(cat, List.of(cat.architecture(Clements.NAME)),
                "mnist-mlp", 1);
        List<Design> designs = Bench.randomDesigns(cat, Clements.NAME, evaluations, 7);
        Bench.search(ev, designs, 1); // warm-up: JIT and the tile-programming cache
        double base = Double.NaN;
        for (int t : th) {
            Bench.SearchRun best = null;
            for (int rep = 0; rep < (quick ? 1 : 2); rep++) {
                Bench.SearchRun r = Bench.search(ev, designs, t);
                if (best == null || r.seconds() < best.seconds()) {
                    best = r;
                }
            }
            if (t == th.get(0)) {
                base = best.perSecond() / t;
            }
            out.printf(Locale.ROOT, "  %d thread%s: %6.1f evaluations/s  (%.2f s for %d; x%.2f of %d x the first)%n", t,
                    t == 1 ? " " : "s", best.perSecond(), best.seconds(), best.evaluations(),
                    best.perSecond() / base / th.get(0), t);
        }
    }

    private void scaling(Catalog cat, int reps) {
        out.println();
        out.println("scaling: mnist-mlp candidate on one thread against mesh size n and test-set size "
                + "(ms, mean per run; build / DAC / product / noise+ADC / other):");
        out.println("  n    images   tiles   total ms   build   DAC   product   noise+ADC   other   accuracy");
        for (int size : new int[] {8, 16, 32, 64}) {
            Bench.Candidate c = Bench.candidate(cat, Clements.NAME, "mnist-mlp", List.of("mesh_size=" + size));
            for (int images : new int[] {500, 1000, 2000}) {
                Bench.CandidateRun r = Bench.runCandidate(c, images, 1, 2, reps);
                double total = java.util.Arrays.stream(r.timing().seconds()).average().orElse(0);
                double[] p = r.phaseSeconds();
                double other = total - p[0] - p[1] - p[2] - p[3];
                out.printf(Locale.ROOT, "  %-4d %6d %7d %10.2f %7.2f %5.2f %9.2f %11.2f %7.2f   %.4f%n", size, images,
                        c.tiles(), total * 1e3, p[0] * 1e3, p[1] * 1e3, p[2] * 1e3, p[3] * 1e3,
                        Math.max(0, other) * 1e3, r.accuracy());
            }
        }
    }
}
