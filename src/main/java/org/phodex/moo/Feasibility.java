package org.phodex.moo;

import java.util.List;

/**
 * Whether an outcome counts, and by how much it misses: the constraint violation (0 = feasible) grows with
 * the distance to the limits, so the search can move towards feasibility (constrained domination, see
 * {@link Score}).
 */
public record Feasibility(double violation, String reason) {
    /** Violation of a design the evaluator could not realize or whose objectives are undefined. */
    public static final double UNREALIZABLE = 1e6;
    public static final Feasibility FEASIBLE = new Feasibility(0, "");

    public boolean feasible() {
        return violation == 0;
    }

    /** Feasible unless the evaluator said it could not realize the design. */
    public static Feasibility realizable(Outcome o) {
        if (!o.feasible()) {
            return new Feasibility(UNREALIZABLE, o.infeasibleReason().isEmpty() ? "not realizable"
                    : o.infeasibleReason());
        }
        return FEASIBLE;
    }

    /** This verdict, or unrealizable when an objective of a feasible outcome is not finite. */
    public Feasibility withFiniteObjectives(Outcome o, List<Objective> objectives) {
        if (!feasible()) {
            return this;
        }
        for (Objective obj : objectives) {
            if (!Double.isFinite(obj.transformed(o))) {
                return new Feasibility(UNREALIZABLE, "objective " + obj.name() + " is undefined ("
                        + obj.value().applyAsDouble(o) + ")");
            }
        }
        return this;
    }
}
