package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phodex.photonics.DetectorNoise;
import org.phodex.photonics.DetectorParams;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.MrrBank;
import org.phodex.photonics.StaticErrors;
import org.phodex.photonics.SvdTile;

class PhotonicLayerTest {
    private static final int OUT = 21;
    private static final int IN = 19;
    private static final double[] W = SimTestSupport.gaussian(OUT * IN, 1);
    private static final int BATCH = 9;
    private static final double[] X = SimTestSupport.gaussian(BATCH * IN, 2);
    private static final double[] EXACT = SimTestSupport.exact(W, OUT, IN, X, BATCH);

    private static final TileRealization CLEMENTS = TileRealization.mesh(MeshProgrammer.clements());
    private static final TileRealization RECK = TileRealization.mesh(MeshProgrammer.reck());
    private static final TileRealization MRR = TileRealization.ringBank();

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void idealHardwareComputesTheExactProductForEveryLayout() {
        for (TileRealization l : new TileRealization[] {CLEMENTS, RECK, MRR}) {
            SimSettings s = SimSettings.ideal(l, 8, 8);
            PhotonicLayer layer = PhotonicLayer.program(W, OUT, IN, s, 7);
            assertEquals(9, layer.tiles());
            assertEquals(0, layer.fitError());
            assertTrue(maxDiff(EXACT, layer.apply(X, BATCH, 3)) < 1e-9, l + " " + maxDiff(EXACT, layer.apply(X, BATCH, 3)));
        }
        // MRR tiles need not be square: 5 rows x 12 wavelengths
        PhotonicLayer mrr = PhotonicLayer.program(W, OUT, IN, SimSettings.ideal(MRR, 5, 12), 7);
        assertEquals(5 * 2, mrr.tiles());
        assertTrue(maxDiff(EXACT, mrr.apply(X, BATCH, 3)) < 1e-9);
    }

    @Test
    void fastPathAgreesWithPerMziPropagationUnderStaticErrors() {
        for (MeshProgrammer l : new MeshProgrammer[] {MeshProgrammer.clements(), MeshProgrammer.reck(),
                MeshProgrammer.butterfly(2), MeshProgrammer.truncated(5)}) {
            SimSettings s = SimSettings.ideal(TileRealization.mesh(l), 8, 8)
                    .withStaticErrors(new StaticErrors(10, 0.02, 0.02, 0.3, 0.05, 0.01));
            PhotonicLayer layer = PhotonicLayer.program(W, OUT, IN, s, 11);
            double[] fast = layer.apply(X, BATCH, 5);
            double[] slow = SimTestSupport.perMziReference(layer, X, BATCH);
            assertTrue(maxDiff(slow, fast) < 1e-9, l.name() + ": " + maxDiff(slow, fast));
            // the errors do change the result
            assertTrue(LayerMetrics.compare(EXACT, fast).relativeRmsError() > 1e-3, l.name());
        }
    }

    @Test
    void uniformInsertionLossIsCalibratedOutOnBalancedMeshesButNotOnReck() {
        // 1 dB per MZI and nothing else: a balanced (Clements) mesh only scales the product, which the per-tile
        // gain calibration removes; Reck's short paths lose less than its long ones, which no scalar can undo
        StaticErrors loss = new StaticErrors(0, 0, 0, 1.0, 0, 0);
        SimSettings base = SimSettings.ideal(CLEMENTS, 8, 8).withStaticErrors(loss);
        double clements = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, base, 3).apply(X, BATCH, 1))
                .relativeRmsError();
        double reck = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, base.withTile(new TileRealization.MziMesh(MeshProgrammer.reck(), loss)), 3)
                .apply(X, BATCH, 1)).relativeRmsError();
        assertTrue(clements < 1e-9, "Clements " + clements);
        assertTrue(reck > 0.05, "Reck " + reck);
    }

    @Test
    void nonUniversalLayoutsReportTheirFitError() {
        SimSettings b1 = SimSettings.ideal(TileRealization.mesh(MeshProgrammer.butterfly(1)), 8, 8);
        SimSettings b3 = b1.withTile(TileRealization.mesh(MeshProgrammer.butterfly(3)));
        double e1 = PhotonicLayer.program(W, OUT, IN, b1, 1).fitError();
        double e3 = PhotonicLayer.program(W, OUT, IN, b3, 1).fitError();
        assertTrue(e1 > 0.1 && e3 < e1, e1 + " " + e3);
        PhotonicLayer t8 = PhotonicLayer.program(W, OUT, IN, SimSettings.ideal(TileRealization.mesh(MeshProgrammer.truncated(8)), 8, 8), 1);
        assertTrue(t8.fitError() < 1e-8);
        assertTrue(maxDiff(EXACT, t8.apply(X, BATCH, 1)) < 1e-6);
    }

    @Test
    void staticErrorGrowsWithSigma() {
        double prev = 0;
        for (double sigma : new double[] {0.005, 0.02, 0.08}) {
            SimSettings s = SimSettings.ideal(CLEMENTS, 8, 8).withStaticErrors(new StaticErrors(0, sigma, 0, 0, 0, 0));
            double e = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, s, 3).apply(X, BATCH, 1))
                    .relativeRmsError();
            assertTrue(e > 1.5 * prev, sigma + ": " + e);
            prev = e;
        }
    }

    @Test
    void detectorNoiseHasTheStdTheLinkBudgetImplies() {
        // one 8 x 8 tile, inputs with full scale 1, noise only: error std = relativeNoise(P) * range * s_max
        int n = 8;
        int batch = 4000;
        double[] w = SimTestSupport.gaussian(n * n, 3);
        double[] x = SimTestSupport.gaussian(batch * n, 4);
        for (int b = 0; b < batch; b++) {
            x[b * n] = 1; // every vector's full scale is exactly 1
            for (int j = 1; j < n; j++) {
                x[b * n + j] = Math.max(-0.9, Math.min(0.9, x[b * n + j] / 3));
            }
        }
        DetectorParams d = DetectorParams.typical();
        double power = DetectorNoise.minReceivedPowerW(30, d);
        SimSettings s = SimSettings.ideal(CLEMENTS, n, n).withConverters(0, 0).withReceivedPower(power);
        PhotonicLayer layer = PhotonicLayer.program(w, n, n, s, 1);
        double[] ideal = PhotonicLayer.program(w, n, n, SimSettings.ideal(CLEMENTS, n, n), 1).apply(x, batch, 0);
        double[] noisy = layer.apply(x, batch, 9);
        double range = 0;
        double var = 0;
        for (int k = 0; k < ideal.length; k++) {
            range = Math.max(range, Math.abs(ideal[k]));
            var += (noisy[k] - ideal[k]) * (noisy[k] - ideal[k]);
        }
        double std = Math.sqrt(var / ideal.length);
        // relativeNoise^2 = 1 / (2 * 10^3) at this power; range here is in output units (= normalized * s_max)
        double expected = Math.sqrt(1 / 2000.0) * range;
        assertEquals(expected, std, 0.05 * expected);
    }

    @Test
    void converterBitsAndPowerTradeAgainstError() {
        SimSettings base = SimSettings.ideal(CLEMENTS, 8, 8);
        double prev = Double.POSITIVE_INFINITY;
        for (int bits : new int[] {3, 5, 7, 9}) {
            double e = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, base.withConverters(0, bits), 1).apply(X, BATCH, 1)).relativeRmsError();
            assertTrue(e < prev / 2, "adc " + bits + ": " + e);
            prev = e;
        }
        prev = Double.POSITIVE_INFINITY;
        for (int bits : new int[] {3, 5, 7, 9}) {
            double e = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, base.withConverters(bits, 0), 1).apply(X, BATCH, 1)).relativeRmsError();
            assertTrue(e < prev / 2, "dac " + bits + ": " + e);
            prev = e;
        }
        prev = Double.POSITIVE_INFINITY;
        for (double snrDb : new double[] {10, 20, 30, 40}) {
            double p = DetectorNoise.minReceivedPowerW(snrDb, base.detector());
            double e = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, base.withConverters(0, 0).withReceivedPower(p), 1)
                    .apply(X, BATCH, 1)).relativeRmsError();
            assertTrue(e < prev / 2, "snr " + snrDb + ": " + e);
            prev = e;
        }
    }

    @Test
    void adcClipsAtItsCalibratedRange() {
        // enormous detector noise: every output is clipped into the ADC range, so |y| <= range * fs * s_max
        SimSettings s = SimSettings.ideal(CLEMENTS, 8, 8).withConverters(0, 6).withReceivedPower(1e-12);
        int n = 8;
        double[] w = SimTestSupport.gaussian(n * n, 5);
        double[] x = SimTestSupport.gaussian(50 * n, 6);
        PhotonicLayer layer = PhotonicLayer.program(w, n, n, s, 1);
        double[] y = layer.apply(x, 50, 2);
        double[] ideal = SimTestSupport.exact(w, n, n, x, 50);
        double bound = 0;
        double maxIdealNormalized = 0;
        for (int b = 0; b < 50; b++) {
            double fs = 0;
            for (int j = 0; j < n; j++) {
                fs = Math.max(fs, Math.abs(x[b * n + j]));
            }
            for (int i = 0; i < n; i++) {
                maxIdealNormalized = Math.max(maxIdealNormalized, Math.abs(ideal[b * n + i]) / fs);
            }
        }
        for (int b = 0; b < 50; b++) {
            double fs = 0;
            for (int j = 0; j < n; j++) {
                fs = Math.max(fs, Math.abs(x[b * n + j]));
            }
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(y[b * n + i]) <= maxIdealNormalized * fs * (1 + 1e-9));
            }
        }
    }

    @Test
    void mrrSignedInputsAndCrosstalk() {
        SimSettings ideal = SimSettings.ideal(MRR, 6, 8);
        double e0 = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, ideal, 1).apply(X, BATCH, 1))
                .relativeRmsError();
        double wide = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, ideal.withRingBank(new MrrBank(2e4, 1.6, 1550, 0)), 1)
                .apply(X, BATCH, 1)).relativeRmsError();
        double dense = LayerMetrics.compare(EXACT, PhotonicLayer.program(W, OUT, IN, ideal.withRingBank(new MrrBank(2e4, 0.4, 1550, 0)), 1)
                .apply(X, BATCH, 1)).relativeRmsError();
        assertTrue(e0 < 1e-9 && wide > e0 && dense > wide, e0 + " " + wide + " " + dense);
    }

    @Test
    void resultsDependOnlyOnTheSeeds() {
        SimSettings s = SimSettings.ideal(CLEMENTS, 8, 8)
                .withStaticErrors(new StaticErrors(6, 0.01, 0.01, 0.2, 0.02, 0.01)).withConverters(6, 6)
                .withReceivedPower(DetectorNoise.minReceivedPowerW(30, DetectorParams.typical()));
        double[] a = PhotonicLayer.program(W, OUT, IN, s, 42).apply(X, BATCH, 7);
        double[] b = PhotonicLayer.program(W, OUT, IN, s, 42).apply(X, BATCH, 7);
        assertArrayEquals(a, b);
        assertNotEquals(a[0], PhotonicLayer.program(W, OUT, IN, s, 43).apply(X, BATCH, 7)[0]);
        assertNotEquals(a[0], PhotonicLayer.program(W, OUT, IN, s, 42).apply(X, BATCH, 8)[0]);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        // everything on, several tile rows (21 outputs on 4-row tiles: 6 tile rows, the last partial)
        TileRealization mesh = new TileRealization.MziMesh(MeshProgrammer.clements(),
                new StaticErrors(6, 0.01, 0.01, 0.2, 0.02, 0.01));
        TileRealization bank = new TileRealization.RingBank(new MrrBank(1e4, Double.POSITIVE_INFINITY, 1550, 6));
        for (TileRealization l : new TileRealization[] {mesh, bank}) {
            SimSettings s = SimSettings.ideal(l, 4, 4).withConverters(6, 6)
                    .withReceivedPower(DetectorNoise.minReceivedPowerW(30, DetectorParams.typical()));
            PhotonicLayer one = PhotonicLayer.program(W, OUT, IN, s, 42, 1);
            double[] a = one.apply(X, BATCH, 7, 1);
            for (int threads : new int[] {2, 3, 8}) {
                PhotonicLayer many = PhotonicLayer.program(W, OUT, IN, s, 42, threads);
                assertArrayEquals(a, many.apply(X, BATCH, 7, threads), l + " on " + threads + " threads");
                assertArrayEquals(a, one.apply(X, BATCH, 7, threads), l + " apply on " + threads + " threads");
            }
            assertNotEquals(a[0], one.apply(X, BATCH, 8, 2)[0]);
        }
    }

    @Test
    void tilesAreProgrammedOnceAcrossChips() {
        double[] w = SimTestSupport.gaussian(16 * 16, 77);
        SimSettings s = SimSettings.ideal(TileRealization.mesh(MeshProgrammer.butterfly(1)), 8, 8)
                .withStaticErrors(new StaticErrors(0, 0.01, 0, 0, 0, 0));
        PhotonicLayer.program(w, 16, 16, s, 1);
        int size = TileProgramCache.shared().size();
        PhotonicLayer.program(w, 16, 16, s, 2);
        assertEquals(size, TileProgramCache.shared().size());
    }

    @Test
    void tileCacheEvictsTheLeastRecentlyUsedTilesBeyondItsByteBudget() {
        MeshProgrammer clements = MeshProgrammer.clements();
        double[] a = SimTestSupport.gaussian(8 * 8, 1);
        double[] b = SimTestSupport.gaussian(8 * 8, 2);
        double[] c = SimTestSupport.gaussian(8 * 8, 3);
        long one = TileProgramCache.estimateBytes(org.phodex.photonics.SvdTile.program(a, 8, clements));
        // 8 x 8 Clements: 64 weights + 2 x (28 MZIs x 24 + 8 x 8 + 4 x 8 x 8 / 2 + 256) + 64 + 256 bytes
        assertEquals(8 * 64 + 2 * (28 * 24 + 64 + 128 + 256) + 64 + 256, one);
        TileProgramCache cache = new TileProgramCache(2 * one + one / 2);
        SvdTile ta = cache.get(a, 8, clements);
        cache.get(b, 8, clements);
        assertSame(ta, cache.get(a, 8, clements)); // a is now the most recently used
        cache.get(c, 8, clements); // over budget: b goes
        assertEquals(2, cache.size());
        assertEquals(2 * one, cache.bytes());
        assertSame(ta, cache.get(a, 8, clements));
    }

    @Test
    void metricsOfAHandExample() {
        LayerMetrics m = LayerMetrics.compare(new double[] {3, 4}, new double[] {3, 4.5});
        // error energy 0.25, signal 25 -> relative RMS 0.1, SNR 20 dB
        assertEquals(0.1, m.relativeRmsError(), 1e-12);
        assertEquals(20, m.snrDb(), 1e-12);
    }
}
