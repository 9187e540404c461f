package org.phodex.search;

import org.phodex.moo.Feasibility;
import org.phodex.moo.Outcome;
import org.phodex.spec.ArchitectureSpec.Constraints;

/**
 * An architecture spec's constraints (area, power, latency, minimum accuracy) applied to an outcome, on top
 * of the evaluator's own verdict. The violation grows with the distance to the limits.
 */
public final class SpecConstraints {
    public static final String POWER_COLUMN = "power_w";

    private SpecConstraints() {
    }

    public static Feasibility check(Outcome o, Constraints c) {
        Feasibility realizable = Feasibility.realizable(o);
        if (!realizable.feasible()) {
            return realizable;
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
                v += Double.isNaN(a) ? Feasibility.UNREALIZABLE : (c.minAccuracy() - a) / c.minAccuracy();
                sep(why).append("accuracy ").append(a).append(" < min ").append(c.minAccuracy());
            }
        }
        return new Feasibility(v, why.toString());
    }

    private static double above(double value, double limit, String what, StringBuilder why) {
        if (Double.isNaN(limit)) {
            return 0;
        }
        if (Double.isNaN(value)) {
            sep(why).append(what).append(" unknown but limited");
            return Feasibility.UNREALIZABLE;
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
