package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeshFitTest {

    @Test
    void analyticGradientMatchesCentralDifferences() {
        for (MeshLayout layout : new MeshLayout[] {MeshLayout.butterfly(8, 2), MeshLayout.rectangular(5, 3)}) {
            int n = layout.modes();
            ComplexMatrix u = ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, new SplittableRandom(3)), n, n);
            MeshFit.Objective f = new MeshFit.Objective(layout, u);
            SplittableRandom rng = new SplittableRandom(4);
            double[] x = new double[2 * layout.mziCount() + n];
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.nextDouble(2 * Math.PI);
            }
            double[] g = new double[x.length];
            f.valueAndGradient(x, g);
            double h = 1e-6;
            double[] scratch = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[k] += h;
                xm[k] -= h;
                double fd = (f.valueAndGradient(xp, scratch) - f.valueAndGradient(xm, scratch)) / (2 * h);
                assertEquals(fd, g[k], 1e-6, layout.name() + " parameter " + k);
            }
        }
    }

    @Test
    void optimizerFindsAnExactSolutionWhenOneExists() {
        // a 4-mode rectangular mesh with 4 columns is universal; fit from a random start (not the Clements one)
        MeshLayout layout = MeshLayout.rectangular(4, 4);
        ComplexMatrix u = RandomMatrices.unitary(4, new SplittableRandom(9));
        MeshFit.Objective f = new MeshFit.Objective(layout, u);
        SplittableRandom rng = new SplittableRandom(10);
        double[] x = new double[2 * layout.mziCount() + 4];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble(2 * Math.PI);
        }
        Mesh mesh = f.mesh(Lbfgs.minimize(f, x, 2000));
        assertTrue(mesh.transfer().relativeFrobeniusError(u) < 1e-6, "" + mesh.transfer().relativeFrobeniusError(u));
    }

    @Test
    void butterflyIsNotUniversalAndMoreStacksHelp() {
        int n = 16;
        ComplexMatrix u = ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, new SplittableRandom(5)), n, n);
        MeshFit.Result one = MeshFit.fit(MeshLayout.butterfly(n, 1), u, MeshFit.DEFAULT_ITERATIONS);
        MeshFit.Result three = MeshFit.fit(MeshLayout.butterfly(n, 3), u, MeshFit.DEFAULT_ITERATIONS);
        // 1 stack has 2 * 32 + 16 = 80 real parameters for a 120-dimensional orthogonal group: cannot be exact
        assertTrue(one.relativeError() > 0.1, "1 stack error " + one.relativeError());
        assertTrue(three.relativeError() < 0.8 * one.relativeError(),
                "3 stacks " + three.relativeError() + " vs 1 stack " + one.relativeError());
        assertEquals(one.relativeError(), one.mesh().transfer().relativeFrobeniusError(u), 1e-12);
    }

    @Test
    void truncatedMeshIsExactWithAllColumnsAndWorseWithFewer() {
        int n = 12;
        ComplexMatrix u = ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, new SplittableRandom(6)), n, n);
        double full = MeshFit.fit(MeshLayout.rectangular(n, n), u, MeshFit.DEFAULT_ITERATIONS).relativeError();
        double eight = MeshFit.fit(MeshLayout.rectangular(n, 8), u, MeshFit.DEFAULT_ITERATIONS).relativeError();
        double four = MeshFit.fit(MeshLayout.rectangular(n, 4), u, MeshFit.DEFAULT_ITERATIONS).relativeError();
        assertTrue(full < 1e-8, "full " + full);
        assertTrue(eight > 1e-3 && four > eight, "8 columns " + eight + ", 4 columns " + four);
    }

    @Test
    void fourButterflyStacksFitASixteenModeOrthogonalTargetClosely() {
        // 4 stacks: 2 * 128 + 16 = 272 real parameters for the 256-dimensional U(16); the fit used to stop at
        // 0.0145 (300 iterations) where 4e-4 is reachable
        int n = 16;
        ComplexMatrix u = ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, new SplittableRandom(7)), n, n);
        MeshFit.Result r = MeshFit.fit(MeshLayout.butterfly(n, 4), u, MeshFit.DEFAULT_ITERATIONS);
        assertTrue(r.relativeError() < 1e-3, "4 stacks " + r.relativeError());
        assertEquals(r.relativeError(), r.mesh().transfer().relativeFrobeniusError(u), 1e-12);
    }
}
