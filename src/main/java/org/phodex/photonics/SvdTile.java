package org.phodex.photonics;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A real n x n weight tile mapped on MZI hardware by its SVD, W = U S V^T: V^T on the input mesh, S on a
 * column of n attenuating MZIs, U on the output mesh. The optics can only attenuate, so the singular values
 * are divided by the largest one, {@link #scale()}, which the electronics multiplies back after detection.
 * Immutable (the nominal programming; a chip sample is a {@link RealizedSvdTile}).
 *
 * @param u           mesh programmed to U
 * @param v           mesh programmed to V^T
 * @param attenuation s_i / s_max in [0, 1]
 * @param scale       s_max (0 for an all-zero tile)
 * @param fitError    mean relative Frobenius error of the two mesh programmings (0 for universal meshes)
 */
public record SvdTile(Mesh u, Mesh v, double[] attenuation, double scale, double fitError) {

    public static SvdTile program(double[] w, int n, MeshProgrammer programmer) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(w, i * n, rows[i], 0, n);
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(rows));
        double[] s = svd.getSingularValues();
        double scale = s[0];
        double[] att = new double[n];
        for (int i = 0; i < n; i++) {
            att[i] = scale > 0 ? s[i] / scale : 0;
        }
        MeshFit.Result fu = programmer.program(real(svd.getU()));
        MeshFit.Result fv = programmer.program(real(svd.getVT()));
        return new SvdTile(fu.mesh(), fv.mesh(), att, scale, (fu.relativeError() + fv.relativeError()) / 2);
    }

    private static ComplexMatrix real(RealMatrix m) {
        int n = m.getRowDimension();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = m.getEntry(i, j);
            }
        }
        return ComplexMatrix.ofReal(a, n, n);
    }

    public int size() {
        return attenuation.length;
    }

    /** One chip sample of this tile: the same error model on both meshes and the attenuator column. */
    public RealizedSvdTile realize(StaticErrors errors, RandomGenerator rng) {
        RealizedMesh rv = RealizedMesh.sample(v, errors, rng);
        int n = size();
        double[] th = new double[n];
        double[] ph = new double[n];
        int[] above = new int[n];
        int[] below = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = Mzi.attenuatorPhases(attenuation[i]);
            th[i] = p[0];
            ph[i] = p[1];
            above[i] = i - 1;
            below[i] = i + 1 < n ? i + 1 : -1;
        }
        double[] thO = new double[n];
        double[] phO = new double[n];
        double[] r1 = new double[n];
        double[] r2 = new double[n];
        double[] amp = new double[n];
        errors.sampleMzis(th, ph, above, below, rng, thO, phO, r1, r2, amp);
        double[] aRe = new double[n];
        double[] aIm = new double[n];
        double[] t = new double[8];
        for (int i = 0; i < n; i++) {
            Mzi.transfer(thO[i], phO[i], r1[i], r2[i], amp[i], t);
            aRe[i] = t[0];
            aIm[i] = t[1];
        }
        RealizedMesh ru = RealizedMesh.sample(u, errors, rng);
        return new RealizedSvdTile(rv, aRe, aIm, ru, scale);
    }
}
