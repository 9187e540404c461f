package org.phodex.moo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume of a set of points (all objectives minimized) with respect to a reference point: the
 * measure of the region dominated by the set and bounded by the reference. Points not strictly better than
 * the reference in every coordinate contribute nothing. 2-D: one sweep, O(n log n). 3-D and more: slices
 * along the last objective, each a (d-1)-dimensional hypervolume (O(n^2 log n) in 3-D).
 */
public final class Hypervolume {
    private Hypervolume() {
    }

    public static double of(List<double[]> points, double[] reference) {
        List<double[]> in = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("point of dimension " + p.length + ", reference of "
                        + reference.length);
            }
            boolean inside = true;
            for (int i = 0; i < p.length; i++) {
                inside &= p[i] < reference[i];
            }
            if (inside) {
                in.add(p);
            }
        }
        return volume(in, reference, reference.length);
    }

    private static double volume(List<double[]> pts, double[] ref, int d) {
        if (pts.isEmpty()) {
            return 0;
        }
        if (d == 1) {
            double best = ref[0];
            for (double[] p : pts) {
                best = Math.min(best, p[0]);
            }
            return ref[0] - best;
        }
        if (d == 2) {
            double[][] s = pts.toArray(new double[0][]);
            Arrays.sort(s, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
            double area = 0;
            double prevY = ref[1];
            for (double[] p : s) {
                if (p[1] < prevY) {
                    area += (ref[0] - p[0]) * (prevY - p[1]);
                    prevY = p[1];
                }
            }
            return area;
        }
        int last = d - 1;
        double[][] s = pts.toArray(new double[0][]);
        Arrays.sort(s, Comparator.comparingDouble(p -> p[last]));
        double vol = 0;
        List<double[]> active = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            active.add(s[i]);
            double top = i + 1 < s.length ? s[i + 1][last] : ref[last];
            double h = top - s[i][last];
            if (h > 0) {
                vol += volume(active, ref, d - 1) * h;
            }
        }
        return vol;
    }
}
