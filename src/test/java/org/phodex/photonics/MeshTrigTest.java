package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The mesh build's trig over whole meshes at once against StrictMath, and a realized mesh's transfer against one built
 * MZI by MZI with each 2x2 computing its own trig by Math.sin and Math.cos.
 */
class MeshTrigTest {
    @Test
    void sinCosIsWithinAnUlpOfOneOfStrictMath() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 20_000;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            // phases as the meshes hold them, a few far outside [0, 2 pi), and beyond the polynomial's range
            x[k] = k % 50 == 7 ? r.nextDouble(-1e4, 1e4) : k % 997 == 3 ? r.nextDouble(-1e7, 1e7)
                    : r.nextDouble(-0.1, 2 * Math.PI + 0.1);
        }
        double[] exact = {0, -0.0, Math.PI / 4, Math.PI / 2, Math.PI, 3 * Math.PI / 2, 2 * Math.PI, -Math.PI / 2, 1e5,
            Double.NaN, Double.POSITIVE_INFINITY};
        System.arraycopy(exact, 0, x, 0, exact.length);
        double[] s = new double[n];
        double[] c = new double[n];
        Mzi.sinCos(x, s, c, n);
        for (int k = 0; k < n; k++) {
            double ws = StrictMath.sin(x[k]);
            double wc = StrictMath.cos(x[k]);
            if (Double.isNaN(ws)) {
                assertTrue(Double.isNaN(s[k]) && Double.isNaN(c[k]), "x = " + x[k]);
                continue;
            }
            // absolute error within 2^-53 (half an ulp of 1) plus an ulp of the value: what the physics sees
            assertEquals(ws, s[k], 0x1p-53 + Math.ulp(ws), "sin " + x[k]);
            assertEquals(wc, c[k], 0x1p-53 + Math.ulp(wc), "cos " + x[k]);
            assertTrue(s[k] * s[k] + c[k] * c[k] <= 1 + 1e-15, "x = " + x[k]);
        }
        assertEquals(0.0, s[0]);
        assertEquals(1.0, c[0]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s[1])); // sin(-0) = -0
    }

    @Test
    void realizedTransferMatchesTheMziByMziBuildWithMathsTrig() {
        SplittableRandom r = new SplittableRandom(6);
        int n = 16;
        Mesh mesh = MeshDecomposition.clements(ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, r), n, n));
        StaticErrors errors = new StaticErrors(8, 0.01, 0.005, 0.2, 0.05, 0.01);
        RealizedMesh rm = RealizedMesh.sample(mesh, errors, new ZigguratRandom(9));
        ComplexMatrix got = rm.transfer();
        double[] t = new double[8];
        for (int k = 0; k < mesh.mziCount(); k++) {
            rm.mziTransfer(k, t);
            // couplers are unitary whatever their ratio, so column 0 has the MZI's loss amplitude as its norm
            double norm = Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[4] * t[4] + t[5] * t[5]);
            assertEquals(rm.mziAmplitude(k), norm, 1e-15, "MZI " + k);
        }
        ComplexMatrix ref = slowTransfer(rm, mesh.mziCount(),
                mesh.layout().balanced() ? StaticErrors.amplitudeOfLossDb(errors.mziLossDb()) : 1);
        // sines and cosines within about 1e-16 of Math's, through a 16-deep product of 2x2s
        for (int k = 0; k < n * n; k++) {
            assertEquals(ref.re[k], got.re[k], 2e-15);
            assertEquals(ref.im[k], got.im[k], 2e-15);
        }
    }

    /**
     * The realized mesh's transfer built MZI by MZI, each 2x2 from Mzi.transfer(theta, phi, ...) with its own
     * Math trig on the chip's sampled phases, couplers and losses; {@code idle}: the amplitude of a waveguide
     * section without an MZI, worked out from the errors by the caller.
     */
    private static ComplexMatrix slowTransfer(RealizedMesh rm, int m, double idle) {
        MeshLayout l = rm.layout();
        int n = l.modes();
        ComplexMatrix x = ComplexMatrix.identity(n);
        double[] t = new double[8];
        boolean[] busy = new boolean[n];
        int col = -1;
        for (int k = 0; k < m; k++) {
            int c = l.column(k);
            while (col < c) {
                if (col >= 0) {
                    idle(x, busy, idle);
                }
                col++;
                int[] p = l.permutationBefore(col);
                if (p != null) {
                    MeshLayout.permuteRows(x, p);
                }
            }
            rm.mziTransferWithOwnTrig(k, t);
            Mzi.rotateRows(x, l.top(k), l.top(k) + 1, t);
            busy[l.top(k)] = true;
            busy[l.top(k) + 1] = true;
        }
        if (col >= 0) {
            idle(x, busy, idle);
        }
        while (col < l.depth() - 1) {
            col++;
            int[] p = l.permutationBefore(col);
            if (p != null) {
                MeshLayout.permuteRows(x, p);
            }
        }
        for (int i = 0; i < n; i++) {
            double c = Math.cos(rm.outputPhase(i));
            double s = Math.sin(rm.outputPhase(i));
            for (int j = i * n; j < (i + 1) * n; j++) {
                double re = x.re[j];
                double im = x.im[j];
                x.re[j] = c * re - s * im;
                x.im[j] = c * im + s * re;
            }
        }
        return x;
    }

    private static void idle(ComplexMatrix x, boolean[] busy, double amp) {
        for (int i = 0; i < busy.length; i++) {
            if (!busy[i] && amp != 1) {
                for (int j = i * x.cols; j < (i + 1) * x.cols; j++) {
                    x.re[j] *= amp;
                    x.im[j] *= amp;
                }
            }
            busy[i] = false;
        }
    }
}
