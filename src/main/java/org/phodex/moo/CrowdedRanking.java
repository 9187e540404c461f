package org.phodex.moo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NSGA-II's ordering of a population (Deb et al. 2002): non-dominated rank under constrained domination
 * ({@link Score#dominance}), and crowding distance computed within each front. Jenetics' own
 * {@code NSGA2Selector} computes crowding over the whole population (and collapses it under
 * {@code Optimize.MINIMUM}); this textbook version keeps infeasible designs from distorting the front's
 * normalization.
 */
public final class CrowdedRanking {
    private final int[] rank;
    private final double[] crowding;

    public CrowdedRanking(List<Score> scores) {
        int n = scores.size();
        rank = new int[n];
        crowding = new double[n];
        List<List<Integer>> fronts = fronts(scores, rank);
        for (List<Integer> front : fronts) {
            double[][] pts = new double[front.size()][];
            boolean feasible = true;
            for (int i = 0; i < pts.length; i++) {
                Score s = scores.get(front.get(i));
                pts[i] = s.values();
                feasible &= s.feasible();
            }
            double[] d = feasible ? crowdingDistance(pts) : new double[pts.length];
            for (int i = 0; i < d.length; i++) {
                crowding[front.get(i)] = d[i];
            }
        }
    }

    public int rank(int i) {
        return rank[i];
    }

    public double crowding(int i) {
        return crowding[i];
    }

    /** NSGA-II's crowded comparison: lower rank first, then larger crowding distance. Negative = i better. */
    public int compare(int i, int j) {
        if (rank[i] != rank[j]) {
            return Integer.compare(rank[i], rank[j]);
        }
        return Double.compare(crowding[j], crowding[i]);
    }

    /** Indices sorted best first (stable: ties keep population order). */
    public Integer[] order() {
        Integer[] idx = new Integer[rank.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, this::compare);
        return idx;
    }

    /** Fast non-dominated sort; fills {@code rank} (0 = first front) and returns the fronts. */
    static List<List<Integer>> fronts(List<Score> s, int[] rank) {
        int n = s.size();
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = Score.dominance(s.get(i), s.get(j));
                if (d > 0) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (d < 0) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<List<Integer>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        int r = 0;
        while (!current.isEmpty()) {
            fronts.add(current);
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                rank[i] = r;
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            next.sort(null);
            current = next;
            r++;
        }
        return fronts;
    }

    /**
     * Crowding distance of points in one front (any orientation): per objective, sort, give the two extremes
     * infinity and every interior point the gap between its neighbours divided by the objective's range.
     */
    public static double[] crowdingDistance(double[][] points) {
        int n = points.length;
        double[] d = new double[n];
        if (n == 0) {
            return d;
        }
        int k = points[0].length;
        for (int m = 0; m < k; m++) {
            final int obj = m;
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(points[a][obj], points[b][obj]));
            double range = points[idx[n - 1]][obj] - points[idx[0]][obj];
            d[idx[0]] = Double.POSITIVE_INFINITY;
            d[idx[n - 1]] = Double.POSITIVE_INFINITY;
            if (range <= 0) {
                continue;
            }
            for (int i = 1; i < n - 1; i++) {
                d[idx[i]] += (points[idx[i + 1]][obj] - points[idx[i - 1]][obj]) / range;
            }
        }
        return d;
    }
}
