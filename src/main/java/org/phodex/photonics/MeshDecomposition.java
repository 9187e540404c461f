package org.phodex.photonics;

/**
 * Decomposition of an N x N unitary into a universal MZI mesh plus an output phase screen.
 *
 * <p>Clements et al., Optica 3, 1460 (2016): null the matrix alternately from the right (T^-1 on columns) and
 * from the left (T on rows) along anti-diagonals, then move the left MZIs through the diagonal. Rectangular,
 * depth N. Reck et al., PRL 73, 58 (1994): null row by row from the right only; triangular, depth 2N-3.
 * Both give N(N-1)/2 MZIs. MZI convention: {@link Mzi}.
 */
public final class MeshDecomposition {
    private MeshDecomposition() {
    }

    public static Mesh clements(ComplexMatrix target) {
        int n = checkSquare(target);
        ComplexMatrix u = target.copy();
        int count = n * (n - 1) / 2;
        int[] rTop = new int[count];
        double[] rTheta = new double[count];
        double[] rPhi = new double[count];
        int nr = 0;
        int[] lTop = new int[count];
        double[] lTheta = new double[count];
        double[] lPhi = new double[count];
        int nl = 0;
        double[] t = new double[8];
        double[] tAdj = new double[8];
        for (int i = 1; i < n; i++) {
            if (i % 2 == 1) {
                for (int j = 0; j < i; j++) {
                    int r = n - 1 - j;
                    int k = i - 1 - j;
                    nullFromRight(u, r, k, rTheta, rPhi, nr, t, tAdj);
                    rTop[nr++] = k;
                }
            } else {
                for (int j = 1; j <= i; j++) {
                    int r = n + j - i - 1;
                    int c = j - 1;
                    // null u[r][c] with u <- M u on rows (r-1, r): e^{i phi} c a = s b
                    double ar = u.re(r - 1, c), ai = u.im(r - 1, c), br = u.re(r, c), bi = u.im(r, c);
                    double th = 2 * Math.atan2(Math.hypot(ar, ai), Math.hypot(br, bi));
                    double ph = Phases.wrap(Math.atan2(bi, br) - Math.atan2(ai, ar));
                    Mzi.transfer(th, ph, t);
                    Mzi.rotateRows(u, r - 1, r, t);
                    lTop[nl] = r - 1;
                    lTheta[nl] = th;
                    lPhi[nl++] = ph;
                }
            }
        }
        // u is now diagonal D: target = L1^+ ... Lk^+ D Rm ... R1. Move D left through each L^+:
        // M^+(th, ph) diag(d1, d2) = diag(d1', d2') M(th, ph') with ph' = arg(d1/d2),
        // d1' = -e^{-i th} e^{-i ph} d2, d2' = -e^{-i th} d2.
        double[] dRe = new double[n];
        double[] dIm = new double[n];
        for (int m = 0; m < n; m++) {
            dRe[m] = u.re(m, m);
            dIm[m] = u.im(m, m);
        }
        double[] pTheta = new double[nl];
        double[] pPhi = new double[nl];
        for (int q = nl - 1; q >= 0; q--) {
            int a = lTop[q];
            double th = lTheta[q];
            double ph = lPhi[q];
            double a1 = Math.atan2(dIm[a], dRe[a]);
            double a2 = Math.atan2(dIm[a + 1], dRe[a + 1]);
            double m2 = Math.hypot(dRe[a + 1], dIm[a + 1]);
            double m1 = Math.hypot(dRe[a], dIm[a]);
            pTheta[q] = th;
            pPhi[q] = Phases.wrap(a1 - a2);
            // -e^{-i th} e^{-i ph} d2 and -e^{-i th} d2 (a rotation of d2 by pi - th - ph, pi - th)
            double n1 = Math.PI - th - ph + a2;
            double n2 = Math.PI - th + a2;
            // the magnitudes stay on their modes when D is unitary; keep |d1| on mode a for robustness
            dRe[a] = m1 * Math.cos(n1);
            dIm[a] = m1 * Math.sin(n1);
            dRe[a + 1] = m2 * Math.cos(n2);
            dIm[a + 1] = m2 * Math.sin(n2);
        }
        // optical order: R1 .. Rm, then the moved left MZIs from the last nulled to the first
        int[] top = new int[count];
        double[] theta = new double[count];
        double[] phi = new double[count];
        int k = 0;
        for (int q = 0; q < nr; q++, k++) {
            top[k] = rTop[q];
            theta[k] = rTheta[q];
            phi[k] = rPhi[q];
        }
        for (int q = nl - 1; q >= 0; q--, k++) {
            top[k] = lTop[q];
            theta[k] = pTheta[q];
            phi[k] = pPhi[q];
        }
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            out[m] = Phases.wrap(Math.atan2(dIm[m], dRe[m]));
        }
        return build("clements", true, n, top, theta, phi, out);
    }

    /**
     * Nulls u[r][k] with u <- u M^dagger on columns (k, k+1), where e^{-i phi} s a + c b = 0; stores the MZI's
     * phases at index i of theta and phi. t and tAdj are scratch (8 values each).
     */
    private static void nullFromRight(ComplexMatrix u, int r, int k, double[] theta, double[] phi, int i, double[] t,
                                      double[] tAdj) {
        double ar = u.re(r, k), ai = u.im(r, k), br = u.re(r, k + 1), bi = u.im(r, k + 1);
        double th = 2 * Math.atan2(Math.hypot(br, bi), Math.hypot(ar, ai));
        double ph = Phases.wrap(Math.atan2(ai, ar) - Math.atan2(bi, br) + Math.PI);
        Mzi.transfer(th, ph, t);
        Mzi.adjoint(t, tAdj);
        Mzi.rotateColumns(u, k, k + 1, tAdj);
        theta[i] = th;
        phi[i] = ph;
    }

    public static Mesh reck(ComplexMatrix target) {
        int n = checkSquare(target);
        ComplexMatrix u = target.copy();
        int count = n * (n - 1) / 2;
        int[] top = new int[count];
        double[] theta = new double[count];
        double[] phi = new double[count];
        double[] t = new double[8];
        double[] tAdj = new double[8];
        int k = 0;
        for (int r = n - 1; r >= 1; r--) {
            for (int j = 0; j < r; j++) {
                nullFromRight(u, r, j, theta, phi, k, t, tAdj);
                top[k++] = j;
            }
        }
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            out[m] = Phases.wrap(Math.atan2(u.im(m, m), u.re(m, m)));
        }
        return build("reck", false, n, top, theta, phi, out);
    }

    private static Mesh build(String name, boolean balanced, int n, int[] top, double[] theta, double[] phi,
                              double[] out) {
        MeshLayout layout = MeshLayout.fromSequence(name, balanced, n, top);
        int[] order = MeshLayout.sequenceOrder(n, top);
        double[] th = new double[order.length];
        double[] ph = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            th[k] = theta[order[k]];
            ph[k] = phi[order[k]];
        }
        return new Mesh(layout, th, ph, out);
    }

    private static int checkSquare(ComplexMatrix m) {
        if (m.rows != m.cols || m.rows < 2) {
            throw new IllegalArgumentException("need a square matrix of size >= 2, got " + m.rows + " x " + m.cols);
        }
        return m.rows;
    }
}
