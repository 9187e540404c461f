package org.phodex.moo;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The fitness the genetic algorithm sees: objective scores where larger is better (minimized objectives
 * negated, so every objective is maximized: see docs/search.md on Jenetics' crowding distance under MINIMUM),
 * and a constraint violation (0 = feasible).
 *
 * <p>Constrained domination (Deb 2000): a feasible design dominates every infeasible one; of two infeasible
 * designs the one with the smaller violation dominates; two feasible designs compare by Pareto dominance.
 */
public record Score(double[] values, double violation) implements Comparable<Score>, Serializable {

    public boolean feasible() {
        return violation == 0;
    }

    public int dimension() {
        return values.length;
    }

    /** 1 if {@code a} dominates {@code b}, -1 if {@code b} dominates {@code a}, 0 otherwise. */
    public static int dominance(Score a, Score b) {
        if (a.feasible() != b.feasible()) {
            return a.feasible() ? 1 : -1;
        }
        if (!a.feasible()) {
            return Double.compare(b.violation, a.violation);
        }
        return pareto(a.values, b.values);
    }

    /** Pareto dominance for maximization: 1 if a dominates b, -1 if b dominates a, 0 otherwise. */
    public static int pareto(double[] a, double[] b) {
        boolean aBetter = false;
        boolean bBetter = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                aBetter = true;
            } else if (b[i] > a[i]) {
                bBetter = true;
            }
        }
        if (aBetter == bBetter) {
            return 0;
        }
        return aBetter ? 1 : -1;
    }

    @Override
    public int compareTo(Score other) {
        return dominance(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Score s && s.violation == violation && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Double.hashCode(violation);
    }

    @Override
    public String toString() {
        return "Score" + Arrays.toString(values) + (feasible() ? "" : " violation " + violation);
    }
}
