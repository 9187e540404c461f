package org.phodex.cluster;

import java.util.List;
import java.util.function.Consumer;
import org.phodex.moo.GenerationEvaluator;

/**
 * The search's way onto a cluster, free of Hazelcast types: the command line holds a {@link Connector} and calls
 * it only for {@code --cluster}, so a local search never loads a Hazelcast class.
 */
public final class Cluster {
    private Cluster() {
    }

    /** Where the cluster is and how to prove membership. */
    public record Settings(List<String> members, String clusterName, Secret secret) {
    }

    /** A generation evaluator backed by a cluster; closing it leaves the cluster. */
    public interface Evaluator extends GenerationEvaluator, AutoCloseable {
        /** Workers that accepted this search and are still there. */
        int workers();

        /**
         * Another context on the same connection (the end-of-run re-scoring), with its own local fallback;
         * IllegalArgumentException when no worker accepts it. Closing it keeps the connection open.
         */
        Evaluator with(EvalContext context, GenerationEvaluator local);

        @Override
        void close();
    }

    /** Opens a cluster evaluator for a search; IllegalArgumentException (user-facing) when it cannot. */
    @FunctionalInterface
    public interface Connector {
        Evaluator open(Settings settings, EvalContext context, GenerationEvaluator local, Consumer<String> log);
    }

    /** Hazelcast: the search joins as a client and sends each design to a worker ({@link ClusterEvaluator}). */
    public static final Connector HAZELCAST = new Connector() {
        @Override
        public Evaluator open(Settings settings, EvalContext context, GenerationEvaluator local,
                              Consumer<String> log) {
            return ClusterEvaluator.open(settings, context, local, log);
        }
    };
}
