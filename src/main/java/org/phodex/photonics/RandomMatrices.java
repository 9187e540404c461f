package org.phodex.photonics;

import java.util.random.RandomGenerator;

/** Haar-random orthogonal and unitary matrices (QR of a Gaussian matrix with the phases of R's diagonal fixed). */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    /** A random real orthogonal n x n matrix, row-major. */
    public static double[] orthogonal(int n, RandomGenerator rng) {
        ComplexMatrix g = new ComplexMatrix(n, n);
        for (int k = 0; k < n * n; k++) {
            g.re[k] = rng.nextGaussian();
        }
        return gramSchmidtColumns(g).re;
    }

    /** A random complex unitary n x n matrix. */
    public static ComplexMatrix unitary(int n, RandomGenerator rng) {
        ComplexMatrix g = new ComplexMatrix(n, n);
        for (int k = 0; k < n * n; k++) {
            g.re[k] = rng.nextGaussian();
            g.im[k] = rng.nextGaussian();
        }
        return gramSchmidtColumns(g);
    }

    /**
     * Orthonormalizes the columns in order (modified Gram-Schmidt, twice for accuracy): Q of the QR
     * decomposition with R's diagonal positive, which makes Q Haar-distributed for a Gaussian input.
     */
    private static ComplexMatrix gramSchmidtColumns(ComplexMatrix a) {
        int n = a.rows;
        double[] re = a.re;
        double[] im = a.im;
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    // <q_p, a_j> = sum conj(q_p) a_j
                    double dr = 0;
                    double di = 0;
                    for (int i = 0; i < n; i++) {
                        double qr = re[i * n + p], qi = im[i * n + p];
                        double xr = re[i * n + j], xi = im[i * n + j];
                        dr += qr * xr + qi * xi;
                        di += qr * xi - qi * xr;
                    }
                    for (int i = 0; i < n; i++) {
                        double qr = re[i * n + p], qi = im[i * n + p];
                        re[i * n + j] -= dr * qr - di * qi;
                        im[i * n + j] -= dr * qi + di * qr;
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += re[i * n + j] * re[i * n + j] + im[i * n + j] * im[i * n + j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                re[i * n + j] /= norm;
                im[i * n + j] /= norm;
            }
        }
        return a;
    }
}
