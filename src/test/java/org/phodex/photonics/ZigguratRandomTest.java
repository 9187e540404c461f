package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class ZigguratRandomTest {
    private static final NormalDistribution PHI = new NormalDistribution(0, 1);

    @Test
    void bitsAreSplittableRandomsSequence() {
        ZigguratRandom z = new ZigguratRandom(12345);
        SplittableRandom s = new SplittableRandom(12345);
        for (int i = 0; i < 100; i++) {
            assertEquals(s.nextLong(), z.nextLong());
        }
    }

    @Test
    void sameSeedSameSamples() {
        ZigguratRandom a = new ZigguratRandom(7);
        ZigguratRandom b = new ZigguratRandom(7);
        ZigguratRandom c = new ZigguratRandom(8);
        boolean differs = false;
        for (int i = 0; i < 1000; i++) {
            double x = a.nextGaussian();
            assertEquals(x, b.nextGaussian());
            differs |= x != c.nextGaussian();
        }
        assertTrue(differs);
    }

    @Test
    void samplesFollowTheNormalCdf() {
        // Kolmogorov-Smirnov against the slow obvious CDF (commons-math): D * sqrt(n) < 1.95 at 0.1% significance
        int n = 400_000;
        double[] x = new double[n];
        ZigguratRandom r = new ZigguratRandom(2024);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        double d = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(PHI, x); // sup |F_n - PHI|
        assertTrue(d * Math.sqrt(n) < 1.95, "KS statistic " + d * Math.sqrt(n));
        // moments
        double m1 = 0;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            m1 += v;
            m2 += v * v;
            m4 += v * v * v * v;
        }
        assertEquals(0, m1 / n, 0.01);
        assertEquals(1, m2 / n, 0.01);
        assertEquals(3, m4 / n, 0.05);
    }

    @Test
    void tailsBeyondTheBaseLayerHaveTheirProbability() {
        // P(|z| > 3.6541...) = 2.58e-4 is drawn by the tail method; P(|z| > 2) by the wedges and rectangles
        int n = 4_000_000;
        ZigguratRandom r = new ZigguratRandom(99);
        int beyondR = 0;
        int beyond2 = 0;
        int beyond4 = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(r.nextGaussian());
            beyondR += a > 3.6541528853610088 ? 1 : 0;
            beyond2 += a > 2 ? 1 : 0;
            beyond4 += a > 4 ? 1 : 0;
        }
        double pR = 2 * PHI.cumulativeProbability(-3.6541528853610088);
        double p2 = 2 * PHI.cumulativeProbability(-2);
        double p4 = 2 * PHI.cumulativeProbability(-4);
        // 5 binomial standard deviations
        assertEquals(pR * n, beyondR, 5 * Math.sqrt(pR * n));
        assertEquals(p2 * n, beyond2, 5 * Math.sqrt(p2 * n));
        assertEquals(p4 * n, beyond4, 5 * Math.sqrt(p4 * n) + 1);
    }

    @Test
    void fillGaussianIsTheSameStreamAsNextGaussian() {
        ZigguratRandom a = new ZigguratRandom(12345);
        ZigguratRandom b = new ZigguratRandom(12345);
        double[] z = new double[37];
        int tails = 0;
        for (int block = 0; block < 20_000; block++) {
            int n = 1 + block % 37;
            a.fillGaussian(z, 37 - n, n);
            for (int k = 37 - n; k < 37; k++) {
                double want = b.nextGaussian();
                org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(want),
                        Double.doubleToRawLongBits(z[k]), "block " + block + " draw " + k);
                tails += Math.abs(want) > 3.6541528853610088 ? 1 : 0;
            }
        }
        // 370,000 draws: the tail beyond R (probability 2.6e-4 per draw) was exercised, and the wedges (about 1 draw
        // in 80) with it; the generators end in the same state
        org.junit.jupiter.api.Assertions.assertTrue(tails > 20, "tail draws: " + tails);
        org.junit.jupiter.api.Assertions.assertEquals(a.nextLong(), b.nextLong());
    }
}
