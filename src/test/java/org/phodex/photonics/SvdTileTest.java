package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvdTileTest {

    private static double[] randomTile(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[n * n];
        for (int k = 0; k < w.length; k++) {
            w[k] = r.nextGaussian();
        }
        return w;
    }

    private static void checkRealizes(double[] w, int n, MeshProgrammer p) {
        SvdTile tile = SvdTile.program(w, n, p);
        ComplexMatrix t = tile.realize(StaticErrors.none(), new SplittableRandom(1)).transfer();
        for (int k = 0; k < n * n; k++) {
            assertEquals(w[k], tile.scale() * t.re[k], 1e-10, p.name() + " element " + k);
            assertEquals(0, t.im[k], 1e-10);
        }
        double max = 0;
        for (double a : tile.attenuation()) {
            assertTrue(a >= 0 && a <= 1 + 1e-15);
            max = Math.max(max, a);
        }
        assertEquals(1, max, 1e-15, "the largest singular value is realized without attenuation");
    }

    @Test
    void idealTileRealizesTheWeights() {
        for (int n : new int[] {2, 5, 8, 16}) {
            checkRealizes(randomTile(n, n), n, MeshProgrammer.clements());
            checkRealizes(randomTile(n, n + 100), n, MeshProgrammer.reck());
        }
    }

    @Test
    void rankDeficientAndPaddedTilesToo() {
        int n = 6;
        double[] w = randomTile(n, 7);
        for (int j = 0; j < n; j++) {
            w[4 * n + j] = 0; // zero-padded rows, as at a layer's edge
            w[5 * n + j] = 0;
        }
        for (int i = 0; i < n; i++) {
            w[i * n + 5] = 0; // and a zero-padded column
        }
        checkRealizes(w, n, MeshProgrammer.clements());
    }

    @Test
    void scaleIsTheSpectralNorm() {
        // diag(3, -2, 1): singular values 3, 2, 1
        double[] w = {3, 0, 0, 0, -2, 0, 0, 0, 1};
        SvdTile tile = SvdTile.program(w, 3, MeshProgrammer.clements());
        assertEquals(3, tile.scale(), 1e-12);
        assertEquals(2.0 / 3, tile.attenuation()[1], 1e-12);
        assertEquals(1.0 / 3, tile.attenuation()[2], 1e-12);
    }
}
