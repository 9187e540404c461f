package org.phodex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.phodex.arch.Families;
import org.phodex.cluster.Cluster;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.Objective;
import org.phodex.moo.SearchOptions;
import org.phodex.moo.StopSignal;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.search.PhotonicSearchEvaluator;
import org.phodex.search.RunConfig;
import org.phodex.search.RunFiles;
import org.phodex.search.RunLock;
import org.phodex.search.SearchRun;
import org.phodex.spec.ArchitectureSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex search}: the genetic design-space search, writing a run folder. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Multi-objective genetic search (NSGA-II) over the architectures' search_space.",
                "Writes spec.resolved.yaml, manifest.json, evaluations.csv, pareto.csv, indicators.csv, "
                        + "checkpoint/ and plots/ into the run folder. Ctrl-C once: stop the evaluations in "
                        + "flight (finished trainings stay on disk), keep the last generation's checkpoint, exit 130 "
                        + "(continue with 'phodex resume DIR'); twice: stop now."})
final class SearchCommand implements Callable<Integer> {
    private final Wiring wiring;

    SearchCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Every registered family's own architecture (architectures/FAMILY.yaml). */
    static final List<String> DEFAULT_ARCHITECTURES = Families.names();
    static final String DEFAULT_WORKLOAD = "digits-mlp";
    static final long DEFAULT_GENERATIONS = 60;

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--architecture"}, paramLabel = "ARCH",
            description = "architecture name (architectures/NAME.yaml) or YAML path; repeat to search several "
                    + "(the architecture becomes a gene). Default: all MZI and MRR families")
    List<String> architectures = new ArrayList<>();

    @Option(names = {"-w", "--workload"}, paramLabel = "WORKLOAD",
            description = "workload name (workloads/NAME.yaml) or YAML path. Default: " + DEFAULT_WORKLOAD)
    String workload = DEFAULT_WORKLOAD;

    @Option(names = "--population", paramLabel = "P", description = "individuals per generation (default 48)")
    int population = 48;

    @Option(names = "--generations", paramLabel = "G",
            description = "stop after G generations (default " + DEFAULT_GENERATIONS + " unless another budget "
                    + "is given)")
    Long generations;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "stop after this wall time, checked between generations (e.g. 30s, 10m, 2h)")
    String timeLimit;

    @Option(names = "--max-evaluations", paramLabel = "N", description = "stop after N evaluations")
    Long maxEvaluations;

    @Option(names = "--stagnation", paramLabel = "G",
            description = "stop when the hypervolume has not improved for G generations")
    Integer stagnation;

    @Option(names = "--objectives", paramLabel = "LIST",
            description = "comma-separated, at least two of energy, accuracy, error, latency, area, edp "
                    + "(default energy,accuracy; energy,error for shape-only workloads)")
    String objectives;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default 1)")
    long seed = 1;

    @Option(names = "--chips", paramLabel = "K", description = "chip samples per design (Monte Carlo over static "
            + "errors; default 1: more are slower and steadier)")
    int chips = 1;

    @Option(names = "--final-chips", paramLabel = "K", description = "chip samples per design when the archive is "
            + "re-scored on the whole test split at the end (default " + RunConfig.DEFAULT_FINAL_CHIPS + "; 0: keep "
            + "the search-time estimates)")
    int finalChips = RunConfig.DEFAULT_FINAL_CHIPS;

    @Option(names = "--training-budget", paramLabel = "F",
            description = "fraction of the co-design training (the training gene's noise-aware and in-mesh modes) "
                    + "a design gets during the search, in (0, 1] (default "
                    + PhotonicSearchEvaluator.SEARCH_TRAINING_BUDGET + "); the final re-scoring retrains the "
                    + "front in full, and the CSV column training_budget says which an accuracy used")
    double trainingBudget = PhotonicSearchEvaluator.SEARCH_TRAINING_BUDGET;

    @Option(names = "--threads", paramLabel = "T", description = "evaluation threads (default: all cores)")
    Integer threads;

    @Option(names = "--cache", paramLabel = "N", description = "evaluated designs kept in the cache (default "
            + SearchOptions.DEFAULT_CACHE + ")")
    int cache = SearchOptions.DEFAULT_CACHE;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "run folder (default runs/<name>)")
    Path output;

    @Option(names = "--force", description = "overwrite a non-empty run folder")
    boolean force;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() {
        List<String> archNames = architectures.isEmpty() ? DEFAULT_ARCHITECTURES : architectures;
        SearchOptions options = options();
        List<Objective> objs;
        try {
            objs = Objective.parse(objectives != null ? objectives : defaultObjectives(workload));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--objectives: " + e.getMessage());
        }
        int t = threads(threads);
        List<ArchitectureSpec> specs = new ArrayList<>();
        String wl;
        try {
            for (String a : archNames) {
                ArchitectureSpec s = wiring.resolver().architecture(a);
                if (specs.stream().anyMatch(x -> x.name().equals(s.name()))) {
                    throw new UsageException("architecture '" + s.name() + "' given twice");
                }
                specs.add(s);
            }
            wl = wiring.resolver().workload(workload);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (objs.stream().anyMatch(o -> o.name().equals("accuracy")) && shapeOnly(workload)) {
            throw new UsageException("--objectives: workload '" + workload + "' is shape-only (no test data), so "
                    + "it has no accuracy; use the matrix-level error instead, e.g. --objectives energy,error");
        }
        if (chips < 1) {
            throw new UsageException("--chips must be at least 1, got " + chips);
        }
        specs.replaceAll(s -> s.withSearchedChoices(org.phodex.spec.Params.TRAINING, trainingModes(workload)));
        if (finalChips < 0) {
            throw new UsageException("--final-chips must be 0 (no re-scoring) or more, got " + finalChips);
        }
        if (!(trainingBudget > 0 && trainingBudget <= 1)) {
            throw new UsageException("--training-budget must be in (0, 1] (a fraction of the full training), got "
                    + trainingBudget);
        }
        RunConfig config = RunConfig.of(specs, wl, seed, options, objs, t, chips).withFinalChips(finalChips)
                .withTrainingBudget(trainingBudget);
        try {
            config.problem();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path dir = output != null ? output : freeRunFolder(Path.of("runs", runName(specs, workload)));
        try (RunLock lock = RunDriver.lock(dir, "search", spec.commandLine().getErr())) {
            DesignEvaluator evaluator = wiring.evaluators().search(specs, wl, seed, chips, trainingBudget);
            StopSignal stop = wiring.stopSignals().get();
            try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(evaluator, t, wiring.evalClock(),
                    System.err::println).stopOn(stop);
                 Cluster.Evaluator remote = cluster.open(wiring, config, pool)) {
                try {
                    RunFiles.prepare(dir, force); // after the cluster accepted the search: a refusal leaves no folder
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                SearchRun run = SearchRun.start(dir, config, remote != null ? remote : pool, wiring.runClock(),
                        evaluator.runInfo());
                spec.commandLine().getOut().println("run folder: " + dir);
                return RunDriver.drive(run, stop, spec.commandLine().getOut(), wiring, remote);
            }
        }
    }

    /** True for a repository workload without data (accuracy undefined); false otherwise or if it does not load. */
    static boolean shapeOnly(String workload) {
        try {
            return !org.phodex.evaluation.Catalog.locate().workload(workload).hasData();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True for a repository workload that is a trained MLP (the co-design training modes apply). */
    /**
     * The training modes the search may try on {@code workload} (the gene keeps only these of its choices): all for
     * MLPs, post-mapping, adc-calibrated and noise-aware for CNNs ({@code DeepCodesign}; README, Co-design),
     * post-mapping alone elsewhere (ViTs, whose training costs about 190 CPU-s and whose recipe was chosen on the
     * CNN, and shape-only workloads).
     */
    static java.util.Set<String> trainingModes(String workload) {
        java.util.Set<String> all = java.util.Arrays.stream(org.phodex.codesign.TrainingMode.values())
                .map(org.phodex.codesign.TrainingMode::key).collect(java.util.stream.Collectors.toSet());
        try {
            org.phodex.workload.Workload w = org.phodex.evaluation.Catalog.locate().workload(workload);
            if (w.network().isPresent()) {
                return all;
            }
            if (w.model().isPresent() && w.model().get().shape() instanceof org.phodex.workload.ModelShape.Cnn) {
                return java.util.Set.of("post-mapping", "adc-calibrated", "noise-aware");
            }
        } catch (RuntimeException e) {
            // an unknown workload is reported elsewhere
        }
        return java.util.Set.of("post-mapping");
    }

    /** Accuracy where the workload has data; matrix-level error for shape-only workloads. */
    static String defaultObjectives(String workload) {
        try {
            boolean hasData = org.phodex.evaluation.Catalog.locate().workload(workload).hasData();
            return hasData ? "energy,accuracy" : "energy,error";
        } catch (RuntimeException e) {
            return "energy,accuracy"; // not a repository workload: the resolver reports it below
        }
    }

    private SearchOptions options() {
        if (population < 4) {
            throw new UsageException("--population must be at least 4, got " + population);
        }
        if (generations != null && generations < 1) {
            throw new UsageException("--generations must be at least 1, got " + generations);
        }
        if (maxEvaluations != null && maxEvaluations < 1) {
            throw new UsageException("--max-evaluations must be at least 1, got " + maxEvaluations);
        }
        if (stagnation != null && stagnation < 1) {
            throw new UsageException("--stagnation must be at least 1, got " + stagnation);
        }
        if (cache < 1) {
            throw new UsageException("--cache must be at least 1, got " + cache);
        }
        double tl = timeLimit == null ? 0 : Durations.seconds(timeLimit, "--time-limit");
        boolean otherBudget = timeLimit != null || maxEvaluations != null || stagnation != null;
        long g = generations != null ? generations : (otherBudget ? 0 : DEFAULT_GENERATIONS);
        return new SearchOptions(population, g, tl, maxEvaluations == null ? 0 : maxEvaluations,
                stagnation == null ? 0 : stagnation, cache);
    }

    static int threads(Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }

    /** The default folder, or NAME-2, NAME-3 ... when an earlier run is there (never overwrites a result). */
    static Path freeRunFolder(Path base) {
        Path p = base;
        for (int i = 2; java.nio.file.Files.exists(p); i++) {
            p = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return p;
    }

    static String runName(List<ArchitectureSpec> specs, String workload) {
        String w = Path.of(workload).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (specs.size() == DEFAULT_ARCHITECTURES.size()
                && specs.stream().map(ArchitectureSpec::name).toList().equals(DEFAULT_ARCHITECTURES)) {
            return "all-families-" + w;
        }
        StringBuilder sb = new StringBuilder();
        for (ArchitectureSpec s : specs) {
            sb.append(sb.isEmpty() ? "" : "+").append(s.name());
        }
        return sb + "-" + w;
    }
}
