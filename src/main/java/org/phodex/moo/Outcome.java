package org.phodex.moo;

import java.io.Serializable;
import java.util.LinkedHashMap;
import org.phodex.spec.Design;

/**
 * The result of evaluating one design. Serializable, so it can travel to another machine and into a
 * checkpoint.
 *
 * @param feasible         false when the evaluator could not realize the design; {@code infeasibleReason}
 *                         then says why (the search also applies the spec's constraints on top)
 * @param energyJ          energy per inference, joules
 * @param accuracy         top-1 accuracy 0..1 (NaN for shape-only workloads)
 * @param columns          extra CSV columns in order (numbers or strings), e.g. {@code power_w},
 *                         {@code energy_per_mac_j}, {@code breakdown_<component>_j}
 * @param evalSeconds      wall time of the evaluation, set by the {@link GenerationEvaluator}
 */
public record Outcome(Design design, boolean feasible, String infeasibleReason, double energyJ, double accuracy,
                      double latencyS, double areaMm2, LinkedHashMap<String, Object> columns, double evalSeconds)
        implements Serializable {

    public Outcome {
        columns = columns == null ? new LinkedHashMap<>() : new LinkedHashMap<>(columns);
        infeasibleReason = infeasibleReason == null ? "" : infeasibleReason;
    }

    /** A feasible outcome without extra columns. */
    public static Outcome of(Design design, double energyJ, double accuracy, double latencyS, double areaMm2,
                             LinkedHashMap<String, Object> columns) {
        return new Outcome(design, true, "", energyJ, accuracy, latencyS, areaMm2, columns, 0);
    }

    /** An outcome for a design the evaluator could not realize. */
    public static Outcome infeasible(Design design, String reason) {
        return new Outcome(design, false, reason, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                new LinkedHashMap<>(), 0);
    }

    /**
     * Serialized through {@link Wire}, because {@link Design} is not Serializable (yet): the design travels as
     * its architecture name and parameter map.
     */
    private Object writeReplace() {
        return new Wire(design.architecture(), new java.util.TreeMap<>(design.params()), feasible,
                infeasibleReason, energyJ, accuracy, latencyS, areaMm2, columns, evalSeconds);
    }

    private record Wire(String architecture, java.util.TreeMap<String, Object> params, boolean feasible,
                        String infeasibleReason, double energyJ, double accuracy, double latencyS,
                        double areaMm2, LinkedHashMap<String, Object> columns, double evalSeconds)
            implements Serializable {
        private Object readResolve() {
            return new Outcome(new Design(architecture, params), feasible, infeasibleReason, energyJ, accuracy,
                    latencyS, areaMm2, columns, evalSeconds);
        }
    }

    public Outcome withEvalSeconds(double seconds) {
        return new Outcome(design, feasible, infeasibleReason, energyJ, accuracy, latencyS, areaMm2, columns,
                seconds);
    }

    /** An extra column as a number, NaN when absent or not numeric. */
    public double number(String column) {
        Object v = columns.get(column);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
