package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IntegerGemmTest {

    @Test
    void smallProductMatchesAHandQuantization() {
        // 3-bit weights and activations: codes -3..3. Row 0 = [0.75, -0.5]: scale 0.75 / 3 = 0.25, codes [3, -2];
        // row 1 = [0.5, 0.75]: codes [2, 3]. Input [0.75, -0.3]: scale 0.25, codes [3, round(-1.2)] = [3, -1].
        IntegerGemm g = IntegerGemm.program(new double[] {0.75, -0.5, 0.5, 0.75}, 2, 2,
                new IntegerGemm.Settings(3, 3, 16, 2));
        double[] y = g.apply(new double[] {0.75, -0.3}, 1);
        // row 0: 3*3 + (-2)(-1) = 11 -> 11 * 0.25 * 0.25; row 1: 2*3 + 3*(-1) = 3 -> 3 * 0.0625
        assertArrayEquals(new double[] {11 * 0.0625, 3 * 0.0625}, y, 1e-12);
    }

    @Test
    void theAccumulatorSaturatesPerTileAndOnTheRunningSum() {
        // 8-bit weights and inputs all at full scale: every product is 127 * 127 = 16129
        double[] w = new double[8];
        java.util.Arrays.fill(w, 1.0);
        double[] x = new double[8];
        java.util.Arrays.fill(x, 1.0);
        double unit = 1.0 / 127 / 127; // one LSB of the accumulator in output units
        // 32-bit accumulator: exact, 8 x 16129
        assertEquals(8 * 16129 * unit, IntegerGemm.program(w, 1, 8, new IntegerGemm.Settings(8, 8, 32, 4))
                .apply(x, 1)[0], 1e-9);
        // 16-bit accumulator (max 32767): tiles of 4 saturate at 32767, and so does their sum
        assertEquals(32767 * unit, IntegerGemm.program(w, 1, 8, new IntegerGemm.Settings(8, 8, 16, 4))
                .apply(x, 1)[0], 1e-9);
        // 16-bit accumulator with tiles of 2: 32258 per tile fits, the running sum clamps at 32767
        assertEquals(32767 * unit, IntegerGemm.program(w, 1, 8, new IntegerGemm.Settings(8, 8, 16, 2))
                .apply(x, 1)[0], 1e-9);
        // signed: the negative side clamps symmetrically
        double[] neg = x.clone();
        java.util.Arrays.fill(neg, -1.0);
        assertEquals(-32767 * unit, IntegerGemm.program(w, 1, 8, new IntegerGemm.Settings(8, 8, 16, 2))
                .apply(neg, 1)[0], 1e-9);
    }

    @Test
    void errorShrinksWithBitsAsUniformQuantizationPredicts() {
        Random r = new Random(7);
        int n = 32;
        int k = 256;
        int batch = 64;
        double[] w = new double[n * k];
        double[] x = new double[batch * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] exact = new double[batch * n];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < n; o++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += w[o * k + i] * x[b * k + i];
                }
                exact[b * n + o] = s;
            }
        }
        double e4 = relRms(exact, IntegerGemm.program(w, n, k, new IntegerGemm.Settings(4, 4, 32, 32)).apply(x, batch));
        double e8 = relRms(exact, IntegerGemm.program(w, n, k, new IntegerGemm.Settings(8, 8, 32, 32)).apply(x, batch));
        // uniform rounding error: step / sqrt(12) per operand, step = max / (2^(b-1) - 1); Gaussian operands have
        // max / rms of about 3 over 256 draws, so the relative error of one operand is ~ 3 / (2^(b-1)-1) / sqrt(12)
        // and the product's ~ sqrt(2) times that: 8 bits -> ~0.0096, 4 bits -> ~0.17
        assertTrue(e8 > 0.004 && e8 < 0.02, "8-bit relative error " + e8);
        assertTrue(e4 > 0.08 && e4 < 0.35, "4-bit relative error " + e4);
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IntegerGemm.program(new double[3], 2, 2,
                new IntegerGemm.Settings(8, 8, 32, 2)));
        assertThrows(IllegalArgumentException.class, () -> new IntegerGemm.Settings(8, 8, 64, 2));
    }

    private static double relRms(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += a[i] * a[i];
        }
        return Math.sqrt(num / den);
    }
}
