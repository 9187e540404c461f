package org.phodex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.phodex.cluster.Cluster;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.SearchOptions;
import org.phodex.moo.StopSignal;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.search.Checkpoint;
import org.phodex.search.RunConfig;
import org.phodex.search.RunLock;
import org.phodex.search.SearchRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phodex resume DIR}: continues a search from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a search run from its checkpoint, with the spec, seed and options saved in it.",
                "Reaches the same pareto.csv as an uninterrupted run with the same seed."})
final class ResumeCommand implements Callable<Integer> {
    private final Wiring wiring;

    ResumeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the run folder")
    Path dir;

    @Option(names = "--generations", paramLabel = "G", description = "new total generation budget")
    Long generations;

    @Option(names = "--time-limit", paramLabel = "[+]DURATION",
            description = "new total wall-time budget of the run, counting the time it has already run (e.g. 2h); "
                    + "+DURATION gives that much more than already spent (e.g. +30m). Default: the saved budget, "
                    + "so a resumed run stops where an uninterrupted one would")
    String timeLimit;

    @Option(names = "--max-evaluations", paramLabel = "N", description = "new total evaluation budget")
    Long maxEvaluations;

    @Option(names = "--threads", paramLabel = "T", description = "evaluation threads (default: as saved)")
    Integer threads;

    @Option(names = "--final-chips", paramLabel = "K", description = "chip samples per design for the re-scoring "
            + "at the end (default: as saved; 0: none)")
    Integer finalChips;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() {
        try {
            Checkpoint.read(dir); // a clear message for a folder that is not a search run, before locking it
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (RunLock lock = RunDriver.lock(dir, "resume", spec.commandLine().getErr())) {
            Checkpoint cp;
            try {
                cp = Checkpoint.read(dir); // again: the holder of the lock may have written a newer one
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            RunConfig config = cp.config().with(options(cp), threads == null ? cp.config().threads()
                    : SearchCommand.threads(threads));
            if (finalChips != null) {
                if (finalChips < 0) {
                    throw new UsageException("--final-chips must be 0 (no re-scoring) or more, got " + finalChips);
                }
                config = config.withFinalChips(finalChips);
            }
            PrintWriter out = spec.commandLine().getOut();
            DesignEvaluator evaluator = wiring.evaluators().search(config.specs(), config.workload(),
                    config.seed(), config.chipSamples(), config.searchTrainingBudget());
            StopSignal stop = wiring.stopSignals().get();
            try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(evaluator, config.threads(),
                    wiring.evalClock(), System.err::println).stopOn(stop);
                 Cluster.Evaluator remote = cluster.open(wiring, config, pool)) {
                SearchRun run = SearchRun.resume(dir, cp, config, remote != null ? remote : pool,
                        wiring.runClock());
                out.println("resuming " + dir + " after generation " + cp.state().generationsDone() + " ("
                        + cp.state().evaluations() + " evaluations)");
                double limit = config.options().timeLimitS();
                if (limit > 0) {
                    out.printf(Locale.ROOT, "time budget: %.0f s of %.0f s used, %.0f s left%n",
                            cp.state().elapsedS(), limit, Math.max(0, limit - cp.state().elapsedS()));
                }
                return RunDriver.drive(run, stop, out, wiring, remote);
            }
        }
    }

    /** The saved options with this invocation's new budgets. */
    private SearchOptions options(Checkpoint cp) {
        SearchOptions o = cp.config().options();
        if (generations != null) {
            if (generations < 1) {
                throw new UsageException("--generations must be at least 1, got " + generations);
            }
            o = o.withGenerations(generations);
        }
        if (timeLimit != null) {
            String t = timeLimit.trim();
            if (t.startsWith("+")) {
                o = o.withTimeLimitS(cp.state().elapsedS() + Durations.seconds(t.substring(1), "--time-limit"));
            } else {
                o = o.withTimeLimitS(Durations.seconds(t, "--time-limit"));
            }
        }
        if (maxEvaluations != null) {
            if (maxEvaluations < 1) {
                throw new UsageException("--max-evaluations must be at least 1, got " + maxEvaluations);
            }
            o = o.withMaxEvaluations(maxEvaluations);
        }
        return o;
    }
}
