package org.phodex.codesign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.StaticErrors;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.train.Ops;
import org.phodex.train.Tensor;

class MeshTilesTest {
    private static final int OUT = 11;
    private static final int IN = 13;
    private static final int N = 8;

    private static double[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    private static MeshTiles tiles(MeshProgrammer p) {
        return MeshTiles.fromWeights(random(OUT * IN, 1), OUT, IN, p, N);
    }

    private static double loss(MeshTiles m, SimSettings sim, double[] x, double[] r) {
        return Ops.weightedSum(m.forward(Tensor.constant(x, 3, IN), sim, false, 5), r).item();
    }

    @Test
    void startsFromTheDecompositionOfTheFloatWeights() {
        double[] w = random(OUT * IN, 1);
        double[] got = MeshTiles.fromWeights(w, OUT, IN, MeshProgrammer.clements(), N).idealWeights();
        assertArrayEquals(w, got, 1e-9, "a universal mesh reproduces the float weights, padding cut away");
    }

    /** Layer output by every tile parameter (phases, attenuations, scales): the chain through TileGradient. */
    @Test
    void layerGradientMatchesFiniteDifferencesOnAButterflyLayer() {
        MeshTiles m = tiles(MeshProgrammer.butterfly(1));
        SimSettings sim = SimSettings.ideal(TileRealization.mesh(MeshProgrammer.butterfly(1)), N, N);
        double[] x = random(3 * IN, 2);
        double[] r = random(3 * OUT, 3);
        Ops.weightedSum(m.forward(Tensor.constant(x, 3, IN), sim, false, 5), r).backward();
        double[] gp = m.phases().grad().clone();
        double[] ga = m.amplitudes().grad().clone();
        int checked = 0;
        for (Tensor p : new Tensor[] {m.phases(), m.amplitudes()}) {
            double[] g = p == m.phases() ? gp : ga;
            double[] v = p.value();
            for (int i = 0; i < v.length; i += 3) {
                double keep = v[i];
                if (p == m.amplitudes() && i % 9 < 8 && (keep > 1 - 1e-5 || keep < 1e-5)) {
                    continue; // an attenuator at 0 or full transmission: the clamp makes the difference one-sided
                }
                double h = 1e-6;
                v[i] = keep + h;
                double up = loss(m, sim, x, r);
                v[i] = keep - h;
                double down = loss(m, sim, x, r);
                v[i] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + i + " of " + p);
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    @Test
    void noisyForwardRunsTheSampledChipAndStaysNearTheIdealProduct() {
        MeshTiles m = tiles(MeshProgrammer.clements());
        SimSettings sim = SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.clements(),
                new StaticErrors(0, 0.01, 0.005, 0, 0, 0)), N, N).withConverters(6, 6);
        double[] x = random(3 * IN, 2);
        double[] ideal = m.forward(Tensor.constant(x, 3, IN), sim, false, 5).value();
        double[] noisy = m.forward(Tensor.constant(x, 3, IN), sim, true, 5).value();
        double[] again = m.forward(Tensor.constant(x, 3, IN), sim, true, 5).value();
        double[] other = m.forward(Tensor.constant(x, 3, IN), sim, true, 6).value();
        assertArrayEquals(noisy, again, 0, "the same chip seed draws the same chip");
        double diff = 0;
        double norm = 0;
        double otherDiff = 0;
        for (int i = 0; i < ideal.length; i++) {
            diff += (noisy[i] - ideal[i]) * (noisy[i] - ideal[i]);
            otherDiff += (noisy[i] - other[i]) * (noisy[i] - other[i]);
            norm += ideal[i] * ideal[i];
        }
        assertTrue(diff > 0 && otherDiff > 0, "errors and converters change the product");
        assertTrue(Math.sqrt(diff / norm) < 0.2, "small errors stay small: " + Math.sqrt(diff / norm));
    }
}
