package org.phodex.photonics;

/**
 * One chip's SVD tile: input mesh V, the attenuators' actual complex transmissions (top input to top
 * output), output mesh U, and the digital rescale. The optical transfer is T = U diag(a) V; the tile computes
 * scale * T on its (normalized) input.
 */
public record RealizedSvdTile(RealizedMesh v, double[] attenuatorRe, double[] attenuatorIm, RealizedMesh u,
        double scale) {

    /** T = U diag(a) V built with in-place row rotations: O(N^2) per MZI column, no N^3 product. */
    public ComplexMatrix transfer() {
        int n = attenuatorRe.length;
        ComplexMatrix m = ComplexMatrix.identity(n);
        v.applyTo(m);
        for (int i = 0; i < n; i++) {
            double ar = attenuatorRe[i];
            double ai = attenuatorIm[i];
            for (int j = i * n; j < (i + 1) * n; j++) {
                double r = m.re[j];
                double im = m.im[j];
                m.re[j] = ar * r - ai * im;
                m.im[j] = ar * im + ai * r;
            }
        }
        u.applyTo(m);
        return m;
    }

    /** Re(T), n x n row-major: what homodyne detection reads. */
    public double[] transferRe() {
        return transfer().re;
    }
}
