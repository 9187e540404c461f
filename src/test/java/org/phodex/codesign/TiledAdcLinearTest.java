package org.phodex.codesign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.StaticErrors;
import org.phodex.sim.PhotonicLayer;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.train.Ops;
import org.phodex.train.Tensor;

class TiledAdcLinearTest {
    private static double[] random(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    /** Without detector noise the op computes what the chip computes: the same tiles, DAC, ranges and ADC. */
    @Test
    void forwardIsThePhotonicLayersProduct() {
        SplittableRandom r = new SplittableRandom(3);
        int out = 13;
        int in = 21;
        int batch = 40;
        SimSettings sim = SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.clements(),
                new StaticErrors(8, 0.02, 0.01, 0, 0, 0)), 4, 4).withConverters(5, 3);
        double[] w = random(r, out * in, -1, 1);
        double[] x = random(r, batch * in, -0.2, 1);
        PhotonicLayer pl = PhotonicLayer.program(w, out, in, sim, 7);
        double[] fr = random(r, pl.tiles(), 0.3, 1);
        double[] chip = pl.withAdcFullScale(fr).apply(x, batch, 11);
        TiledAdcLinear.Chip c = new TiledAdcLinear.Chip(4, 4, 5, 3, 0, true);
        Tensor y = TiledAdcLinear.apply(Tensor.constant(x, batch, in), Tensor.constant(w, out, in),
                pl.realizedWeights(), Tensor.constant(fr, fr.length), c, 5);
        assertArrayEquals(chip, y.value(), 1e-9);
        // and the ADC matters here: the exact product is far from it
        double diff = 0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                double e = 0;
                for (int j = 0; j < in; j++) {
                    e += w[o * in + j] * x[b * in + j];
                }
                diff = Math.max(diff, Math.abs(e - chip[b * out + o]));
            }
        }
        assertTrue(diff > 0.05, "3-bit ADCs change the product, max |diff| " + diff);
    }

    /** A chip without static errors realizes the weights themselves (SVD and mesh decomposition are exact). */
    @Test
    void anIdealChipRealizesTheWeights() {
        SplittableRandom r = new SplittableRandom(4);
        SimSettings sim = SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.clements(),
                StaticErrors.none()), 4, 4);
        double[] w = random(r, 9 * 10, -1, 1);
        assertArrayEquals(w, PhotonicLayer.program(w, 9, 10, sim, 1).realizedWeights(), 1e-9);
    }

    /**
     * Finite differences of the op with the ADC's rounding and the DAC off (the parts the straight-through estimator
     * replaces): clipping, the ranges (largest output per tile), the detector noise scaled by them, the full-scale
     * fractions and the input full scales are all differentiated exactly.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(5);
        int out = 6;
        int in = 7;
        int batch = 5;
        TiledAdcLinear.Chip c = new TiledAdcLinear.Chip(4, 3, 0, 3, 0.08, false);
        int tiles = 2 * 3;
        double[] xv = random(r, batch * in, -1, 1);
        double[] wv = random(r, out * in, -1, 1);
        double[] fv = random(r, tiles, 0.5, 0.95);
        double[] probe = random(r, batch * out, -1, 1);
        Tensor x = Tensor.parameter(xv, batch, in);
        Tensor w = Tensor.parameter(wv, out, in);
        Tensor f = Tensor.parameter(fv, tiles);
        Ops.weightedSum(TiledAdcLinear.apply(x, w, null, f, c, 9), probe).backward();
        check(x.grad(), xv, () -> loss(xv, wv, fv, probe, c, batch, in, out, tiles));
        check(w.grad(), wv, () -> loss(xv, wv, fv, probe, c, batch, in, out, tiles));
        check(f.grad(), fv, () -> loss(xv, wv, fv, probe, c, batch, in, out, tiles));
        double gf = 0;
        for (double g : f.grad()) {
            gf += Math.abs(g);
        }
        assertTrue(gf > 1e-3, "some outputs clip, so the full scales have a gradient");
    }

    private static double loss(double[] x, double[] w, double[] f, double[] probe, TiledAdcLinear.Chip c, int batch,
                               int in, int out, int tiles) {
        return Ops.weightedSum(TiledAdcLinear.apply(Tensor.constant(x, batch, in), Tensor.constant(w, out, in), null,
                Tensor.constant(f, tiles), c, 9), probe).item();
    }

    private static void check(double[] grad, double[] v, java.util.function.DoubleSupplier loss) {
        double h = 1e-6;
        for (int i = 0; i < v.length; i++) {
            double keep = v[i];
            v[i] = keep + h;
            double up = loss.getAsDouble();
            v[i] = keep - h;
            double down = loss.getAsDouble();
            v[i] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, grad[i], 1e-6 * Math.max(1, Math.abs(fd)), "component " + i);
        }
    }

    /**
     * With rounding, a full scale's gradient is LSQ's (Esser et al., ICLR 2020): per output inside the range
     * (round(v / step) - v / step) / levels, a clipped one +-1; worked out by hand for one tile.
     */
    @Test
    void roundingFullScaleGradientIsLsq() {
        // one tile of 1 output x 2 inputs, two vectors; no DAC, no noise, 3 bits: 3 levels each side
        TiledAdcLinear.Chip c = new TiledAdcLinear.Chip(1, 2, 0, 3, 0, true);
        Tensor x = Tensor.constant(new double[] {1, 0.2, 0.5, 1}, 2, 2);
        Tensor w = Tensor.parameter(new double[] {1, 0.3}, 1, 2);
        Tensor f = Tensor.parameter(new double[] {0.9}, 1);
        Tensor y = TiledAdcLinear.apply(x, w, null, f, c, 1);
        // fs = 1 for both; u = 1.06 and 0.8; range 1.06; full scale 0.954, step 0.318
        double full = 0.9 * 1.06;
        double step = full / 3;
        assertEquals(full, y.value()[0], 1e-12, "the first output clips");
        assertEquals(Math.rint(0.8 / step) * step, y.value()[1], 1e-12);
        Ops.weightedSum(y, new double[] {1, 1}).backward();
        double dFull = 1 + (Math.rint(0.8 / step) - 0.8 / step) / 3;
        assertEquals(dFull * 1.06, f.grad()[0], 1e-12);
        // the range is the first output's: dR = f dFull reaches it; the second passes straight through
        assertEquals(0.9 * dFull * 1 + 1 * 0.5, w.grad()[0], 1e-12);
        assertEquals(0.9 * dFull * 0.2 + 1 * 1, w.grad()[1], 1e-12);
    }
}
