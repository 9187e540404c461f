package org.phodex.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.phodex.cluster.Cluster;
import org.phodex.cluster.EvalContext;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.GeneticSearch;
import org.phodex.moo.StopReason;
import org.phodex.moo.StopSignal;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.search.Progress;
import org.phodex.search.RunConfig;
import org.phodex.search.RunLock;
import org.phodex.search.SearchRun;

/** Runs a {@link SearchRun} for the search and resume commands: Ctrl-C, progress, summary, exit code. */
final class RunDriver {
    private RunDriver() {
    }

    /**
     * Runs to a stop rule and re-scores the archive at the end when the run's factory can
     * ({@link org.phodex.search.Evaluators.Factory#rescorer}) and {@code --final-chips} is not 0.
     */
    static int drive(SearchRun run, StopSignal stop, PrintWriter out, Wiring wiring) {
        return drive(run, stop, out, wiring, (Cluster.Evaluator) null);
    }

    /** As above; {@code remote} is the run's cluster evaluator ({@code --cluster}), or null for a local run. */
    static int drive(SearchRun run, StopSignal stop, PrintWriter out, Wiring wiring, Cluster.Evaluator remote) {
        RunConfig c = run.config();
        IntSupplier workers = remote == null ? null : remote::workers;
        DesignEvaluator re = c.finalChipSamples() > 0
                ? wiring.evaluators().rescorer(c.specs(), c.workload(), c.seed(), c.finalChipSamples()) : null;
        if (re == null) {
            return drive(run, stop, out, workers);
        }
        try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(re, c.threads(), wiring.evalClock(),
                System.err::println).stopOn(stop);
             Cluster.Evaluator remoteRe = remote == null ? null : rescoringOn(remote, c, pool)) {
            run.rescoreWith(remoteRe != null ? remoteRe : pool, note -> System.err.println("phodex: " + note));
            return drive(run, stop, out, workers);
        }
    }

    /** The re-scoring on the cluster too; null (re-scored locally, with a note) when no worker accepts it. */
    private static Cluster.Evaluator rescoringOn(Cluster.Evaluator remote, RunConfig c, ThreadPoolEvaluator local) {
        try {
            return remote.with(EvalContext.rescoring(c), local);
        } catch (IllegalArgumentException e) {
            System.err.println("phodex: the re-scoring at the end runs locally: " + e.getMessage());
            return null;
        }
    }

    /** Runs to a stop rule; {@code stop} is requested by the first Ctrl-C. */
    static int drive(SearchRun run, StopSignal stop, PrintWriter out) {
        return drive(run, stop, out, (IntSupplier) null);
    }

    /** As above; {@code workers} (a cluster run's worker count, else null) goes into the progress line. */
    static int drive(SearchRun run, StopSignal stop, PrintWriter out, IntSupplier workers) {
        PrintStream err = System.err;
        Progress progress = new Progress(err, System.console() != null, run.problem().objectives())
                .withFloatAccuracy(run.referenceAccuracy());
        if (workers != null) {
            progress.withWorkers(workers);
        }
        GeneticSearch.Result r;
        try (Interrupts ignored = Interrupts.install(stop, err)) {
            r = run.execute(stop, progress);
        } finally {
            progress.end();
        }
        plots(run.dir());
        var s = r.state();
        out.printf(Locale.ROOT, "search stopped: %s after %d generations, %d evaluations, %.1f s%n",
                r.reason().text(), s.generationsDone(), s.evaluations(), s.elapsedS());
        out.printf(Locale.ROOT, "front: %d designs, hypervolume %.4f%n", s.archive().size(), s.hypervolume());
        org.phodex.codesign.TrainingCache.Stats training = org.phodex.codesign.TrainingCache.stats();
        if (training.requests() > 0) {
            out.println(training.summary());
        }
        if (run.rescored() != null) {
            out.printf(Locale.ROOT, "re-scored on the whole test split: %d of %d designs stay on the front "
                    + "(pareto.csv; every archive design in rescored.csv)%n", run.rescored().front().size(),
                    run.rescored().all().size());
        }
        out.println("results: " + run.dir().resolve("pareto.csv"));
        out.println("plots:   " + run.dir().resolve("plots") + "/");
        if (run.rescored() != null) {
            VerdictCommand.write(run.dir(), out); // before the report, which shows it
        }
        report(run.dir(), out);
        if (r.reason() == StopReason.INTERRUPTED) {
            out.println("checkpoint written; continue with: phodex resume " + run.dir());
            out.flush();
            return Cli.EXIT_INTERRUPTED;
        }
        out.flush();
        return 0;
    }

    /** Locks a run folder for this process (exit 2 naming the holder when another process has it). */
    static RunLock lock(Path dir, String command, PrintWriter err) {
        try {
            return RunLock.acquire(dir, command, note -> {
                err.println(note);
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Writes the run's or sweep's report.html and prints its path; a failure is a note, never lost results. */
    static void report(Path runDir, PrintWriter out) {
        try {
            out.println("report:  " + org.phodex.report.RunReport.write(runDir) + "  (interactive; open in a browser)");
            out.flush();
        } catch (RuntimeException e) {
            System.err.println("report: could not write report.html (" + e.getMessage() + "); retry with: phodex "
                    + "report " + runDir);
        }
    }

    /** Draws a finished run's or sweep's figures into {@code runDir/plots}. */
    static void plots(Path runDir) {
        try {
            org.phodex.plot.RunFigures.write(runDir, note -> System.err.println("plots: " + note));
        } catch (RuntimeException e) {
            // the run's results are written already; a figure that cannot be drawn must not lose them
            System.err.println("plots: could not draw the figures (" + e.getMessage() + "); the CSV results are "
                    + "complete, retry with: phodex plot " + runDir);
        }
    }
}
