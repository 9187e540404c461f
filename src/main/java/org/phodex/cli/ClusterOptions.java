package org.phodex.cli;

import java.nio.file.Path;
import org.phodex.cluster.Addresses;
import org.phodex.cluster.Cluster;
import org.phodex.cluster.EvalContext;
import org.phodex.cluster.Secret;
import org.phodex.moo.GenerationEvaluator;
import org.phodex.search.RunConfig;
import picocli.CommandLine.Option;

/** {@code --cluster}, {@code --cluster-name}, {@code --secret-file} of search and resume. */
final class ClusterOptions {
    static final String DEFAULT_NAME = "phodex";

    @Option(names = "--cluster", paramLabel = "HOST:PORT[,...]",
            description = "evaluate each generation on the workers of this cluster ('phodex worker'); without it "
                    + "the search evaluates on local threads and starts nothing of the cluster")
    String cluster;

    @Option(names = "--cluster-name", paramLabel = "NAME",
            description = "the workers' --cluster-name (default " + DEFAULT_NAME + ")")
    String clusterName;

    @Option(names = "--secret-file", paramLabel = "PATH",
            description = "file holding the cluster's shared secret (default: the file that $"
                    + Secret.ENV + " names); never pass the secret itself")
    Path secretFile;

    /**
     * The cluster evaluator for {@code --cluster}, null without it; bad options or an unusable cluster are
     * usage errors (exit 2).
     */
    Cluster.Evaluator open(Wiring wiring, RunConfig config, GenerationEvaluator local) {
        if (cluster == null) {
            if (clusterName != null || secretFile != null) {
                throw new UsageException((clusterName != null ? "--cluster-name" : "--secret-file")
                        + " applies to a cluster run; add --cluster HOST:PORT[,...]");
            }
            return null;
        }
        if (config.searchTrainingBudget() != org.phodex.search.PhotonicSearchEvaluator.SEARCH_TRAINING_BUDGET) {
            // the workers build the search's evaluator from the run's context, which has the default budget only
            throw new UsageException("a cluster run trains co-designed networks with the default --training-budget "
                    + org.phodex.search.PhotonicSearchEvaluator.SEARCH_TRAINING_BUDGET + "; this run has "
                    + config.searchTrainingBudget() + ": drop --cluster or the budget");
        }
        try {
            Cluster.Settings s = new Cluster.Settings(Addresses.parse(cluster, "--cluster"),
                    clusterName == null ? DEFAULT_NAME : clusterName, Secret.resolve(secretFile, System.getenv()));
            return wiring.cluster().open(s, EvalContext.of(config), local, System.err::println);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
