package org.phodex.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.phodex.search.ArchitectureSnapshot;
import org.phodex.search.RunConfig;
import org.phodex.spec.ArchitectureSpec;

/**
 * What a worker needs besides the design to score it exactly as the search would: the resolved architecture
 * specs, the workload (name or path, resolved against the worker's own files), the run's seed, the chip
 * samples per design, and which evaluator: the search's, or the end-of-run re-scoring's. Sent with every task
 * (as the same bytes, deserialized once per worker).
 *
 * @param rescore true for the re-scoring of a finished run's archive ({@code Evaluators.Factory#rescorer})
 */
public record EvalContext(ArrayList<ArchitectureSnapshot> architectures, String workload, long seed, int chips,
                          boolean rescore) implements Serializable {

    /** The search's own evaluator. */
    public EvalContext(ArrayList<ArchitectureSnapshot> architectures, String workload, long seed, int chips) {
        this(architectures, workload, seed, chips, false);
    }

    public static EvalContext of(RunConfig config) {
        return new EvalContext(new ArrayList<>(config.architectures()), config.workload(), config.seed(),
                config.chipSamples());
    }

    /** The end-of-run re-scoring of the run ({@code config.finalChipSamples()} chips per design). */
    public static EvalContext rescoring(RunConfig config) {
        return new EvalContext(new ArrayList<>(config.architectures()), config.workload(), config.seed(),
                config.finalChipSamples(), true);
    }

    public List<ArchitectureSpec> specs() {
        return architectures.stream().map(ArchitectureSnapshot::toSpec).toList();
    }
}
