package org.phodex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.phodex.arch.Clements;
import org.phodex.arch.Families;
import org.phodex.bench.Bench;
import org.phodex.bench.CpuInfo;
import org.phodex.bench.Timing;
import org.phodex.evaluation.Catalog;
import org.phodex.search.PhotonicSearchEvaluator;
import org.phodex.sim.Kernels;
import org.phodex.sim.Profile;
import org.phodex.spec.ArchitectureSpec;
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
                "Cases: build, product, mnist (with its dense float64 floor), digits, torchonn-equivalent (the mnist "
                        + "candidate without detector noise and ADC, beside the full model), search (all families), "
                        + "scaling (candidate time against mesh size and test-set size, not run by default).",
                "--json prints the measurements as one JSON document on stdout (the tables go to stderr)."})
final class BenchCommand implements Callable<Integer> {
    static final String TORCHONN = "torchonn-equivalent";
    static final List<String> DEFAULT_CASES = List.of("build", "product", "mnist", "digits", TORCHONN, "search");
    static final List<String> ALL_CASES = List.of("build", "product", "mnist", "digits", TORCHONN, "search",
            "scaling");

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
            description = "random designs evaluated per thread count (default 12, quick 6)")
    Integer searchEvaluations;

    @Option(names = "--search-architecture", paramLabel = "ARCH", split = ",",
            description = "architectures of the search case's random designs (default: every family's own)")
    List<String> searchArchitectures = new ArrayList<>();

    @Option(names = "--scaling-models", paramLabel = "W", split = ",",
            description = "CNN/ViT workloads added to the scaling case at n = 32 (default mnist-cnn,mnist-vit; "
                    + "'none' for none)")
    List<String> scalingModels = new ArrayList<>(List.of("mnist-cnn", "mnist-vit"));

    @Option(names = "--json", description = "print the measurements as JSON on stdout; the tables go to stderr")
    boolean json;

    @Option(names = "--json-file", paramLabel = "FILE", description = "also write the JSON document to FILE")
    Path jsonFile;

    private PrintWriter out;
    private double peakGflops;
    private final ObjectNode doc = new ObjectMapper().createObjectNode();
    /** Median ms of the full mnist candidate per thread count, when measured in this run. */
    private final java.util.Map<Integer, Double> mnistMs = new java.util.LinkedHashMap<>();
    /** Median CPU ms of the full mnist candidate per thread count, when measured in this run. */
    private final java.util.Map<Integer, Double> mnistCpuMs = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
        out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
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
        scalingModels.removeIf("none"::equals);
        CpuInfo cpu = CpuInfo.read();
        double[] load = loadAverage();
        ObjectNode m = doc.putObject("machine");
        m.put("cpu", cpu.model());
        m.put("cores", cpu.cores());
        m.put("java", Runtime.version().toString());
        m.put("kernels", Kernels.describe());
        m.put("peak_gflops_per_core_nominal", cpu.peakGflops());
        if (load != null) {
            m.put("load_average_1min", load[0]);
        }
        doc.put("quick", quick);
        doc.put("reps", n);
        out.printf(Locale.ROOT, "phodex bench%s: %s, %d cores, Java %s, kernels: %s%s%n", quick ? " --quick" : "",
                cpu.model(), cpu.cores(), Runtime.version(), Kernels.describe(), load == null ? ""
                        : String.format(Locale.ROOT, ", load average %.2f", load[0]));
        double peak = Kernels.measuredPeakGflops(quick ? 100 : 300);
        m.put("peak_gflops_per_core_measured", peak);
        double perCycle = Kernels.LANES * 2.0 * cpu.fmaPipes();
        m.put("implied_clock_mhz", peak / perCycle * 1000);
        out.printf(Locale.ROOT, "nominal peak: %s%n", cpu.peakFormula());
        out.printf(Locale.ROOT, "measured peak: %.1f GFLOP/s per core (12 independent %d-double fma chains in registers; "
                + "implies %.0f MHz at %.0f flops per cycle; the reported clock is nominal under a hypervisor)%n", peak,
                Kernels.LANES, peak / perCycle * 1000, perCycle);
        this.peakGflops = peak;
        out.printf(Locale.ROOT, "times are wall clock, best / median of %d runs after warm-up (shared machine: "
                + "expect noise)%n", n);
        Catalog cat = Catalog.locate();
        if (run.contains("build")) {
            build(n);
        }
        if (run.contains("product")) {
            product(n);
        }
        if (run.contains("mnist")) {
            candidate(cat, "mnist-mlp", List.of("mesh_size=32"), samples, th, n, "mnist");
        }
        if (run.contains("digits")) {
            candidate(cat, "digits-mlp", List.of(), 400, th, n, "digits");
        }
        if (run.contains(TORCHONN)) {
            torchonn(cat, th, n);
        }
        if (run.contains("search")) {
            search(cat, th, searchEvaluations != null ? searchEvaluations : quick ? 6 : 12);
        }
        if (run.contains("scaling")) {
            scaling(cat, n);
        }
        out.flush();
        if (json || jsonFile != null) {
            String text;
            try {
                text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
                if (jsonFile != null) {
                    Files.writeString(jsonFile, text + System.lineSeparator());
                }
            } catch (IOException e) {
                throw new UsageException("cannot write " + jsonFile + ": " + e.getMessage());
            }
            if (json) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println(text);
                stdout.flush();
            }
        }
        return 0;
    }

    /** The 1-minute load average from /proc/loadavg (how busy the shared machine was), or null off Linux. */
    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String key(int threads) {
        return Integer.toString(threads);
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

    private void product(int reps) {
        out.println();
        out.println("batched product, dense double inputs, one thread (y = x W^T; 2 flops per multiply-add):");
        int[][] shapes = {{2000, 32, 128}, {2000, 64, 128}, {2000, 128, 10}};
        ObjectNode products = doc.putObject("product_gflops");
        for (int[] s : shapes) {
            double flops = 2.0 * s[0] * s[1] * s[2];
            Timing v = Bench.product(s[0], s[1], s[2], true, 20, Math.max(reps, 20));
            Timing p = Bench.product(s[0], s[1], s[2], false, 5, Math.max(reps / 2, 5));
            double g = flops / v.best() / 1e9;
            out.printf(Locale.ROOT, "  %d x %d times %d x %d: %6.1f GFLOP/s = %3.0f%% of measured peak  (%.3f ms; plain "
                    + "loops %.1f GFLOP/s)%n", s[0], s[1], s[1], s[2], g, 100 * g / peakGflops, v.best() * 1e3,
                    flops / p.best() / 1e9);
            products.put(s[0] + "x" + s[1] + "x" + s[2], g);
        }
    }

    private void candidate(Catalog cat, String workload, List<String> settings, int images, List<Integer> th,
            int reps, String name) {
        Bench.Candidate c = Bench.candidate(cat, Clements.NAME, workload, settings);
        ObjectNode times = doc.putObject(name + "_candidate_ms");
        ObjectNode best = doc.putObject(name + "_candidate_best_ms");
        ObjectNode floor = name.equals("mnist") ? doc.putObject("dense_floor_ms") : null;
        ObjectNode ratio = name.equals("mnist") ? doc.putObject("ratio_to_floor") : null;
        int batch = Math.min(images, c.network().testSize());
        doc.put(name + "_images", batch);
        out.println();
        out.printf(Locale.ROOT, "%s candidate: " + Clements.NAME + ", %dx%d Clements tiles (%d tiles, %d meshes), "
                + "%d-bit phases, %d-bit DAC/ADC, noise at the link budget's power, %d test images, new chip per run:%n",
                workload, c.sim().tileRows(), c.sim().tileCols(), c.tiles(), c.meshes(), c.sim().weightBits(),
                c.sim().adcBits(), Math.min(images, c.network().testSize()));
        for (int t : th) {
            Bench.CandidateRun r = Bench.runCandidate(c, images, t, quick ? 3 : 5, reps);
            times.put(key(t), r.timing().median() * 1e3);
            best.put(key(t), r.timing().best() * 1e3);
            doc.with(name + "_candidate_cpu_ms").put(key(t), r.timing().cpuMedian() * 1e3);
            out.printf(Locale.ROOT, "  %d thread%s: %7.2f ms best, %7.2f ms median   accuracy %.4f%n", t,
                    t == 1 ? " " : "s", r.timing().best() * 1e3, r.timing().median() * 1e3, r.accuracy());
            out.printf(Locale.ROOT, "    where (mean per run, thread-ms summed over threads): %s%n", breakdown(r));
            out.printf(Locale.ROOT, "    CPU ms of the same phases (wall above minus time waiting for a core): %s%n",
                    cpuBreakdown(r));
            if (name.equals("mnist")) {
                parts(r, t);
            }
            if (floor != null) {
                mnistMs.put(t, r.timing().median() * 1e3);
                mnistCpuMs.put(t, r.timing().cpuMedian() * 1e3);
                Timing f = Bench.denseFloor(c.network(), batch, t, 3, Math.max(reps, 5));
                floor.put(key(t), f.median() * 1e3);
                ratio.put(key(t), r.timing().median() / f.median());
                doc.with("dense_floor_cpu_ms").put(key(t), f.cpuMedian() * 1e3);
                doc.with("ratio_to_floor_cpu").put(key(t), r.timing().cpuMedian() / f.cpuMedian());
                out.printf(Locale.ROOT, "    dense float64 floor (the same products as plain dense GEMMs, %d thread%s): "
                        + "%.2f ms median; candidate / floor = %.1f (in CPU time of the Java threads: %.2f / %.2f ms = %.1f)%n", t,
                        t == 1 ? "" : "s", f.median() * 1e3, r.timing().median() / f.median(),
                        r.timing().cpuMedian() * 1e3, f.cpuMedian() * 1e3, r.timing().cpuMedian() / f.cpuMedian());
            }
        }
    }

    /** parts_ms (one thread), and per thread count the wall and CPU thread-ms of each phase. */
    private void parts(Bench.CandidateRun r, int threads) {
        double total = java.util.Arrays.stream(r.timing().seconds()).average().orElse(0);
        double[] p = r.phaseSeconds();
        double[] c = r.cpuPhaseSeconds();
        String[] names = {"build", "dac", "product", "noise_adc"};
        ObjectNode wall = doc.with("parts_thread_ms").putObject(key(threads));
        ObjectNode cpu = doc.with("parts_cpu_ms").putObject(key(threads));
        for (int i = 0; i < names.length; i++) {
            wall.put(names[i], p[i] * 1e3);
            cpu.put(names[i], c[i] * 1e3);
        }
        if (threads == 1) {
            ObjectNode o = doc.putObject("parts_ms");
            double sim = 0;
            for (int i = 0; i < names.length; i++) {
                o.put(names[i], p[i] * 1e3);
                sim += p[i];
            }
            o.put("other", Math.max(0, total - sim) * 1e3);
        }
    }

    private static String cpuBreakdown(Bench.CandidateRun r) {
        double[] c = r.cpuPhaseSeconds();
        return String.format(Locale.ROOT, "build %.2f (calling thread), DAC %.2f, product %.2f, noise+ADC %.2f", c[0] * 1e3,
                c[1] * 1e3, c[2] * 1e3, c[3] * 1e3);
    }

    private void torchonn(Catalog cat, List<Integer> th, int reps) {
        Bench.Candidate full = Bench.candidate(cat, Clements.NAME, "mnist-mlp", List.of("mesh_size=32"));
        Bench.Candidate eq = Bench.torchonnEquivalent(full);
        out.println();
        out.printf(Locale.ROOT, "like for like with pytorch-onn: mnist-mlp, %dx%d Clements tiles, %d-bit phases with "
                + "phase errors re-sampled per build, %d-bit input DAC, %d test images; torchonn-equivalent switches "
                + "off detector noise and the per-tile ADC:%n", full.sim().tileRows(), full.sim().tileCols(),
                full.sim().weightBits(), full.sim().dacBits(), Math.min(samples, full.network().testSize()));
        ObjectNode eqMs = doc.putObject("torchonn_equivalent_ms");
        ObjectNode fullMs = doc.putObject("torchonn_full_model_ms");
        for (int t : th) {
            Bench.CandidateRun e = Bench.runCandidate(eq, samples, t, quick ? 3 : 5, reps);
            double fm;
            double fcpu;
            double facc = Double.NaN;
            if (mnistMs.containsKey(t)) {
                fm = mnistMs.get(t);
                fcpu = mnistCpuMs.get(t);
            } else {
                Bench.CandidateRun f = Bench.runCandidate(full, samples, t, quick ? 3 : 5, reps);
                fm = f.timing().median() * 1e3;
                fcpu = f.timing().cpuMedian() * 1e3;
                facc = f.accuracy();
            }
            eqMs.put(key(t), e.timing().median() * 1e3);
            fullMs.put(key(t), fm);
            doc.with("torchonn_equivalent_cpu_ms").put(key(t), e.timing().cpuMedian() * 1e3);
            doc.with("torchonn_full_model_cpu_ms").put(key(t), fcpu);
            out.printf(Locale.ROOT, "  %d thread%s: torchonn-equivalent %7.2f ms median, %6.2f CPU ms (accuracy %.4f)   "
                    + "full model %7.2f ms median, %6.2f CPU ms%s%n", t, t == 1 ? " " : "s", e.timing().median() * 1e3,
                    e.timing().cpuMedian() * 1e3, e.accuracy(), fm, fcpu,
                    Double.isNaN(facc) ? " (above)" : String.format(Locale.ROOT, " (accuracy %.4f)", facc));
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
        List<String> names = searchArchitectures.isEmpty() ? Families.names() : searchArchitectures;
        List<ArchitectureSpec> archs = new ArrayList<>();
        for (String a : names) {
            archs.add(cat.architecture(a));
        }
        out.println();
        out.printf(Locale.ROOT, "search throughput: %d random designs of %s on mnist-mlp (%d test images, %d chip), "
                + "PhotonicSearchEvaluator through ThreadPoolEvaluator:%n", evaluations, String.join(", ", names),
                PhotonicSearchEvaluator.SEARCH_SAMPLES, PhotonicSearchEvaluator.SEARCH_CHIPS);
        PhotonicSearchEvaluator ev = new PhotonicSearchEvaluator(cat, archs, "mnist-mlp", 1);
        List<Design> designs = Bench.randomDesigns(archs, evaluations, 7);
        // first pass: JIT, mesh programming and fits into the tile cache (what a search pays once per tile)
        out.println("  first pass: butterfly and truncated tiles not yet in the fit store (~/.cache/phodex/tile-fits) are "
                + "fitted now, 10-270 ms each: minutes on a machine's first run");
        out.flush();
        Bench.SearchRun cold = Bench.search(ev, designs, 1);
        out.printf(Locale.ROOT, "  first pass (1 thread, programs and fits every tile): %6.2f evaluations/s  (%.2f s "
                + "for %d)%n", cold.perSecond(), cold.seconds(), cold.evaluations());
        doc.put("search_first_pass_evals_per_s", cold.perSecond());
        doc.put("search_evaluations", evaluations);
        names.forEach(doc.putArray("search_architectures")::add);
        ObjectNode perS = doc.putObject("search_evals_per_s");
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
            perS.put(key(t), best.perSecond());
            doc.with("search_cores_used").put(key(t), best.coresUsed());
            out.printf(Locale.ROOT, "  %d thread%s: %6.1f evaluations/s  (%.2f s for %d; x%.2f of %d x the first; the "
                    + "process got %.2f cores)%n", t, t == 1 ? " " : "s", best.perSecond(), best.seconds(),
                    best.evaluations(), best.perSecond() / base / th.get(0), t, best.coresUsed());
        }
    }

    private void scaling(Catalog cat, int reps) {
        out.println();
        out.println("scaling: one candidate on one thread against mesh size n, test-set size and workload (mean per run; "
                + "CPU ms of the Java threads, which a shared machine inflates far less than wall time; floor = the "
                + "workload's GEMMs as dense float64 products in the same run, CPU ms):");
        out.println("  workload    n    images   tiles    wall ms   cpu ms   build   DAC   product   noise+ADC   other  "
                + "floor ms   x floor   accuracy");
        com.fasterxml.jackson.databind.node.ArrayNode rows = doc.putArray("scaling");
        int[] sizes = quick ? new int[] {8, 32} : new int[] {8, 16, 32, 64};
        int[] counts = quick ? new int[] {500} : new int[] {500, 1000, 2000};
        for (int size : sizes) {
            Bench.Candidate c = Bench.candidate(cat, Clements.NAME, "mnist-mlp", List.of("mesh_size=" + size));
            for (int images : counts) {
                Bench.CandidateRun r = Bench.runCandidate(c, images, 1, 2, reps);
                scalingRow(rows, "mnist-mlp", size, images, c.tiles(), r,
                        Bench.gemmFloor(cat.workload("mnist-mlp"), images, Math.max(reps, 5), 4096));
            }
        }
        for (String w : scalingModels) {
            int images = quick ? 50 : 200;
            Bench.CandidateRun r = Bench.runModelCandidate(cat, Clements.NAME, w, List.of("mesh_size=32"), images, 1,
                    Math.max(1, reps / 3));
            scalingRow(rows, w, 32, images, -1, r, Bench.gemmFloor(cat.workload(w), images, 5, 4096));
        }
    }

    private void scalingRow(com.fasterxml.jackson.databind.node.ArrayNode rows, String workload, int size, int images,
            int tiles, Bench.CandidateRun r, double[] floor) {
        double total = java.util.Arrays.stream(r.timing().seconds()).average().orElse(0);
        double cpu = java.util.Arrays.stream(r.timing().cpuSeconds()).average().orElse(Double.NaN);
        double[] p = r.cpuPhaseSeconds();
        double other = Math.max(0, cpu - p[0] - p[1] - p[2] - p[3]);
        out.printf(Locale.ROOT, "  %-10s %-4d %6d %7s %10.2f %8.2f %7.2f %5.2f %9.2f %11.2f %7.2f %10.2f %9.1f   %.4f%n",
                workload, size, images, tiles < 0 ? "-" : Integer.toString(tiles), total * 1e3, cpu * 1e3, p[0] * 1e3,
                p[1] * 1e3, p[2] * 1e3, p[3] * 1e3, other * 1e3, floor[1] * 1e3, cpu / floor[1], r.accuracy());
        ObjectNode o = rows.addObject();
        o.put("workload", workload);
        o.put("mesh_size", size);
        o.put("images", images);
        if (tiles >= 0) {
            o.put("tiles", tiles);
        }
        o.put("wall_ms", total * 1e3);
        o.put("cpu_ms", cpu * 1e3);
        o.put("build_cpu_ms", p[0] * 1e3);
        o.put("dac_cpu_ms", p[1] * 1e3);
        o.put("product_cpu_ms", p[2] * 1e3);
        o.put("noise_adc_cpu_ms", p[3] * 1e3);
        o.put("other_cpu_ms", other * 1e3);
        o.put("floor_wall_ms", floor[0] * 1e3);
        o.put("floor_cpu_ms", floor[1] * 1e3);
        o.put("ratio_to_floor_cpu", cpu / floor[1]);
        o.put("accuracy", r.accuracy());
    }
}
