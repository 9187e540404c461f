package org.phodex.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.train.Ops;
import org.phodex.train.Products;
import org.phodex.train.Tensor;

/** Products on a simulated chip: exact on ideal hardware, noisy otherwise, gradients passed straight through. */
class HardwareProductsTest {
    private static Tensor gaussian(long seed, boolean param, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return param ? Tensor.parameter(v, shape) : Tensor.constant(v, shape);
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void idealMeshesComputeTheExactProductsTileByTile() {
        for (TileRealization layout : new TileRealization[] {TileRealization.mesh(MeshProgrammer.clements()),
                TileRealization.ringBank()}) {
            // 4 x 4 tiles: a 6 x 10 weight matrix takes 2 x 3 tiles with zero padding; the attention operands too
            HardwareProducts hw = new HardwareProducts(SimSettings.ideal(layout, 4, 4), 7);
            Tensor x = gaussian(1, false, 2, 3, 10);
            Tensor w = gaussian(2, false, 6, 10);
            Tensor y = hw.linear(0, x, w);
            assertArrayEquals(new int[] {2, 3, 6}, y.shape());
            assertTrue(maxDiff(Products.EXACT.linear(0, x, w).value(), y.value()) < 1e-9, layout + " linear");
            Tensor a = gaussian(3, false, 2, 2, 5, 3);
            Tensor b = gaussian(4, false, 2, 2, 6, 3);
            Tensor z = hw.dynamic(1, a, b);
            assertArrayEquals(new int[] {2, 2, 5, 6}, z.shape());
            assertTrue(maxDiff(Products.EXACT.dynamic(1, a, b).value(), z.value()) < 1e-9, layout + " dynamic");
        }
    }

    @Test
    void noisyHardwareDiffersAndPassesTheExactGradient() {
        // 6-bit converters and detector noise: results differ from the exact product by a few percent at most
        SimSettings s = SimSettings.ideal(TileRealization.mesh(MeshProgrammer.clements()), 4, 4).withConverters(6, 6)
                .withReceivedPower(1e-3);
        HardwareProducts hw = new HardwareProducts(s, 9);
        Tensor x = gaussian(5, false, 8, 10);
        Tensor w = gaussian(6, true, 6, 10);
        Tensor y = hw.linear(0, x, w);
        Tensor exact = Ops.matmulT(x, w);
        double err = maxDiff(exact.value(), y.value());
        assertTrue(err > 0 && err < 0.5, "error " + err);
        double[] r = new double[y.size()];
        java.util.Arrays.fill(r, 1);
        Ops.weightedSum(y, r).backward();
        // d sum(y) / d w[o][i] = sum over rows of x[.][i]
        for (int i = 0; i < 10; i++) {
            double col = 0;
            for (int b = 0; b < 8; b++) {
                col += x.value()[b * 10 + i];
            }
            assertEquals(col, w.grad()[i], 1e-12);
        }
        // the same call again draws new detector noise (another inference), the programmed weights are reused
        Tensor y2 = hw.linear(0, x, Tensor.constant(w.value(), 6, 10));
        assertFalse(java.util.Arrays.equals(y.value(), y2.value()));
        assertEquals(1, hw.staticLayers());
    }

    @Test
    void aGemmsAdcFullScalesApplyToItsTilesOnly() {
        // 3-bit ADCs, 4 x 4 tiles: GEMM 0's 6 x 10 weights take 2 x 3 tiles, each at half its calibrated range
        SimSettings s = SimSettings.ideal(TileRealization.mesh(MeshProgrammer.clements()), 4, 4).withConverters(6, 3)
                .withReceivedPower(1e-3);
        Tensor x = gaussian(7, false, 8, 10);
        Tensor w = gaussian(8, false, 6, 10);
        double[] half = new double[6];
        java.util.Arrays.fill(half, 0.5);
        HardwareProducts scaled = new HardwareProducts(s, 9, java.util.Map.of(0, half));
        double[] y = scaled.linear(0, x, w).value();
        // by hand: the layer as the evaluator programs it, with that full scale, and the first call's noise
        long noise = org.phodex.sim.Seeds.derive(org.phodex.sim.Seeds.derive(org.phodex.sim.Seeds.derive(9, 0x7e57L),
                0), 1);
        double[] expected = org.phodex.sim.PhotonicLayer.program(w.value(), 6, 10, s, org.phodex.sim.Seeds.derive(9, 0))
                .withAdcFullScale(half).apply(x.value(), 8, noise);
        assertArrayEquals(expected, y, 0);
        assertFalse(java.util.Arrays.equals(y, new HardwareProducts(s, 9).linear(0, x, w).value()),
                "half the range clips and steps otherwise");
        // another GEMM index keeps its range
        assertArrayEquals(new HardwareProducts(s, 9).linear(1, x, w).value(), scaled.linear(1, x, w).value(), 0);
    }
}
