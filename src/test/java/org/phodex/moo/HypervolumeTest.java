package org.phodex.moo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
    private static final double[] REF2 = {1.1, 1.1};

    @Test
    void twoDimensionsHandComputed() {
        // boxes to (1.1, 1.1): (0.2,0.8) -> 0.9*0.3 = 0.27; (0.5,0.4) adds 0.6*0.4 = 0.24; (0.9,0.1) adds 0.2*0.3
        List<double[]> pts = List.of(new double[] {0.5, 0.4}, new double[] {0.2, 0.8}, new double[] {0.9, 0.1});
        assertEquals(0.27 + 0.24 + 0.06, Hypervolume.of(pts, REF2), 1e-12);
    }

    @Test
    void dominatedAndOutsidePointsAddNothing() {
        List<double[]> pts = new ArrayList<>(List.of(new double[] {0.5, 0.4}));
        double base = Hypervolume.of(pts, REF2);
        assertEquals(0.6 * 0.7, base, 1e-12);
        pts.add(new double[] {0.7, 0.9});   // dominated
        pts.add(new double[] {1.2, 0.0});   // beyond the reference in x
        pts.add(new double[] {0.0, 1.1});   // on the reference boundary
        pts.add(new double[] {0.5, 0.4});   // duplicate
        assertEquals(base, Hypervolume.of(pts, REF2), 1e-12);
        assertEquals(0, Hypervolume.of(List.of(), REF2));
    }

    @Test
    void zdt1TrueFrontApproachesKnownValue() {
        List<double[]> front = new ArrayList<>();
        int n = 20_000;
        for (int i = 0; i <= n; i++) {
            double f1 = (double) i / n;
            front.add(new double[] {f1, 1 - Math.sqrt(f1)});
        }
        assertEquals(0.8767, Hypervolume.of(front, REF2), 1e-3);
    }

    @Test
    void threeDimensionsHandComputed() {
        double[] ref = {1, 1, 1};
        // one point: a box 0.5 * 0.5 * 0.5
        assertEquals(0.125, Hypervolume.of(List.of(new double[] {0.5, 0.5, 0.5}), ref), 1e-12);
        // two boxes (0,0,0.5)->vol 0.5 and (0.5,0.5,0)->vol 0.25, overlap [0.5,1]x[0.5,1]x[0.5,1] = 0.125
        List<double[]> two = List.of(new double[] {0, 0, 0.5}, new double[] {0.5, 0.5, 0});
        assertEquals(0.5 + 0.25 - 0.125, Hypervolume.of(two, ref), 1e-12);
        // three axis points (0.5,0,0),(0,0.5,0),(0,0,0.5): inclusion-exclusion 3*0.5 - 3*0.25 + 0.125
        List<double[]> three = List.of(new double[] {0.5, 0, 0}, new double[] {0, 0.5, 0},
                new double[] {0, 0, 0.5});
        assertEquals(1.5 - 0.75 + 0.125, Hypervolume.of(three, ref), 1e-12);
    }

    /** Integer points: the hypervolume is the number of unit cells dominated, counted one by one. */
    @Test
    void matchesCellCountingInTwoThreeAndFourDimensions() {
        Random r = new Random(7);
        for (int d = 2; d <= 4; d++) {
            for (int trial = 0; trial < 30; trial++) {
                int size = 6;
                double[] ref = new double[d];
                java.util.Arrays.fill(ref, size);
                List<double[]> pts = new ArrayList<>();
                int n = 1 + r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    double[] p = new double[d];
                    for (int k = 0; k < d; k++) {
                        p[k] = r.nextInt(size + 1);
                    }
                    pts.add(p);
                }
                assertEquals(countCells(pts, d, size), Hypervolume.of(pts, ref), 1e-9, "d=" + d);
            }
        }
    }

    private static long countCells(List<double[]> pts, int d, int size) {
        long count = 0;
        int cells = (int) Math.pow(size, d);
        for (int c = 0; c < cells; c++) {
            int[] lo = new int[d];
            int x = c;
            for (int k = 0; k < d; k++) {
                lo[k] = x % size;
                x /= size;
            }
            for (double[] p : pts) {
                boolean dom = true;
                for (int k = 0; k < d; k++) {
                    dom &= p[k] <= lo[k];
                }
                if (dom) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
