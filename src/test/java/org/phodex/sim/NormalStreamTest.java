package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.phodex.photonics.DetectorNoise;
import org.phodex.photonics.DetectorParams;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.Quantizer;
import org.phodex.photonics.ZigguratRandom;

class NormalStreamTest {
    private static final NormalDistribution PHI = new NormalDistribution(0, 1);
    private static final double R = 3.6541528853610088;
    private static final double[] X = ZigguratRandom.layerEdges();

    /**
     * The slow obvious stream: 8 lanes, each the JDK's own xoshiro256++ (java.util.random, seeded from a long); a lane
     * takes four words, one per draw, keeps the draws inside their layer's core, and finishes the others in order with
     * its next words; normal k from lane k mod 8.
     */
    private static final class Reference {
        private final RandomGenerator[] lanes = new RandomGenerator[8];
        private final double[][] pending = new double[8][4];
        private final int[] taken = {4, 4, 4, 4, 4, 4, 4, 4};
        private long k;

        Reference(long seed) {
            for (int l = 0; l < 8; l++) {
                lanes[l] = RandomGeneratorFactory.of("Xoshiro256PlusPlus").create(Seeds.derive(seed, l));
            }
        }

        double next() {
            int l = (int) (k++ % 8);
            if (taken[l] == 4) {
                RandomGenerator g = lanes[l];
                long[] w = {g.nextLong(), g.nextLong(), g.nextLong(), g.nextLong()};
                for (int d = 0; d < 4; d++) {
                    pending[l][d] = draw(w[d], g);
                }
                taken[l] = 0;
            }
            return pending[l][taken[l]++];
        }

        /** One ziggurat draw whose first word is w; further words, if needed, from g. */
        private static double draw(long w, RandomGenerator g) {
            while (true) {
                int i = (int) (w & 0xFF);
                double u = 2 * ((w >>> 12) * 0x1.0p-52 + 1) - 3; // the high 52 bits as a double in [-1, 1)
                double x = u * X[i];
                if (Math.abs(x) < X[i + 1]) {
                    return x;
                }
                double v = ZigguratRandom.wedgeOrTail(i, x, g);
                if (!Double.isNaN(v)) {
                    return v;
                }
                w = g.nextLong();
            }
        }
    }

    private static void assertSameStream(boolean vector) {
        for (long seed : new long[] {0, 12345, -7}) {
            NormalStream s = new NormalStream(seed, vector);
            Reference ref = new Reference(seed);
            double[] z = new double[70];
            int tails = 0;
            int wedges = 0;
            for (int block = 0; block < 6_000; block++) {
                int n = 1 + (block * 7) % 70; // cuts of every size, across refills
                int off = 70 - n;
                if (block % 5 == 0) {
                    n = 1;
                    z[off = 69] = s.next();
                } else {
                    s.fill(z, off, n);
                }
                for (int k = off; k < off + n; k++) {
                    double want = ref.next();
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(z[k]),
                            "seed " + seed + " block " + block + " draw " + k);
                    tails += Math.abs(want) > R ? 1 : 0;
                    wedges += Math.abs(want) > 1 && Math.abs(want) < R ? 1 : 0;
                }
            }
            assertTrue(tails > 10, "tail draws: " + tails); // about 170,000 draws: tails and wedges were exercised
            assertTrue(wedges > 1000, "wedge-region draws: " + wedges);
        }
    }

    @Test
    void vectorPathIsTheLanesOfTheJdksXoshiroThroughTheZiggurat() {
        assertSameStream(true);
    }

    @Test
    void plainPathIsTheSameStream() {
        assertSameStream(false);
    }

    private static double[] draws(long seed, int n) {
        double[] x = new double[n];
        new NormalStream(seed).fill(x, 0, n);
        return x;
    }

    @Test
    void samplesFollowTheNormalCdf() {
        // Kolmogorov-Smirnov against commons-math's CDF: D * sqrt(n) < 1.95 at 0.1% significance; fixed seed
        int n = 400_000;
        double[] x = draws(2024, n);
        double m1 = 0;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            m1 += v;
            m2 += v * v;
            m3 += v * v * v;
            m4 += v * v * v * v;
        }
        // standard errors: 1/sqrt(n) = 0.0016, sqrt(2/n) = 0.0022, sqrt(15/n) = 0.0061, sqrt(96/n) = 0.015
        assertEquals(0, m1 / n, 0.008);
        assertEquals(1, m2 / n, 0.011);
        assertEquals(0, m3 / n, 0.03);
        assertEquals(3, m4 / n, 0.08);
        double d = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(PHI, x); // sup |F_n - PHI|
        assertTrue(d * Math.sqrt(n) < 1.95, "KS statistic " + d * Math.sqrt(n));
    }

    @Test
    void chiSquareOverFortyEqualProbabilityBins() {
        int n = 400_000;
        int bins = 40;
        int[] count = new int[bins];
        for (double v : draws(77, n)) {
            count[Math.min(bins - 1, (int) (PHI.cumulativeProbability(v) * bins))]++;
        }
        double chi2 = 0;
        double e = (double) n / bins;
        for (int c : count) {
            chi2 += (c - e) * (c - e) / e;
        }
        // 39 degrees of freedom: P(chi2 > 72.1) = 0.001
        assertTrue(chi2 < 72.1, "chi2 " + chi2);
    }

    @Test
    void tailsHaveTheirProbability() {
        int n = 4_000_000;
        double[] x = draws(99, n);
        int beyondR = 0;
        int beyond2 = 0;
        int beyond4 = 0;
        int positiveTail = 0;
        for (double v : x) {
            double a = Math.abs(v);
            beyondR += a > R ? 1 : 0;
            positiveTail += v > R ? 1 : 0;
            beyond2 += a > 2 ? 1 : 0;
            beyond4 += a > 4 ? 1 : 0;
        }
        double pR = 2 * PHI.cumulativeProbability(-R);
        double p2 = 2 * PHI.cumulativeProbability(-2);
        double p4 = 2 * PHI.cumulativeProbability(-4);
        // 5 binomial standard deviations
        assertEquals(pR * n, beyondR, 5 * Math.sqrt(pR * n));
        assertEquals(pR * n / 2, positiveTail, 5 * Math.sqrt(pR * n / 2));
        assertEquals(p2 * n, beyond2, 5 * Math.sqrt(p2 * n));
        assertEquals(p4 * n, beyond4, 5 * Math.sqrt(p4 * n) + 1);
    }

    @Test
    void neighboursAndLaneMatesAreUncorrelated() {
        int n = 400_000;
        double[] x = draws(5, n);
        for (int lag = 1; lag <= 16; lag++) {
            double c = 0;
            for (int k = 0; k + lag < n; k++) {
                c += x[k] * x[k + lag];
            }
            // correlation of independent normals: standard error 1/sqrt(n) = 0.0016
            assertEquals(0, c / (n - lag), 0.008, "lag " + lag);
        }
    }

    @Test
    void seedsGiveDifferentStreams() {
        double[] a = draws(1, 64);
        double[] b = draws(2, 64);
        double[] a2 = draws(1, 64);
        int same = 0;
        for (int k = 0; k < 64; k++) {
            same += a[k] == b[k] ? 1 : 0;
            assertEquals(a[k], a2[k]);
        }
        assertEquals(0, same);
    }

    @Test
    void replacingTheOldGeneratorChangesALayerOnlyByARedrawOfItsModelledNoise() {
        // One 32 x 32 tile, 6-bit converters, detector noise at 30 dB SNR, 2,000 inputs. Reference: the same layer with
        // the noise drawn as before this stream (ZigguratRandom seeded by the same (seed, tile, pass), row by row),
        // computed here from the layer's noise-free outputs. Old and new outputs must be two independent draws of
        // the same modelled noise: the same error against the noise-free outputs, and a difference between them of
        // the size of two independent errors, no more.
        int n = 32;
        int batch = 2000;
        double[] w = SimTestSupport.gaussian(n * n, 31);
        double[] x = SimTestSupport.gaussian(batch * n, 32);
        DetectorParams d = DetectorParams.typical();
        double power = DetectorNoise.minReceivedPowerW(30, d);
        TileRealization clements = TileRealization.mesh(MeshProgrammer.clements());
        SimSettings base = SimSettings.ideal(clements, n, n);
        long noiseSeed = 11;
        double[] now = PhotonicLayer.program(w, n, n, base.withConverters(6, 6).withReceivedPower(power), 1)
                .apply(x, batch, noiseSeed);
        PhotonicLayer clean = PhotonicLayer.program(w, n, n, base.withConverters(6, 0), 1);
        double[] y = clean.apply(x, batch, noiseSeed); // g_b * y_b: no noise, no ADC
        double tileScale = clean.tileScale(0);
        double[] g = new double[batch];
        double range = 0;
        for (int b = 0; b < batch; b++) {
            g[b] = Kernels.maxAbs(x, b * n, n) * tileScale;
            for (int i = 0; i < n; i++) {
                y[b * n + i] /= g[b];
                range = Math.max(range, Math.abs(y[b * n + i]));
            }
        }
        double sigma = DetectorNoise.relativeNoise(power, d) * range;
        Quantizer.Signed adc = Quantizer.Signed.of(range, 6);
        ZigguratRandom old = new ZigguratRandom(Seeds.derive(noiseSeed, 0));
        double mseNew = 0;
        double mseOld = 0;
        double msd = 0;
        double meanNew = 0;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                int k = b * n + i;
                double before = g[b] * adc.apply(y[k] + sigma * old.nextGaussian());
                double ideal = g[b] * y[k];
                mseNew += (now[k] - ideal) * (now[k] - ideal);
                mseOld += (before - ideal) * (before - ideal);
                msd += (now[k] - before) * (now[k] - before);
                meanNew += now[k] - ideal;
            }
        }
        int m = batch * n;
        // relative standard error of a mean square over 64,000 samples: about sqrt(2 / 64,000) = 0.6%
        assertEquals(mseOld, mseNew, 0.05 * mseOld);
        assertEquals(mseOld + mseNew, msd, 0.05 * msd);
        assertEquals(0, meanNew / m, 4 * Math.sqrt(mseNew / m / m));
        assertTrue(msd > 0, "the stream changed");
    }
}
