package org.phodex.moo;

import java.io.Serializable;
import java.util.List;

/**
 * Maps outcomes to normalized minimization coordinates for the hypervolume: 0 at {@code best}, 1 at
 * {@code worst} (both on each objective's transformed scale, e.g. log10 of joules). Fixed for a whole run
 * (it is stored in the checkpoint), so hypervolumes of different generations compare. The reference point
 * is {@link #REFERENCE} in every coordinate.
 */
public record Normalizer(double[] best, double[] worst) implements Serializable {
    public static final double REFERENCE = 1.1;

    /** Margin on a log scale beyond the first feasible designs seen, in decades. */
    static final double LOG_MARGIN_DECADES = 1.0;

    /**
     * Fixed bounds where the objective has them; otherwise from the given feasible outcomes (the first
     * ones of a run), widened by one decade on log scales (10 % of the span on linear ones).
     */
    public static Normalizer fit(List<Objective> objectives, List<Outcome> feasible) {
        int k = objectives.size();
        double[] best = new double[k];
        double[] worst = new double[k];
        for (int i = 0; i < k; i++) {
            Objective obj = objectives.get(i);
            if (!Double.isNaN(obj.bestFixed())) {
                best[i] = obj.bestFixed();
                worst[i] = obj.worstFixed();
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Outcome o : feasible) {
                double t = obj.transformed(o);
                if (Double.isFinite(t)) {
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
            if (lo > hi) {
                throw new IllegalArgumentException("no finite value of objective " + obj.name());
            }
            double margin = obj.log() ? LOG_MARGIN_DECADES : Math.max(0.1 * (hi - lo), 1e-12 + 0.1 * Math.abs(hi));
            if (obj.minimize()) {
                best[i] = lo - margin;
                worst[i] = hi + margin;
            } else {
                best[i] = hi + margin;
                worst[i] = lo - margin;
            }
        }
        return new Normalizer(best, worst);
    }

    /** Normalized minimization coordinates of an outcome. */
    public double[] normalize(List<Objective> objectives, Outcome o) {
        double[] z = new double[objectives.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (objectives.get(i).transformed(o) - best[i]) / (worst[i] - best[i]);
        }
        return z;
    }

    public double[] referencePoint() {
        double[] r = new double[best.length];
        java.util.Arrays.fill(r, REFERENCE);
        return r;
    }
}
