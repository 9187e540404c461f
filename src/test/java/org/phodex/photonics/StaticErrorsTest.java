package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StaticErrorsTest {

    private static Mesh clements(int n, long seed) {
        return MeshDecomposition.clements(ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, new SplittableRandom(seed)),
                n, n));
    }

    /** Mean relative Frobenius error of the realized mesh over a few chips. */
    private static double meanError(Mesh mesh, StaticErrors e, int chips) {
        ComplexMatrix target = mesh.transfer();
        double s = 0;
        for (int c = 0; c < chips; c++) {
            s += RealizedMesh.sample(mesh, e, new SplittableRandom(500 + c)).transfer().relativeFrobeniusError(target);
        }
        return s / chips;
    }

    private static StaticErrors phase(double sigma) {
        return new StaticErrors(0, sigma, 0, 0, 0, 0);
    }

    private static StaticErrors coupler(double sigma) {
        return new StaticErrors(0, 0, sigma, 0, 0, 0);
    }

    @Test
    void noErrorsGiveTheProgrammedMatrix() {
        Mesh m = clements(8, 1);
        assertTrue(meanError(m, StaticErrors.none(), 2) < 1e-12);
    }

    @Test
    void errorGrowsWithSigma() {
        Mesh m = clements(16, 2);
        double prev = 0;
        for (double sigma : new double[] {0.005, 0.02, 0.08}) {
            double e = meanError(m, phase(sigma), 4);
            assertTrue(e > 1.5 * prev, "phase sigma " + sigma + ": " + e + " after " + prev);
            prev = e;
        }
        prev = 0;
        for (double sigma : new double[] {0.005, 0.02, 0.08}) {
            double e = meanError(m, coupler(sigma), 4);
            assertTrue(e > 1.5 * prev, "coupler sigma " + sigma + ": " + e + " after " + prev);
            prev = e;
        }
    }

    @Test
    void smallPhaseErrorScalesLikeSigmaTimesRootOfPhasesPerPath() {
        // to first order each of the ~2N phases a signal meets adds an independent N(0, sigma) phase, so the
        // relative error is about sigma * sqrt(2N); check the order of magnitude (factor 2), not a fit
        int n = 16;
        double sigma = 0.01;
        double e = meanError(clements(n, 3), phase(sigma), 4);
        double expected = sigma * Math.sqrt(2 * n);
        assertTrue(e > expected / 2 && e < expected * 2, "error " + e + " vs " + expected);
    }

    @Test
    void errorGrowsWithMeshSize() {
        double prev = 0;
        for (int n : new int[] {4, 16, 48}) {
            double e = meanError(clements(n, n), phase(0.02), 3);
            assertTrue(e > prev * 1.3, "N=" + n + ": " + e + " after " + prev);
            prev = e;
        }
    }

    @Test
    void phaseQuantizationErrorShrinksWithBits() {
        Mesh m = clements(12, 4);
        double e4 = meanError(m, new StaticErrors(4, 0, 0, 0, 0, 0), 1);
        double e8 = meanError(m, new StaticErrors(8, 0, 0, 0, 0, 0), 1);
        double e12 = meanError(m, new StaticErrors(12, 0, 0, 0, 0, 0), 1);
        assertTrue(e4 > 4 * e8 && e8 > 4 * e12 && e12 > 0, e4 + " " + e8 + " " + e12);
    }

    @Test
    void thermalCrosstalkAddsError() {
        Mesh m = clements(12, 5);
        double small = meanError(m, new StaticErrors(0, 0, 0, 0, 0, 0.001), 1);
        double big = meanError(m, new StaticErrors(0, 0, 0, 0, 0, 0.01), 1);
        assertTrue(small > 1e-4 && big > 3 * small, small + " " + big);
    }

    /** Error left after removing the best complex scale: ||T - a U|| / ||a U||, a = tr(U^+ T) / ||U||^2. */
    private static double shapeError(ComplexMatrix t, ComplexMatrix u) {
        ComplexMatrix p = u.adjoint().times(t);
        double ar = 0;
        double ai = 0;
        for (int i = 0; i < u.rows; i++) {
            ar += p.re(i, i);
            ai += p.im(i, i);
        }
        double nu = u.frobenius() * u.frobenius();
        ar /= nu;
        ai /= nu;
        ComplexMatrix scaled = new ComplexMatrix(u.rows, u.cols);
        for (int k = 0; k < u.re.length; k++) {
            scaled.re[k] = ar * u.re[k] - ai * u.im[k];
            scaled.im[k] = ar * u.im[k] + ai * u.re[k];
        }
        return t.relativeFrobeniusError(scaled);
    }

    @Test
    void uniformLossDistortsReckMuchMoreThanClements() {
        // Clements et al. (2016): paths through the rectangular mesh cross nearly the same number of MZIs, so
        // uniform loss is close to a global attenuation; in Reck's triangle path lengths run from 1 to 2N-3 MZIs
        int n = 16;
        ComplexMatrix u = ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, new SplittableRandom(8)), n, n);
        StaticErrors loss = new StaticErrors(0, 0, 0, 0.5, 0, 0);
        double clements = shapeError(RealizedMesh.sample(MeshDecomposition.clements(u), loss,
                new SplittableRandom(1)).transfer(), u);
        double reck = shapeError(RealizedMesh.sample(MeshDecomposition.reck(u), loss, new SplittableRandom(1))
                .transfer(), u);
        assertTrue(reck > 3 * clements, "reck " + reck + " clements " + clements);
        // and a lossy mesh never gains power: singular values of T at most 1 -> columns' norms at most 1
        ComplexMatrix t = RealizedMesh.sample(MeshDecomposition.reck(u), loss, new SplittableRandom(1)).transfer();
        for (int j = 0; j < n; j++) {
            double p = 0;
            for (int i = 0; i < n; i++) {
                p += t.re(i, j) * t.re(i, j) + t.im(i, j) * t.im(i, j);
            }
            assertTrue(p <= 1 + 1e-12);
        }
    }

    @Test
    void lossOfOneMziIsTenToTheMinusDbOverTwenty() {
        assertEquals(Math.sqrt(0.5), StaticErrors.amplitudeOfLossDb(10 * Math.log10(2)), 1e-12);
        assertEquals(1.0, StaticErrors.amplitudeOfLossDb(0)); // lossless meshes stay exactly unitary
        // against the power of ten itself: within an ulp for a mesh's losses, 1e-15 relative up to 40 dB
        for (double db = 0; db <= 40; db += 0.0137) {
            double want = StrictMath.pow(10, -db / 20);
            double tol = db <= 1 ? Math.ulp(want) : 1e-15 * want;
            assertEquals(want, StaticErrors.amplitudeOfLossDb(db), tol, db + " dB");
        }
    }
}
