package org.phodex.moo;

import java.util.Map;
import org.phodex.spec.Design;

/**
 * Scores one design. Must be a pure, thread-safe function of (resolved spec, design, seed): no global state,
 * files or clock, so that results do not depend on thread timing and a cluster evaluator can
 * run it anywhere.
 */
public interface DesignEvaluator {

    Outcome evaluate(Design design);

    /**
     * What a run's {@code manifest.json} should carry from the evaluator for plots and reports, merged at
     * the top level (e.g. {@code baseline: {name, energy_j}}, {@code reference_accuracy}, {@code macs},
     * {@code workload}). Values: numbers, strings, lists and maps of those.
     */
    default Map<String, Object> runInfo() {
        return Map.of();
    }
}
