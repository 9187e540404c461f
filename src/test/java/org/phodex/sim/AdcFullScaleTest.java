package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phodex.photonics.MeshProgrammer;

/** A layer's ADC full scale set to a fraction of the calibrated range, against a hand-written quantizer. */
class AdcFullScaleTest {
    private static final int N = 8;
    private static final int BATCH = 9;
    private static final double[] W = SimTestSupport.gaussian(N * N, 4);
    private static final double[] X = SimTestSupport.gaussian(BATCH * N, 5);

    /** 3-bit signed mid-tread quantizer over [-fs, fs]: 3 levels each side of zero, clipping beyond. */
    private static double q3(double v, double fs) {
        double step = fs / 3;
        return Math.rint(Math.max(-fs, Math.min(fs, v)) / step) * step;
    }

    /** One ideal 8x8 tile, ideal DAC, no noise, 3-bit ADC at {@code fraction} of the largest |output|. */
    private static double[] expected(PhotonicLayer layer, double fraction) {
        double[] y = SimTestSupport.exact(W, N, N, X, BATCH);
        double scale = layer.tileScale(0);
        double[] fs = new double[BATCH];
        double range = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int j = 0; j < N; j++) {
                fs[b] = Math.max(fs[b], Math.abs(X[b * N + j]));
            }
            for (int i = 0; i < N; i++) {
                range = Math.max(range, Math.abs(y[b * N + i] / (scale * fs[b])));
            }
        }
        double[] out = new double[BATCH * N];
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < N; i++) {
                out[b * N + i] = scale * fs[b] * q3(y[b * N + i] / (scale * fs[b]), fraction * range);
            }
        }
        return out;
    }

    @Test
    void theAdcClipsAtTheFractionAndResolvesFinerBelowIt() {
        SimSettings s = SimSettings.ideal(TileRealization.mesh(MeshProgrammer.clements()), N, N).withConverters(0, 3);
        PhotonicLayer layer = PhotonicLayer.program(W, N, N, s, 3);
        assertEquals(1, layer.adcFullScale(0));
        int differ = 0;
        for (double f : new double[] {1, 0.6, 0.35}) {
            PhotonicLayer at = f == 1 ? layer : layer.withAdcFullScale(f);
            assertEquals(f, at.adcFullScale(0));
            double[] got = at.apply(X, BATCH, 1);
            double[] want = expected(layer, f);
            double[] full = expected(layer, 1);
            for (int k = 0; k < got.length; k++) {
                assertEquals(want[k], got[k], 1e-9, "fraction " + f + ", output " + k);
                differ += Math.abs(want[k] - full[k]) > 1e-6 ? 1 : 0;
            }
        }
        assertTrue(differ > 0, "a smaller full scale changes some outputs");
    }

    @Test
    void calibrationPicksTheFullScaleWithTheLeastOutputError() {
        SimSettings s = SimSettings.ideal(TileRealization.mesh(MeshProgrammer.clements()), N, N).withConverters(0, 3);
        PhotonicLayer layer = PhotonicLayer.program(W, N, N, s, 3);
        double[] candidates = {1, 0.8, 0.6, 0.45, 0.3, 0.15};
        double[] exact = SimTestSupport.exact(W, N, N, X, BATCH);
        int bestK = 0;
        double[] err = new double[candidates.length];
        for (int k = 0; k < candidates.length; k++) {
            double[] q = expected(layer, candidates[k]);
            for (int i = 0; i < q.length; i++) {
                err[k] += (q[i] - exact[i]) * (q[i] - exact[i]);
            }
            bestK = err[k] < err[bestK] ? k : bestK;
        }
        double[] got = layer.calibrateAdcFullScale(X, BATCH, 1, candidates);
        assertEquals(1, got.length);
        assertEquals(candidates[bestK], got[0], "errors " + java.util.Arrays.toString(err));
        assertTrue(err[bestK] < err[0], "some clipping beats the full range at 3 bits: " + java.util.Arrays.toString(err));
        // calibrating does not change the layer
        assertEquals(1, layer.adcFullScale(0));
        assertThrows(IllegalArgumentException.class, () -> layer.withAdcFullScale(new double[] {0.5, 0.5}));
    }

    @Test
    void aFullScaleOutsideZeroToOneIsRefused() {
        PhotonicLayer layer = PhotonicLayer.program(W, N, N,
                SimSettings.ideal(TileRealization.mesh(MeshProgrammer.clements()), N, N), 3);
        assertThrows(IllegalArgumentException.class, () -> layer.withAdcFullScale(0));
        assertThrows(IllegalArgumentException.class, () -> layer.withAdcFullScale(1.5));
        assertThrows(IllegalArgumentException.class, () -> layer.withAdcFullScale(Double.NaN));
    }
}
