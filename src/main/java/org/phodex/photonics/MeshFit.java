package org.phodex.photonics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits the phases of a non-universal mesh (butterfly, truncated rectangular) to approximate a target unitary:
 * minimize ||T(theta, phi, alpha) - U||_F^2 over every MZI's phases and the output phase screen alpha, with
 * analytic gradients (one forward sweep, O(N) per MZI plus one N^3 product) and L-BFGS until the relative error
 * reaches {@link #TARGET_ERROR}, the loss stops falling, or the iteration bound. Deterministic: the initial point
 * depends only on the layout and the target.
 */
public final class MeshFit {
    /**
     * Default iteration bound of the optimizer. 300 stopped a near-universal layout short (4 butterfly stacks on a
     * 16-mode orthogonal target: relative error 0.011 to 0.018 over three targets); 1000 reaches 1e-4 to 4e-4, and
     * layouts that cannot fit the target stop earlier on the plateau rule ({@link Lbfgs#PLATEAU_WINDOW}).
     */
    public static final int DEFAULT_ITERATIONS = 1000;
    /** Relative Frobenius error at which a fit stops: far below what 8-bit phases resolve. */
    public static final double TARGET_ERROR = 1e-4;

    /** A fitted mesh and its error ||T - U||_F / ||U||_F. */
    public record Result(Mesh mesh, double relativeError) {
    }

    private MeshFit() {
    }

    /** Fits {@code layout} to {@code target}; a rectangular layout starts from the Clements phases it keeps. */
    public static Result fit(MeshLayout layout, ComplexMatrix target, int maxIterations) {
        int m = layout.mziCount();
        int n = layout.modes();
        double[] x = new double[2 * m + n];
        if (layout.permutationBefore(0) == null && isRectangular(layout)) {
            clementsStart(layout, target, x);
        } else {
            SplittableRandom rng = new SplittableRandom(31L * target.hashCode() + layout.name().hashCode());
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.nextDouble(Phases.TWO_PI);
            }
        }
        Objective f = new Objective(layout, target);
        // loss = ||T - U||_F^2 and ||U||_F^2 = n for a unitary target: stop once the relative error is TARGET_ERROR
        double[] best = Lbfgs.minimize(f, x, maxIterations, TARGET_ERROR * TARGET_ERROR * n);
        Mesh mesh = f.mesh(best);
        double err = mesh.transfer().relativeFrobeniusError(target);
        return new Result(mesh, err);
    }

    private static boolean isRectangular(MeshLayout layout) {
        MeshLayout r = MeshLayout.rectangular(layout.modes(), layout.depth());
        if (r.mziCount() != layout.mziCount()) {
            return false;
        }
        for (int k = 0; k < r.mziCount(); k++) {
            if (r.column(k) != layout.column(k) || r.top(k) != layout.top(k)) {
                return false;
            }
        }
        return true;
    }

    private static void clementsStart(MeshLayout layout, ComplexMatrix target, double[] x) {
        Mesh c = MeshDecomposition.clements(target);
        int m = layout.mziCount();
        int n = layout.modes();
        for (int k = 0; k < m; k++) {
            x[k] = Math.PI; // bar state where the Clements mesh has no MZI
        }
        for (int j = 0; j < c.mziCount(); j++) {
            int col = c.layout().column(j);
            int top = c.layout().top(j);
            for (int k = 0; k < m; k++) {
                if (layout.column(k) == col && layout.top(k) == top) {
                    x[k] = c.theta(j);
                    x[m + k] = c.phi(j);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            x[2 * m + i] = c.outputPhase(i);
        }
    }

    /** Objective with gradient: x = [theta (m), phi (m), alpha (n)]. */
    static final class Objective implements Lbfgs.Function {
        private final MeshLayout layout;
        private final ComplexMatrix target;

        Objective(MeshLayout layout, ComplexMatrix target) {
            this.layout = layout;
            this.target = target;
        }

        Mesh mesh(double[] x) {
            int m = layout.mziCount();
            int n = layout.modes();
            return new Mesh(layout, wrapAll(Arrays.copyOfRange(x, 0, m)), wrapAll(Arrays.copyOfRange(x, m, 2 * m)),
                    wrapAll(Arrays.copyOfRange(x, 2 * m, 2 * m + n)));
        }

        private static double[] wrapAll(double[] a) {
            for (int i = 0; i < a.length; i++) {
                a[i] = Phases.wrap(a[i]);
            }
            return a;
        }

        @Override
        public double valueAndGradient(double[] x, double[] grad) {
            int m = layout.mziCount();
            int n = layout.modes();
            ComplexMatrix t = mesh(x).transfer();
            ComplexMatrix g = new ComplexMatrix(n, n);
            double loss = 0;
            for (int k = 0; k < n * n; k++) {
                g.re[k] = t.re[k] - target.re[k];
                g.im[k] = t.im[k] - target.im[k];
                loss += g.re[k] * g.re[k] + g.im[k] * g.im[k];
            }
            // output phases: dL/dalpha_i = -2 Im sum_j conj(G_ij) T_ij
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = i * n; j < (i + 1) * n; j++) {
                    s += g.re[j] * t.im[j] - g.im[j] * t.re[j];
                }
                grad[2 * m + i] = -2 * s;
            }
            // sweep in optical order with P = (elements so far) and Q = G^+ T P^-1 (then Q <- Q M_k^+)
            ComplexMatrix q = g.adjoint().times(t);
            ComplexMatrix p = ComplexMatrix.identity(n);
            double[] mz = new double[8];
            double[] adj = new double[8];
            double[] dth = new double[8];
            double[] dph = new double[8];
            int col = -1;
            for (int k = 0; k < m; k++) {
                while (col < layout.column(k)) {
                    col++;
                    int[] perm = layout.permutationBefore(col);
                    if (perm != null) {
                        MeshLayout.permuteRows(p, perm);
                        permuteColumns(q, perm);
                    }
                }
                int a = layout.top(k);
                double th = x[k];
                double ph = x[m + k];
                Mzi.transfer(th, ph, mz);
                Mzi.adjoint(mz, adj);
                Mzi.rotateColumns(q, a, a + 1, adj);
                idealDerivatives(th, ph, dth, dph);
                grad[k] = 2 * traceProduct(p, q, a, dth);
                grad[m + k] = 2 * traceProduct(p, q, a, dph);
                Mzi.rotateRows(p, a, a + 1, mz);
            }
            return loss;
        }

        /** Re sum_{i,j in block} X[j,i] dM[i,j], X = P Q restricted to the 2x2 block at (a, a+1). */
        private static double traceProduct(ComplexMatrix p, ComplexMatrix q, int a, double[] dm) {
            int n = p.cols;
            double s = 0;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double dr = dm[4 * i + 2 * j];
                    double di = dm[4 * i + 2 * j + 1];
                    if (dr == 0 && di == 0) {
                        continue;
                    }
                    // X[a+j][a+i] = sum_l P[a+j][l] Q[l][a+i]
                    double xr = 0;
                    double xi = 0;
                    int po = (a + j) * n;
                    for (int l = 0; l < n; l++) {
                        double pr = p.re[po + l], pi = p.im[po + l];
                        double qr = q.re[l * n + a + i], qi = q.im[l * n + a + i];
                        xr += pr * qr - pi * qi;
                        xi += pr * qi + pi * qr;
                    }
                    s += xr * dr - xi * di;
                }
            }
            return s;
        }

        private static void permuteColumns(ComplexMatrix q, int[] perm) {
            int n = q.cols;
            double[] r = new double[n];
            double[] im = new double[n];
            for (int l = 0; l < q.rows; l++) {
                for (int i = 0; i < n; i++) {
                    r[i] = q.re[l * n + perm[i]];
                    im[i] = q.im[l * n + perm[i]];
                }
                System.arraycopy(r, 0, q.re, l * n, n);
                System.arraycopy(im, 0, q.im, l * n, n);
            }
        }

        /**
         * Derivatives of the ideal MZI (M00 = e^{i phi}(e^{i theta} - 1)/2, M01 = i(e^{i theta} + 1)/2,
         * M10 = i e^{i phi}(e^{i theta} + 1)/2, M11 = (1 - e^{i theta})/2) by theta and by phi.
         */
        private static void idealDerivatives(double th, double ph, double[] dth, double[] dph) {
            double ct = Math.cos(th), st = Math.sin(th);
            double cp = Math.cos(ph + th), sp = Math.sin(ph + th);
            // dM00/dtheta = i e^{i(phi+theta)}/2
            dth[0] = -sp / 2;
            dth[1] = cp / 2;
            // dM01/dtheta = -e^{i theta}/2
            dth[2] = -ct / 2;
            dth[3] = -st / 2;
            // dM10/dtheta = -e^{i(phi+theta)}/2
            dth[4] = -cp / 2;
            dth[5] = -sp / 2;
            // dM11/dtheta = -i e^{i theta}/2
            dth[6] = st / 2;
            dth[7] = -ct / 2;
            // dM/dphi: i times the first column, zero second column
            double[] mz = new double[8];
            Mzi.transfer(th, ph, mz);
            dph[0] = -mz[1];
            dph[1] = mz[0];
            dph[2] = 0;
            dph[3] = 0;
            dph[4] = -mz[5];
            dph[5] = mz[4];
            dph[6] = 0;
            dph[7] = 0;
        }
    }
}
