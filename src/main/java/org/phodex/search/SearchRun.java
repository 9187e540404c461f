package org.phodex.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.phodex.moo.Evaluation;
import org.phodex.moo.GeneSpec;
import org.phodex.moo.GenerationEvaluator;
import org.phodex.moo.GenerationStats;
import org.phodex.moo.GeneticSearch;
import org.phodex.moo.Normalizer;
import org.phodex.moo.Objective;
import org.phodex.moo.Outcome;
import org.phodex.moo.PolynomialMutation;
import org.phodex.moo.SearchListener;
import org.phodex.moo.SearchOptions;
import org.phodex.moo.SearchState;
import org.phodex.moo.StopReason;
import org.phodex.moo.StopSignal;
import org.phodex.spec.ArchitectureSpec;

/**
 * A search writing its run folder (docs/search.md):
 * <pre>
 *   spec.resolved.yaml  every parameter as used, search space, seed, options
 *   manifest.json       tool, version, git commit, seed, JVM, start/end, evaluations, objectives, ...
 *   evaluations.csv     one row per evaluation, flushed per batch ({@link CsvLayout})
 *   pareto.csv          the archive, same columns (rewritten each generation)
 *   indicators.csv      generation,evaluations,hypervolume,front_size,elapsed_s
 *   checkpoint/         state.ser, rewritten atomically each generation
 *   plots/              written by the plotting code
 * </pre>
 */
public final class SearchRun implements SearchListener {
    public static final List<String> INDICATOR_HEADER = List.of("generation", "evaluations", "hypervolume",
            "front_size", "elapsed_s");

    private final Path dir;
    private final RunConfig config;
    private final SearchProblem problem;
    private final GeneticSearch search;
    private final SearchState state;
    private final Map<String, Object> manifest;
    private ArrayList<String> extraColumns;
    private CsvLayout layout;
    private final Writer evaluations;
    private final Writer indicators;
    private boolean warnedColumns;
    /** Data rows in evaluations.csv and indicators.csv as flushed: what the manifest reports. */
    private long rowsFlushed;
    private long generationsFlushed;
    private final LongSupplier nanoClock;
    /** Re-scores the archive when the run ends (null: the front keeps its search-time estimates). */
    private GenerationEvaluator rescorer;
    private java.util.function.Consumer<String> notes = s -> { };
    private Rescoring.Result rescored;

    private SearchRun(Path dir, RunConfig config, GenerationEvaluator evaluator, LongSupplier nanoClock,
                      SearchState state,
                      Map<String, Object> manifest, ArrayList<String> extraColumns) throws IOException {
        this.dir = dir;
        this.config = config;
        this.problem = config.problem();
        this.nanoClock = nanoClock;
        this.search = GeneticSearch.builder(problem, evaluator).options(config.options()).clock(nanoClock).build();
        this.state = state == null ? search.newState(config.seed()) : state;
        this.manifest = manifest;
        this.extraColumns = extraColumns;
        if (extraColumns != null) {
            layout = new CsvLayout(problem.space().paramNames(), extraColumns, true);
        }
        this.evaluations = append(dir.resolve("evaluations.csv"));
        this.indicators = append(dir.resolve("indicators.csv"));
    }

    private static Writer append(Path f) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
    }

    /**
     * Starts a new run in {@code dir} (already prepared by {@link RunFiles#prepare}); {@code evaluator} scores
     * the generations and {@code nanoClock} times the run (both passed on to the {@link GeneticSearch}).
     */
    public static SearchRun start(Path dir, RunConfig config, GenerationEvaluator evaluator, LongSupplier nanoClock,
                                  Map<String, Object> runInfo) {
        try {
            Map<String, Object> m = RunFiles.manifestBase("search");
            m.put("seed", config.seed());
            m.put("start", RunFiles.now());
            m.put("end", null);
            m.put("status", "running");
            m.put("architectures", config.architectures().stream().map(ArchitectureSnapshot::name).toList());
            m.put("workload", config.workload());
            m.put("objectives", objectivesInfo(config.objectiveList()));
            m.put("threads", config.threads());
            m.put("population", config.options().population());
            RunFiles.mergeRunInfo(m, runInfo);
            SearchRun run = new SearchRun(dir, config, evaluator, nanoClock, null, m, null);
            RunFiles.writeAtomically(dir.resolve("spec.resolved.yaml"), RunFiles.yaml(run.resolvedSpec()));
            RunFiles.printRow(run.indicators, INDICATOR_HEADER);
            run.indicators.flush();
            // a checkpoint before the first generation: a run stopped in it resumes from the start
            new Checkpoint(config, run.state, null, 0, Files.size(dir.resolve("indicators.csv"))).write(dir);
            run.writeManifest();
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start run in " + dir, e);
        }
    }

    /**
     * Continues a run from its checkpoint: rows written after the checkpoint are cut off, so that
     * evaluations.csv has neither duplicates nor gaps.
     */
    @SuppressWarnings("unchecked")
    public static SearchRun resume(Path dir, Checkpoint cp, RunConfig config, GenerationEvaluator evaluator,
                                   LongSupplier nanoClock) {
        try {
            truncate(dir.resolve("evaluations.csv"), cp.evaluationsCsvBytes());
            truncate(dir.resolve("indicators.csv"), cp.indicatorsCsvBytes());
            Map<String, Object> m;
            Path mf = dir.resolve("manifest.json");
            if (Files.exists(mf)) {
                m = new ObjectMapper().readValue(mf.toFile(), LinkedHashMap.class);
            } else {
                m = RunFiles.manifestBase("search");
            }
            List<Object> resumes = m.get("resumed") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            resumes.add(RunFiles.now());
            m.put("resumed", resumes);
            m.put("status", "running");
            m.put("end", null);
            m.put("threads", config.threads());
            SearchRun run = new SearchRun(dir, config, evaluator, nanoClock, cp.state(), m, cp.extraColumns());
            run.rowsFlushed = dataRows(dir.resolve("evaluations.csv"));
            run.generationsFlushed = dataRows(dir.resolve("indicators.csv"));
            run.writeManifest();
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume run in " + dir, e);
        }
    }

    /** Records after the header line (0 for an absent or empty file). */
    static long dataRows(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        try (org.apache.commons.csv.CSVParser p = RunFiles.CSV.parse(Files.newBufferedReader(f,
                StandardCharsets.UTF_8))) {
            long n = 0;
            for (var ignored : p) {
                n++;
            }
            return Math.max(0, n - 1);
        }
    }

    private static void truncate(Path f, long bytes) throws IOException {
        if (!Files.exists(f)) {
            if (bytes > 0) {
                throw new IOException(f + " is missing but the checkpoint expects " + bytes + " bytes");
            }
            return;
        }
        if (Files.size(f) < bytes) {
            throw new IOException(f + " is shorter than at the checkpoint (" + Files.size(f) + " < " + bytes
                    + " bytes)");
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(bytes);
        }
    }

    public SearchState state() {
        return state;
    }

    public Path dir() {
        return dir;
    }

    public RunConfig config() {
        return config;
    }

    public SearchProblem problem() {
        return problem;
    }

    /** The float network's accuracy on the search's test samples, from the evaluator's run info (NaN if none). */
    public double referenceAccuracy() {
        return manifest.get("reference_accuracy") instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Re-scores the archive with {@code evaluator} when the run ends (not when it is interrupted: {@code resume}
     * re-scores at its end): pareto.csv then holds the front recomputed from the re-scored values and
     * rescored.csv every archive design re-scored. {@code notes} receives one line before and one after.
     */
    public SearchRun rescoreWith(GenerationEvaluator evaluator, java.util.function.Consumer<String> notes) {
        this.rescorer = evaluator;
        this.notes = notes == null ? s -> { } : notes;
        return this;
    }

    /** The re-scored archive and front, once the run has ended with re-scoring; null otherwise. */
    public Rescoring.Result rescored() {
        return rescored;
    }

    /** Runs to a stop rule, then writes the results (also when interrupted). */
    public GeneticSearch.Result execute(StopSignal stop, SearchListener progress) {
        GeneticSearch.Result r = search.run(state, SearchListener.all(List.of(this, progress)), stop);
        finish(r.reason());
        return r;
    }

    @Override
    public void evaluated(List<Evaluation> batch) {
        try {
            if (layout == null) {
                extraColumns = new ArrayList<>(CsvLayout.extraColumns(batch.stream().map(Evaluation::outcome)
                        .toList()));
                layout = new CsvLayout(problem.space().paramNames(), extraColumns, true);
                RunFiles.printRow(evaluations, layout.header());
            }
            for (Evaluation e : batch) {
                if (!warnedColumns && !extraColumns.containsAll(e.outcome().columns().keySet())) {
                    warnedColumns = true;
                    System.err.println("phodex: warning: evaluation " + e.evalId() + " has columns not in "
                            + "evaluations.csv's header (fixed by the first batch); they are not written");
                }
                RunFiles.printRow(evaluations, layout.row(e));
            }
            evaluations.flush();
            rowsFlushed += batch.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to evaluations.csv", e);
        }
    }

    @Override
    public void generationDone(GenerationStats s, SearchState st) {
        try {
            RunFiles.printRow(indicators, List.of(Long.toString(s.generation()), Long.toString(s.evaluations()),
                    CsvLayout.format(s.hypervolume()), Integer.toString(s.frontSize()),
                    String.format(java.util.Locale.ROOT, "%.3f", s.elapsedS())));
            indicators.flush();
            generationsFlushed++;
            writePareto();
            new Checkpoint(config, st, extraColumns, Files.size(dir.resolve("evaluations.csv")),
                    Files.size(dir.resolve("indicators.csv"))).write(dir);
            writeManifest(); // after the checkpoint: a crash from here on leaves files that agree with it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generation " + s.generation() + " results", e);
        }
    }

    private void writePareto() {
        if (layout == null) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Evaluation e : state.archive().front()) {
            rows.add(layout.row(e));
        }
        RunFiles.writeAtomically(dir.resolve("pareto.csv"), RunFiles.csv(layout.header(), rows));
    }

    private void finish(StopReason reason) {
        try {
            evaluations.close();
            indicators.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writePareto();
        if (rescorer != null && reason != StopReason.INTERRUPTED && layout != null && state.archive().size() > 0) {
            try {
                rescore();
            } catch (java.util.concurrent.CancellationException e) {
                notes.accept("re-scoring stopped; pareto.csv keeps the search-time estimates");
                manifest.put("rescoring", Map.of("status", "stopped by an interrupt; pareto.csv holds the "
                        + "search-time estimates"));
            } catch (RuntimeException e) {
                // the search's own results are written already: a failed re-scoring must not lose them
                notes.accept("re-scoring failed (" + e.getMessage() + "); pareto.csv keeps the search-time estimates");
                manifest.put("rescoring", Map.of("status", "failed: " + e.getMessage()));
            }
        } else if (rescorer != null) {
            manifest.put("rescoring", Map.of("status", reason == StopReason.INTERRUPTED
                    ? "not yet: the run was interrupted; resume re-scores at its end" : "nothing to re-score"));
        }
        manifest.put("end", RunFiles.now());
        manifest.put("status", reason == StopReason.INTERRUPTED ? "interrupted" : "completed");
        manifest.put("stop_reason", reason.name().toLowerCase(java.util.Locale.ROOT));
        writeManifest();
    }

    private void rescore() {
        List<Evaluation> archive = new ArrayList<>(state.archive().front());
        java.util.Set<String> keys = new java.util.HashSet<>();
        archive.forEach(e -> keys.add(e.outcome().design().key()));
        int archived = archive.size();
        archive.addAll(RescoreCandidates.fromCsv(dir.resolve("evaluations.csv"), problem.space().architectures(),
                search::judge, keys));
        notes.accept("re-scoring the " + archived + " archive designs and " + (archive.size() - archived)
                + " more near float (photonic-only and digital-only fronts) on the whole test split ...");
        long t0 = nanoClock.getAsLong();
        Rescoring.Result r = Rescoring.rescore(archive, rescorer, search::judge);
        double seconds = (nanoClock.getAsLong() - t0) / 1e9;
        List<Outcome> outs = r.all().stream().map(Evaluation::outcome).toList();
        CsvLayout pl = new CsvLayout(problem.space().paramNames(), CsvLayout.extraColumns(outs), true);
        List<List<String>> front = new ArrayList<>();
        r.front().forEach(e -> front.add(pl.row(e)));
        List<List<String>> all = new ArrayList<>();
        r.all().forEach(e -> all.add(pl.row(e)));
        RunFiles.writeAtomically(dir.resolve("rescored.csv"), RunFiles.csv(pl.header(), all));
        RunFiles.writeAtomically(dir.resolve("pareto.csv"), RunFiles.csv(pl.header(), front));
        rescored = r;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("status", "done");
        info.put("designs", archive.size());
        info.put("archive_designs", archived);
        info.put("near_float_designs", archive.size() - archived);
        info.put("front_size", r.front().size());
        info.put("dropped", archive.size() - r.front().size());
        Outcome first = outs.get(0);
        info.put("samples", first.columns().get("accuracy_samples"));
        info.put("chips", first.columns().get("accuracy_chips"));
        // the float network on the re-scoring's samples (the whole split): the reference of pareto.csv's accuracy
        info.put("float_accuracy", first.columns().get("float_accuracy"));
        info.put("elapsed_s", seconds);
        // the co-designed networks behind the re-scored accuracies (the column training_budget; 1: in full)
        java.util.TreeSet<Object> budgets = new java.util.TreeSet<>();
        outs.forEach(o -> {
            if (o.columns().get("training_budget") instanceof Double b && !b.isNaN()) {
                budgets.add(b);
            }
        });
        if (!budgets.isEmpty()) {
            info.put("training_budget", budgets.size() == 1 ? budgets.first() : new ArrayList<>(budgets));
        }
        info.put("note", "pareto.csv: the front recomputed from the re-scored values; rescored.csv: every re-scored "
                + "design (the archive, plus the photonic-only and digital-only fronts within "
                + RescoreCandidates.BAND_POINTS + " points of float); accuracy_search: the search-time estimate");
        manifest.put("rescoring", info);
        notes.accept(String.format(java.util.Locale.ROOT, "re-scored in %.1f s: %d of %d designs are on the re-scored "
                + "front", seconds, r.front().size(), archive.size()));
    }

    private void writeManifest() {
        // what the files hold, not what the search counted in memory (the two differ only if a write failed)
        manifest.put("evaluations", rowsFlushed);
        manifest.put("generations", generationsFlushed);
        manifest.put("hypervolume", state.hypervolume());
        manifest.put("front_size", state.archive().size());
        manifest.put("elapsed_s", state.elapsedS());
        manifest.put("training_cache", org.phodex.codesign.TrainingCache.stats().toMap());
        manifest.put("options", optionsInfo());
        Normalizer n = state.normalizer();
        if (n != null) {
            List<Objective> objs = problem.objectives();
            List<Map<String, Object>> axes = new ArrayList<>();
            for (int i = 0; i < objs.size(); i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("objective", objs.get(i).name());
                a.put("scale", objs.get(i).log() ? "log10" : "linear");
                a.put("best", n.best()[i]);
                a.put("worst", n.worst()[i]);
                axes.add(a);
            }
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("reference_point", Normalizer.REFERENCE);
            ref.put("note", "objective t (log10 or linear) normalized as (t - best) / (worst - best)");
            ref.put("axes", axes);
            manifest.put("hypervolume_normalization", ref);
        }
        RunFiles.writeAtomically(dir.resolve("manifest.json"), RunFiles.json(manifest));
    }

    private Map<String, Object> optionsInfo() {
        SearchOptions o = config.options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("population", o.population());
        m.put("generations", o.generations());
        m.put("time_limit_s", o.timeLimitS());
        m.put("max_evaluations", o.maxEvaluations());
        m.put("stagnation", o.stagnation());
        m.put("cache_capacity", o.cacheCapacity());
        // co-design trainings during the search (evaluations.csv's training_budget); re-scoring trains in full
        m.put("training_budget", config.searchTrainingBudget());
        m.put("offspring_fraction", GeneticSearch.OFFSPRING_FRACTION);
        m.put("crossover", "SBX p=" + GeneticSearch.CROSSOVER_PROBABILITY + " eta=" + GeneticSearch.CROSSOVER_ETA);
        m.put("mutation", "polynomial p=1/genes eta=" + GeneticSearch.MUTATION_ETA + ", uniform redraw for "
                + "discrete genes with <= " + PolynomialMutation.REDRAW_LEVELS + " levels");
        return m;
    }

    static List<Map<String, Object>> objectivesInfo(List<Objective> objs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Objective o : objs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.name());
            m.put("column", switch (o.name()) {
                case "energy" -> "energy_j";
                case "latency" -> "latency_s";
                case "area" -> "area_mm2";
                case "edp" -> "energy_j*latency_s";
                default -> o.name();
            });
            m.put("sense", o.minimize() ? "min" : "max");
            m.put("scale", o.log() ? "log10" : "linear");
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> resolvedSpec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", config.seed());
        m.put("workload", config.workload());
        m.put("objectives", config.objectives());
        m.put("options", optionsInfo());
        m.put("threads", config.threads());
        List<Object> archs = new ArrayList<>();
        for (ArchitectureSpec a : problem.space().architectures()) {
            archs.add(RunFiles.describe(a));
        }
        m.put("architectures", archs);
        List<Object> genes = new ArrayList<>();
        for (GeneSpec g : problem.space().genes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("architecture", g.architecture() < 0 ? "(gene)"
                    : problem.space().architectures().get(g.architecture()).name());
            x.put("param", g.param());
            if (g.discrete()) {
                x.put("levels", g.levels().size());
            } else {
                x.put("min", g.min());
                x.put("max", g.max());
            }
            genes.add(x);
        }
        m.put("genes", genes);
        return m;
    }
}
