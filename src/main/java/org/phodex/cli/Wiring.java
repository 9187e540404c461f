package org.phodex.cli;

import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.phodex.cluster.Cluster;
import org.phodex.moo.StopSignal;
import org.phodex.search.Evaluators;

/**
 * What the commands are wired to, passed in when the command line is built ({@link Main#run(Wiring,
 * java.io.PrintWriter, java.io.PrintWriter, String...)}) instead of being reached through static hooks:
 * tests and scripts pass their fakes here.
 *
 * @param evaluators  builds a run's design evaluator (default: the photonic model)
 * @param resolver    turns command-line names into specs (default: the repository's catalog)
 * @param runClock    nanosecond clock of the search: elapsed time, rate, ETA, time limit
 * @param evalClock   nanosecond clock timing each evaluation ({@code eval_time_s}); tests pass a constant one
 *                    for byte-identical CSV files
 * @param stopSignals a fresh stop signal per run (Ctrl-C requests it; tests may hand out their own)
 * @param cluster     opens a cluster evaluator for {@code --cluster} (default: Hazelcast); called for nothing else
 */
public record Wiring(Evaluators.Factory evaluators, Evaluators.Resolver resolver, LongSupplier runClock,
                     LongSupplier evalClock, Supplier<StopSignal> stopSignals, Cluster.Connector cluster) {

    public Wiring {
        Objects.requireNonNull(evaluators, "evaluators");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(runClock, "runClock");
        Objects.requireNonNull(evalClock, "evalClock");
        Objects.requireNonNull(stopSignals, "stopSignals");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** The default cluster connector (Hazelcast). */
    public Wiring(Evaluators.Factory evaluators, Evaluators.Resolver resolver, LongSupplier runClock,
                  LongSupplier evalClock, Supplier<StopSignal> stopSignals) {
        this(evaluators, resolver, runClock, evalClock, stopSignals, Cluster.HAZELCAST);
    }

    /** The photonic model, the repository's catalog, the system clock. */
    public static Wiring defaults() {
        return new Wiring(Evaluators.PHOTONIC, Evaluators.CATALOG, System::nanoTime, System::nanoTime,
                StopSignal::new);
    }

    public Wiring withEvaluators(Evaluators.Factory f) {
        return new Wiring(f, resolver, runClock, evalClock, stopSignals, cluster);
    }

    public Wiring withResolver(Evaluators.Resolver r) {
        return new Wiring(evaluators, r, runClock, evalClock, stopSignals, cluster);
    }

    public Wiring withEvalClock(LongSupplier c) {
        return new Wiring(evaluators, resolver, runClock, c, stopSignals, cluster);
    }

    public Wiring withStopSignals(Supplier<StopSignal> s) {
        return new Wiring(evaluators, resolver, runClock, evalClock, s, cluster);
    }

    public Wiring withCluster(Cluster.Connector c) {
        return new Wiring(evaluators, resolver, runClock, evalClock, stopSignals, c);
    }
}
