package org.phodex.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.phodex.search.ArchitectureSnapshot;
import org.phodex.search.RunConfig;
import org.phodex.spec.ArchitectureSpec;

/**
 * What a worker needs besides the design to score it exactly as the search would: the resolved architecture
 * specs, the workload (name or path, resolved against the worker's own files), the run's seed and the chip
 * samples per design. Sent with every task (as the same bytes, deserialized once per worker).
 */
public record EvalContext(ArrayList<ArchitectureSnapshot> architectures, String workload, long seed, int chips)
        implements Serializable {

    public static EvalContext of(RunConfig config) {
        return new EvalContext(new ArrayList<>(config.architectures()), config.workload(), config.seed(),
                config.chipSamples());
    }

    public List<ArchitectureSpec> specs() {
        return architectures.stream().map(ArchitectureSnapshot::toSpec).toList();
    }
}
