package org.phodex.photonics;

/**
 * Reverse-mode gradient of a realized SVD tile T = U diag(c) V (the meshes and attenuators as one chip realizes
 * them, butterfly, truncated and Clements layouts alike) with respect to every MZI's internal and external phase,
 * the output phase screens and the attenuators' amplitudes, for a loss that depends on what homodyne detection
 * reads: L = sum_ij G_ij Re(T_ij), G the upstream gradient dL/dRe(T).
 *
 * <p>Each mesh is swept backwards once, optical element by optical element: the element's input is recovered from
 * its output (an MZI is its loss times a unitary 2x2, so its inverse is M^H / a^2), the element's parameters get
 * Re sum conj(Ybar) dM X, and the upstream gradient moves on as M^H Ybar. O(N) per MZI plus three N^3 products for
 * the tile, the cost of one forward pass (the adjoint method of in-situ training, Hughes et al., Optica 5, 864
 * (2018); the phase-domain training of Gu et al., ADEPT, DAC 2022).
 *
 * <p>Derivatives are taken at the realized phases: a chip's phase errors are fixed offsets, so d/dtheta of the
 * realized phase equals d/dtheta of the written one; phase quantization and the attenuators' errors are passed
 * straight through (the straight-through estimator, Bengio et al., arXiv:1308.3432).
 */
public final class TileGradient {

    private TileGradient() {
    }

    /**
     * Gradients of one mesh's parameters.
     *
     * @param theta       by each MZI's internal phase, in the layout's order
     * @param phi         by each MZI's external phase
     * @param outputPhase by each output phase shifter
     */
    public record MeshGradient(double[] theta, double[] phi, double[] outputPhase) {
    }

    /**
     * Gradients of one tile.
     *
     * @param attenuation by each attenuator's amplitude (the real part of its transmission)
     */
    public record Result(MeshGradient u, MeshGradient v, double[] attenuation) {
    }

    /**
     * dL/dparameters for L = sum_ij g_ij Re(T_ij).
     *
     * @param g upstream gradient, n x n row-major
     */
    public static Result of(RealizedSvdTile tile, double[] g) {
        int n = tile.attenuatorRe().length;
        if (g.length != n * n) {
            throw new IllegalArgumentException("gradient holds " + g.length + " values, tile is " + n + " x " + n);
        }
        double[] cr = tile.attenuatorRe();
        double[] ci = tile.attenuatorIm();
        ComplexMatrix vm = tile.v().transfer();
        ComplexMatrix um = tile.u().transfer();
        ComplexMatrix z = vm.copy();
        scaleRows(z, cr, ci, false);
        ComplexMatrix a = ComplexMatrix.ofReal(g, n, n);
        // T = Um Z: dL = Re tr(A^H dUm Z) = Re tr((A Z^H)^H dUm)
        MeshGradient gu = mesh(tile.u(), um, a.times(z.adjoint()));
        // Zbar = Um^H A; dL/dc_i = Re sum_j conj(Zbar_ij) Vm_ij; Vbar = C^H Zbar
        ComplexMatrix zb = um.adjoint().times(a);
        double[] ga = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i * n; j < (i + 1) * n; j++) {
                s += zb.re[j] * vm.re[j] + zb.im[j] * vm.im[j];
            }
            ga[i] = s;
        }
        scaleRows(zb, cr, ci, true);
        MeshGradient gv = mesh(tile.v(), vm, zb);
        return new Result(gu, gv, ga);
    }

    /** Row i of m times c_i (or conj(c_i)). */
    private static void scaleRows(ComplexMatrix m, double[] cr, double[] ci, boolean conjugate) {
        int n = m.cols;
        for (int i = 0; i < m.rows; i++) {
            double ar = cr[i];
            double ai = conjugate ? -ci[i] : ci[i];
            for (int j = i * n; j < (i + 1) * n; j++) {
                double r = m.re[j];
                double im = m.im[j];
                m.re[j] = ar * r - ai * im;
                m.im[j] = ar * im + ai * r;
            }
        }
    }

    /**
     * Gradients of a mesh's parameters for dL = Re tr(A^H dT), T its transfer (as {@link RealizedMesh#transfer()}
     * gives it). Neither argument is modified.
     */
    public static MeshGradient mesh(RealizedMesh mesh, ComplexMatrix transfer, ComplexMatrix upstream) {
        MeshLayout l = mesh.layout();
        int n = l.modes();
        int count = l.mziCount();
        ComplexMatrix y = transfer.copy();
        ComplexMatrix yb = upstream.copy();
        double[] gTheta = new double[count];
        double[] gPhi = new double[count];
        double[] gOut = new double[n];
        // output screen y = e^{i alpha} x: dL/dalpha_i = Re sum_j conj(yb_ij) i y_ij
        for (int i = 0; i < n; i++) {
            double c = Math.cos(mesh.outputPhase(i));
            double s = Math.sin(mesh.outputPhase(i));
            double sum = 0;
            for (int j = i * n; j < (i + 1) * n; j++) {
                sum += yb.im[j] * y.re[j] - yb.re[j] * y.im[j];
                rotate(y, j, c, -s);
                rotate(yb, j, c, -s);
            }
            gOut[i] = sum;
        }
        int lastColumn = count == 0 ? -1 : l.column(count - 1);
        for (int c = l.depth() - 1; c > lastColumn; c--) {
            unpermute(y, yb, l.permutationBefore(c));
        }
        double idle = mesh.idleAmplitude();
        double[] m = new double[8];
        double[] adj = new double[8];
        double[] dTheta = new double[8];
        double[] dPhi = new double[8];
        boolean[] busy = new boolean[n];
        int k = count - 1;
        for (int c = lastColumn; c >= 0; c--) {
            int end = k;
            while (k >= 0 && l.column(k) == c) {
                busy[l.top(k)] = true;
                busy[l.top(k) + 1] = true;
                k--;
            }
            if (idle != 1) {
                for (int i = 0; i < n; i++) {
                    if (!busy[i]) {
                        for (int j = i * n; j < (i + 1) * n; j++) {
                            y.re[j] /= idle;
                            y.im[j] /= idle;
                            yb.re[j] *= idle;
                            yb.im[j] *= idle;
                        }
                    }
                }
            }
            java.util.Arrays.fill(busy, false);
            for (int q = end; q > k; q--) {
                int a = l.top(q);
                mesh.mziTransfer(q, m);
                Mzi.adjoint(m, adj);
                double amp = mesh.mziAmplitude(q);
                for (int e = 0; e < 8; e++) {
                    m[e] = adj[e] / (amp * amp); // the inverse
                }
                Mzi.rotateRows(y, a, a + 1, m);
                mesh.mziDerivatives(q, dTheta, dPhi);
                gTheta[q] = reInner(yb, y, a, dTheta);
                gPhi[q] = reInner(yb, y, a, dPhi);
                Mzi.rotateRows(yb, a, a + 1, adj);
            }
            unpermute(y, yb, l.permutationBefore(c));
        }
        return new MeshGradient(gTheta, gPhi, gOut);
    }

    /** Element j of m times (c + i s). */
    private static void rotate(ComplexMatrix m, int j, double c, double s) {
        double r = m.re[j];
        double im = m.im[j];
        m.re[j] = c * r - s * im;
        m.im[j] = c * im + s * r;
    }

    /** Undoes "row i becomes old row perm[i]" on both matrices (a permutation's adjoint is its inverse). */
    private static void unpermute(ComplexMatrix y, ComplexMatrix yb, int[] perm) {
        if (perm == null) {
            return;
        }
        for (ComplexMatrix m : new ComplexMatrix[] {y, yb}) {
            double[] re = m.re.clone();
            double[] im = m.im.clone();
            int n = m.cols;
            for (int i = 0; i < perm.length; i++) {
                System.arraycopy(re, i * n, m.re, perm[i] * n, n);
                System.arraycopy(im, i * n, m.im, perm[i] * n, n);
            }
        }
    }

    /** Re sum over rows a, a+1 and all columns of conj(yb) (dM x), dM a 2x2 written as by {@link Mzi#transfer}. */
    private static double reInner(ComplexMatrix yb, ComplexMatrix x, int a, double[] d) {
        int n = x.cols;
        int oa = a * n;
        int ob = oa + n;
        double s = 0;
        for (int j = 0; j < n; j++) {
            double xar = x.re[oa + j], xai = x.im[oa + j];
            double xbr = x.re[ob + j], xbi = x.im[ob + j];
            double r0r = d[0] * xar - d[1] * xai + d[2] * xbr - d[3] * xbi;
            double r0i = d[0] * xai + d[1] * xar + d[2] * xbi + d[3] * xbr;
            double r1r = d[4] * xar - d[5] * xai + d[6] * xbr - d[7] * xbi;
            double r1i = d[4] * xai + d[5] * xar + d[6] * xbi + d[7] * xbr;
            s += yb.re[oa + j] * r0r + yb.im[oa + j] * r0i + yb.re[ob + j] * r1r + yb.im[ob + j] * r1i;
        }
        return s;
    }
}
