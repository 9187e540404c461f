package org.phodex.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccuracyStatsTest {

    /** Published Wilson score intervals: Newcombe, Statistics in Medicine 17 (1998) 857, Table II, method 3. */
    @Test
    void wilsonMatchesNewcombesTable() {
        double[] a = AccuracyStats.wilson(81.0 / 263, 263, AccuracyStats.Z95);
        assertEquals(0.2553, a[0], 5e-5);
        assertEquals(0.3662, a[1], 5e-5);
        double[] b = AccuracyStats.wilson(15.0 / 148, 148, AccuracyStats.Z95);
        assertEquals(0.0624, b[0], 5e-5);
        assertEquals(0.1605, b[1], 5e-5);
        double[] c = AccuracyStats.wilson(0, 20, AccuracyStats.Z95);
        assertEquals(0.0, c[0], 1e-12);
        assertEquals(0.1611, c[1], 5e-5);
    }

    /** P(|2X - m| >= |c - b|), X ~ Bin(m, 1/2), m = b + c: the exact McNemar test summed term by term. */
    static double mcnemarByDirectSum(int b, int c) {
        int m = b + c;
        BigInteger all = BigInteger.TWO.pow(m);
        BigInteger hits = BigInteger.ZERO;
        BigInteger binom = BigInteger.ONE;
        for (int x = 0; x <= m; x++) {
            if (Math.abs(2 * x - m) >= Math.abs(c - b)) {
                hits = hits.add(binom);
            }
            binom = binom.multiply(BigInteger.valueOf(m - x)).divide(BigInteger.valueOf(x + 1));
        }
        return new java.math.BigDecimal(hits).divide(new java.math.BigDecimal(all), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    @Test
    void oneChipSignFlipIsExactMcNemar() {
        int[][] cases = {{3, 12}, {10, 10}, {0, 6}, {40, 61}, {1, 0}};
        for (int[] bc : cases) {
            int b = bc[0];
            int c = bc[1];
            int[] t = new int[b + c + 50];
            for (int i = 0; i < b; i++) {
                t[i] = -1; // float right, design wrong
            }
            for (int i = b; i < b + c; i++) {
                t[i] = 1;
            }
            assertEquals(mcnemarByDirectSum(b, c), AccuracyStats.signFlipP(t), 1e-12, "b=" + b + " c=" + c);
        }
        // textbook value: 3 vs 12 discordant pairs, two-sided exact p = 0.0352
        assertEquals(0.0352, AccuracyStats.signFlipP(concat(fill(3, -1), fill(12, 1))), 5e-5);
    }

    /** Slow reference: every one of the 2^m sign vectors. */
    static double signFlipByEnumeration(int[] t) {
        int m = t.length;
        long obs = 0;
        for (int x : t) {
            obs += x;
        }
        int hits = 0;
        for (int mask = 0; mask < (1 << m); mask++) {
            long s = 0;
            for (int i = 0; i < m; i++) {
                s += ((mask >> i) & 1) == 1 ? Math.abs(t[i]) : -Math.abs(t[i]);
            }
            if (Math.abs(s) >= Math.abs(obs)) {
                hits++;
            }
        }
        return hits / (double) (1 << m);
    }

    @Test
    void signFlipMatchesEnumerationForSeveralChips() {
        Random r = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + r.nextInt(14);
            int[] t = new int[m];
            for (int i = 0; i < m; i++) {
                t[i] = r.nextInt(21) - 10; // K = 10 chips: -10..10
            }
            assertEquals(signFlipByEnumeration(t), AccuracyStats.signFlipP(t), 1e-12, java.util.Arrays.toString(t));
        }
        assertEquals(1.0, AccuracyStats.signFlipP(new int[5]), 0);
    }

    @Test
    void percentileIsNumpysLinearInterpolation() {
        // numpy.percentile([1..10], 10) = 1.9; numpy.percentile([0.9, 0.95], 10) = 0.905
        assertEquals(1.9, AccuracyStats.percentile(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.1), 1e-12);
        assertEquals(0.905, AccuracyStats.percentile(new double[] {0.95, 0.9}, 0.1), 1e-12);
        assertEquals(0.7, AccuracyStats.percentile(new double[] {0.7}, 0.1), 0);
    }

    @Test
    void oneChipGivesTheWilsonIntervalOverSamples() {
        boolean[] chip = pattern(400, 372, 1);
        boolean[] flt = pattern(400, 380, 2);
        AccuracyStats s = AccuracyStats.of(new boolean[][] {chip}, flt);
        assertEquals(0.93, s.mean(), 1e-12);
        assertEquals(0.95, s.floatAccuracy(), 1e-12);
        double[] w = hand(0.93, 400);
        assertEquals(w[0], s.ci95Low(), 1e-12);
        assertEquals(w[1], s.ci95High(), 1e-12);
        assertEquals(0.93, s.p10(), 0);
        assertEquals(400, s.samples());
        assertEquals(1, s.chips());
    }

    @Test
    void identicalChipsAddNoInformationAndIndependentOnesDo() {
        Random r = new Random(3);
        int n = 500;
        boolean[] flt = new boolean[n];
        boolean[] one = new boolean[n];
        for (int i = 0; i < n; i++) {
            flt[i] = r.nextDouble() < 0.9;
            one[i] = r.nextDouble() < 0.9;
        }
        AccuracyStats single = AccuracyStats.of(new boolean[][] {one}, flt);
        boolean[][] same = new boolean[10][];
        java.util.Arrays.fill(same, one);
        AccuracyStats tenSame = AccuracyStats.of(same, flt);
        assertEquals(single.ci95Low(), tenSame.ci95Low(), 1e-12);
        assertEquals(single.ci95High(), tenSame.ci95High(), 1e-12);
        assertEquals(single.pVsFloat(), AccuracyStats.of(same, flt).pVsFloat(), 0.5); // sane, same data
        boolean[][] indep = new boolean[10][n];
        for (int c = 0; c < 10; c++) {
            for (int i = 0; i < n; i++) {
                indep[c][i] = r.nextDouble() < 0.9;
            }
        }
        AccuracyStats ten = AccuracyStats.of(indep, flt);
        double width1 = single.ci95High() - single.ci95Low();
        double width10 = ten.ci95High() - ten.ci95Low();
        assertTrue(width10 < 0.6 * width1, width10 + " vs " + width1);
        assertTrue(width10 > 0.9 * widthWilson(ten.mean(), 10.0 * n), "never narrower than samples x chips");
    }

    @Test
    void chipSpreadWidensTheInterval() {
        int n = 1000;
        boolean[] flt = pattern(n, 950, 5);
        boolean[][] steady = new boolean[4][];
        boolean[][] spread = new boolean[4][];
        int[] goodSpread = {950, 850, 930, 870};
        for (int c = 0; c < 4; c++) {
            steady[c] = pattern(n, 900, 11 + c);
            spread[c] = pattern(n, goodSpread[c], 11 + c);
        }
        AccuracyStats a = AccuracyStats.of(steady, flt);
        AccuracyStats b = AccuracyStats.of(spread, flt);
        assertEquals(a.mean(), b.mean(), 1e-12);
        assertTrue(b.ci95High() - b.ci95Low() > a.ci95High() - a.ci95Low());
        assertEquals(0.856, b.p10(), 1e-12); // sorted 0.85, 0.87, ...: 0.85 + 0.3 * 0.02
    }

    @Test
    void significanceRuleNeedsBothTheTestAndTheSign() {
        assertTrue(AccuracyStats.claimsMoreAccurate(0.97, 0.96, 0.01));
        assertFalse(AccuracyStats.claimsMoreAccurate(0.97, 0.96, 0.2));
        assertFalse(AccuracyStats.claimsMoreAccurate(0.95, 0.96, 0.01));
        String noise = AccuracyStats.comparison(0.978, 0.96, 0.99, 0.975, 0.6);
        assertTrue(noise.startsWith("within noise of float"), noise);
        assertFalse(noise.contains("more accurate"), noise);
    }

    @Test
    void pairedIntervalDecidesTolerance() {
        int n = 2000;
        boolean[] flt = pattern(n, 1900, 9);
        boolean[] same = flt.clone();
        same[0] = !same[0]; // one discordant sample
        AccuracyStats s = AccuracyStats.of(new boolean[][] {same}, flt);
        assertTrue(s.withinToleranceOfFloat(0.005), s.toString());
        boolean[] worse = flt.clone();
        for (int i = 0, flipped = 0; flipped < 60; i++) {
            if (worse[i]) {
                worse[i] = false;
                flipped++;
            }
        }
        AccuracyStats w = AccuracyStats.of(new boolean[][] {worse}, flt);
        assertFalse(w.withinToleranceOfFloat(0.005), w.toString());
        assertTrue(w.pVsFloat() < 1e-10);
        assertTrue(w.versusFloat().startsWith("less accurate"), w.versusFloat());
    }

    /** Textbook form: (x + z^2/2 +- z sqrt(x (n - x) / n + z^2 / 4)) / (n + z^2). */
    static double[] hand(double p, double n) {
        double z = 1.959963984540054;
        double x = p * n;
        double root = z * Math.sqrt(x * (n - x) / n + z * z / 4);
        return new double[] {(x + z * z / 2 - root) / (n + z * z), (x + z * z / 2 + root) / (n + z * z)};
    }

    static double widthWilson(double p, double n) {
        double[] w = hand(p, n);
        return w[1] - w[0];
    }

    /** {@code good} of {@code n} correct, at seeded random positions. */
    static boolean[] pattern(int n, int good, long seed) {
        Integer[] idx = new Integer[n];
        java.util.Arrays.setAll(idx, i -> i);
        java.util.Collections.shuffle(java.util.Arrays.asList(idx), new Random(seed));
        boolean[] out = new boolean[n];
        for (int i = 0; i < good; i++) {
            out[idx[i]] = true;
        }
        return out;
    }

    static int[] fill(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
