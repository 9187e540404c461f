package org.phodex.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.SearchOptions;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.search.Checkpoint;
import org.phodex.search.RunConfig;
import org.phodex.search.SearchRun;
import picocli.CommandLine.Command;
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

    @Option(names = "--time-limit", paramLabel = "DURATION", description = "wall-time budget of this invocation")
    String timeLimit;

    @Option(names = "--max-evaluations", paramLabel = "N", description = "new total evaluation budget")
    Long maxEvaluations;

    @Option(names = "--threads", paramLabel = "T", description = "evaluation threads (default: as saved)")
    Integer threads;

    @Override
    public Integer call() {
        Checkpoint cp;
        try {
            cp = Checkpoint.read(dir);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SearchOptions o = cp.config().options();
        if (generations != null) {
            if (generations < 1) {
                throw new UsageException("--generations must be at least 1, got " + generations);
            }
            o = o.withGenerations(generations);
        }
        if (timeLimit != null) {
            o = o.withTimeLimitS(Durations.seconds(timeLimit, "--time-limit"));
        }
        if (maxEvaluations != null) {
            if (maxEvaluations < 1) {
                throw new UsageException("--max-evaluations must be at least 1, got " + maxEvaluations);
            }
            o = o.withMaxEvaluations(maxEvaluations);
        }
        int t = threads == null ? cp.config().threads() : SearchCommand.threads(threads);
        RunConfig config = cp.config().with(o, t);
        DesignEvaluator evaluator = wiring.evaluators().create(config.specs(), config.workload(), config.seed());
        try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(evaluator, t, wiring.evalClock(),
                System.err::println)) {
            SearchRun run = SearchRun.resume(dir, cp, config, pool, wiring.runClock());
            spec.commandLine().getOut().println("resuming " + dir + " after generation "
                    + cp.state().generationsDone() + " (" + cp.state().evaluations() + " evaluations)");
            return RunDriver.drive(run, wiring.stopSignals().get(), spec.commandLine().getOut());
        }
    }
}
