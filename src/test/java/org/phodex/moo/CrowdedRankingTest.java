package org.phodex.moo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrowdedRankingTest {

    private static Score s(double a, double b) {
        return new Score(new double[] {a, b}, 0);
    }

    /**
     * Four points on a front (maximized scores): extremes infinite, interior ones by hand:
     * (-1,-2): |(-2)-0|/4 + |(-1)-(-4)|/4 = 0.5 + 0.75; (-2,-1): |(-4)-(-1)|/4 + |0-(-2)|/4 = 0.75 + 0.5.
     * Jenetics under Optimize.MINIMUM gives 0 for interior points (docs/search.md); this must never collapse.
     */
    @Test
    void crowdingDistanceOfKnownPoints() {
        double[][] pts = {{0, -4}, {-1, -2}, {-2, -1}, {-4, 0}};
        double[] d = CrowdedRanking.crowdingDistance(pts);
        assertEquals(Double.POSITIVE_INFINITY, d[0]);
        assertEquals(Double.POSITIVE_INFINITY, d[3]);
        assertEquals(1.25, d[1], 1e-12);
        assertEquals(1.25, d[2], 1e-12);
    }

    @Test
    void crowdingIsPerFrontAndInteriorPointsStayPositive() {
        // front 0: three points; front 1: three dominated points
        List<Score> pop = List.of(s(0, -4), s(-2, -2), s(-4, 0), s(-1, -5), s(-3, -3), s(-5, -1));
        CrowdedRanking r = new CrowdedRanking(pop);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, new int[] {r.rank(0), r.rank(1), r.rank(2), r.rank(3),
                r.rank(4), r.rank(5)});
        assertEquals(2.0, r.crowding(1), 1e-12);     // (4/4 + 4/4) within its own front
        assertEquals(2.0, r.crowding(4), 1e-12);
        assertTrue(r.compare(1, 4) < 0, "rank beats crowding");
        assertTrue(r.compare(0, 1) < 0, "an extreme point beats an interior one");
    }

    @Test
    void constrainedDominance() {
        Score feasibleBad = s(-10, -10);
        Score infeasibleGood = new Score(new double[] {0, 0}, 0.5);
        Score infeasibleWorse = new Score(new double[] {0, 0}, 2);
        assertEquals(1, Score.dominance(feasibleBad, infeasibleGood));
        assertEquals(1, Score.dominance(infeasibleGood, infeasibleWorse));
        assertEquals(0, Score.dominance(s(0, -1), s(-1, 0)));
        assertEquals(-1, Score.dominance(s(-1, -1), s(0, -1)));
        CrowdedRanking r = new CrowdedRanking(List.of(infeasibleWorse, infeasibleGood, feasibleBad));
        assertEquals(0, r.rank(2));
        assertEquals(1, r.rank(1));
        assertEquals(2, r.rank(0));
    }

    @Test
    void survivorSelectorKeepsFrontsThenTheLeastCrowded() {
        // five points on one front: the survivors of 4 must keep both extremes and drop the most crowded
        double[][] front = {{0, -10}, {-1, -5}, {-1.1, -4.9}, {-5, -1}, {-10, 0}};
        List<Score> pop = java.util.Arrays.stream(front).map(p -> s(p[0], p[1])).toList();
        CrowdedRanking r = new CrowdedRanking(pop);
        Integer[] order = r.order();
        List<Integer> kept = List.of(order).subList(0, 4);
        assertTrue(kept.contains(0) && kept.contains(4), "extremes kept: " + kept);
        assertTrue(!kept.contains(1) || !kept.contains(2), "one of the two crowded points dropped: " + kept);
    }
}
