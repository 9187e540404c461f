package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The mesh build's trig and loss over whole meshes at once (SVML on the Vector API) against the slow references
 * StrictMath.sin/cos and Math.pow, and a realized mesh's transfer against one built MZI by MZI with Math's trig.
 */
class MeshTrigTest {
    private static double ulps(double got, double want) {
        return Math.abs(got - want) / Math.ulp(want);
    }

    @Test
    void sinCosIsWithinOneUlpOfStrictMath() {
        SplittableRandom r = new SplittableRandom(4);
        for (int n : new int[] {1, 3, 4, 7, 8, 33, 496, 1001}) {
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                // phases as the meshes hold them, and a few far outside [0, 2 pi)
                x[k] = k % 50 == 7 ? r.nextDouble(-1e4, 1e4) : r.nextDouble(-0.1, 2 * Math.PI + 0.1);
            }
            x[0] = 0;
            double[] s = new double[n];
            double[] c = new double[n];
            Mzi.sinCos(x, s, c, n);
            for (int k = 0; k < n; k++) {
                double ws = StrictMath.sin(x[k]);
                double wc = StrictMath.cos(x[k]);
                assertTrue(ulps(s[k], ws) <= 1, "sin " + x[k] + ": " + s[k] + " vs " + ws);
                assertTrue(ulps(c[k], wc) <= 1, "cos " + x[k] + ": " + c[k] + " vs " + wc);
            }
            assertEquals(0.0, s[0]);
            assertEquals(1.0, c[0]);
        }
    }

    @Test
    void lossAmplitudesAreWithinTwoUlpsOfThePowerOfTen() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 1003;
        double[] db = new double[n];
        for (int k = 0; k < n; k++) {
            db[k] = k % 10 == 0 ? 0 : r.nextDouble(0, 3);
        }
        double[] a = new double[n];
        StaticErrors.amplitudesOfLossDb(db, a);
        for (int k = 0; k < n; k++) {
            double want = Math.pow(10, -db[k] / 20);
            assertTrue(ulps(a[k], want) <= 2, db[k] + " dB: " + a[k] + " vs " + want);
        }
        assertEquals(1.0, a[0]); // no loss is exactly 1 (lossless meshes stay exactly unitary)
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
        ComplexMatrix ref = slowTransfer(mesh, errors, 9);
        double maxDiff = 0;
        for (int k = 0; k < n * n; k++) {
            maxDiff = Math.max(maxDiff, Math.max(Math.abs(got.re[k] - ref.re[k]), Math.abs(got.im[k] - ref.im[k])));
        }
        // 1-ulp differences in 4 x 120 sines and cosines and 120 amplitudes, through a 16-deep product
        assertTrue(maxDiff < 1e-13, "max |difference| " + maxDiff);
    }

    /** The mesh's transfer with every MZI's 2x2 from Mzi.transfer(theta, phi, ...) (Math's trig, Math.pow loss). */
    private static ComplexMatrix slowTransfer(Mesh mesh, StaticErrors errors, long seed) {
        MeshLayout l = mesh.layout();
        int m = mesh.mziCount();
        double[] th = new double[m];
        double[] ph = new double[m];
        int[] above = new int[m];
        int[] below = new int[m];
        for (int k = 0; k < m; k++) {
            th[k] = mesh.theta(k);
            ph[k] = mesh.phi(k);
            above[k] = l.neighbourAbove(k);
            below[k] = l.neighbourBelow(k);
        }
        double[] thO = new double[m];
        double[] phO = new double[m];
        double[] r1 = new double[m];
        double[] r2 = new double[m];
        double[] a = new double[m];
        ZigguratRandom rng = new ZigguratRandom(seed);
        errors.sampleMzis(th, ph, above, below, rng, thO, phO, r1, r2, a);
        double[] out = new double[mesh.modes()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mesh.outputPhase(i);
        }
        double[] screen = errors.samplePhaseScreen(out, rng);
        int n = mesh.modes();
        ComplexMatrix x = ComplexMatrix.identity(n);
        double[] t = new double[8];
        double idle = l.balanced() ? StaticErrors.amplitudeOfLossDb(errors.mziLossDb()) : 1;
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
            // the loss amplitude recomputed by Math.pow from the sampled amplitude's dB value
            double lossDb = -20 * Math.log10(a[k]);
            Mzi.transfer(thO[k], phO[k], r1[k], r2[k], Math.pow(10, -lossDb / 20), t);
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
            double c = Math.cos(screen[i]);
            double s = Math.sin(screen[i]);
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
