package org.phodex.search;

import java.util.List;
import org.phodex.spec.ArchitectureSpec.Constraints;

/**
 * Whether an outcome counts: the evaluator's own verdict, the spec's constraints (area, power, latency,
 * minimum accuracy) and, for a search, finite objective values. The violation grows with the distance to
 * the limits so that the search can move towards feasibility.
 */
public record Feasibility(double violation, String reason) {
    /** Violation of a design the evaluator could not realize or whose objectives are undefined. */
    static final double UNREALIZABLE = 1e6;
    public static final String POWER_COLUMN = "power_w";

    public boolean feasible() {
        return violation == 0;
    }

    /** The spec's constraints only (used by sweeps). */
    public static Feasibility of(Outcome o, Constraints c) {
        if (!o.feasible()) {
            return new Feasibility(UNREALIZABLE, o.infeasibleReason().isEmpty() ? "not realizable"
                    : o.infeasibleReason());
        }
        double v = 0;
        StringBuilder why = new StringBuilder();
        v += above(o.areaMm2(), c.maxAreaMm2(), "area_mm2", why);
        if (!Double.isNaN(c.maxPowerW())) {
            if (!o.columns().containsKey(POWER_COLUMN)) {
                throw new IllegalStateException("the spec limits max_power_w but the evaluator reports no '"
                        + POWER_COLUMN + "' column");
            }
            v += above(o.number(POWER_COLUMN), c.maxPowerW(), POWER_COLUMN, why);
        }
        v += above(o.latencyS(), c.maxLatencyS(), "latency_s", why);
        if (!Double.isNaN(c.minAccuracy())) {
            double a = o.accuracy();
            if (Double.isNaN(a) || a < c.minAccuracy()) {
                v += Double.isNaN(a) ? UNREALIZABLE : (c.minAccuracy() - a) / c.minAccuracy();
                sep(why).append("accuracy ").append(a).append(" < min ").append(c.minAccuracy());
            }
        }
        return new Feasibility(v, why.toString());
    }

    /** Constraints plus finite values of every objective (used by the search). */
    public static Feasibility of(Outcome o, Constraints c, List<Objective> objectives) {
        Feasibility f = of(o, c);
        if (!f.feasible()) {
            return f;
        }
        for (Objective obj : objectives) {
            if (!Double.isFinite(obj.transformed(o))) {
                return new Feasibility(UNREALIZABLE, "objective " + obj.name() + " is undefined ("
                        + obj.value().applyAsDouble(o) + ")");
            }
        }
        return f;
    }

    private static double above(double value, double limit, String what, StringBuilder why) {
        if (Double.isNaN(limit)) {
            return 0;
        }
        if (Double.isNaN(value)) {
            sep(why).append(what).append(" unknown but limited");
            return UNREALIZABLE;
        }
        if (value <= limit) {
            return 0;
        }
        sep(why).append(what).append(' ').append(value).append(" > max ").append(limit);
        return (value - limit) / limit;
    }

    private static StringBuilder sep(StringBuilder sb) {
        return sb.isEmpty() ? sb : sb.append("; ");
    }
}
