package org.phodex.photonics;

import java.util.Arrays;

/**
 * A dense complex matrix on two primitive arrays: {@code re} and {@code im}, each {@code rows x cols}
 * row-major (element (i, j) at {@code i * cols + j}). Mutable on purpose: the mesh kernels rotate its rows in
 * place. Copy before sharing.
 */
public final class ComplexMatrix {
    public final int rows;
    public final int cols;
    public final double[] re;
    public final double[] im;

    public ComplexMatrix(int rows, int cols) {
        this(rows, cols, new double[rows * cols], new double[rows * cols]);
    }

    public ComplexMatrix(int rows, int cols, double[] re, double[] im) {
        if (re.length != rows * cols || im.length != rows * cols) {
            throw new IllegalArgumentException("arrays do not hold " + rows + " x " + cols + " elements");
        }
        this.rows = rows;
        this.cols = cols;
        this.re = re;
        this.im = im;
    }

    public static ComplexMatrix identity(int n) {
        ComplexMatrix m = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.re[i * n + i] = 1;
        }
        return m;
    }

    /** A real matrix (row-major {@code rows x cols}) as a complex one; the array is copied. */
    public static ComplexMatrix ofReal(double[] a, int rows, int cols) {
        return new ComplexMatrix(rows, cols, a.clone(), new double[rows * cols]);
    }

    public ComplexMatrix copy() {
        return new ComplexMatrix(rows, cols, re.clone(), im.clone());
    }

    public double re(int i, int j) {
        return re[i * cols + j];
    }

    public double im(int i, int j) {
        return im[i * cols + j];
    }

    public void set(int i, int j, double r, double m) {
        re[i * cols + j] = r;
        im[i * cols + j] = m;
    }

    /** this * b (plain triple loop; for set-up work, not for hot loops over a batch). */
    public ComplexMatrix times(ComplexMatrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("shapes " + rows + "x" + cols + " and " + b.rows + "x" + b.cols);
        }
        ComplexMatrix c = new ComplexMatrix(rows, b.cols);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double ar = re[i * cols + k];
                double ai = im[i * cols + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                int bo = k * b.cols;
                int co = i * b.cols;
                for (int j = 0; j < b.cols; j++) {
                    double br = b.re[bo + j];
                    double bi = b.im[bo + j];
                    c.re[co + j] += ar * br - ai * bi;
                    c.im[co + j] += ar * bi + ai * br;
                }
            }
        }
        return c;
    }

    /** Conjugate transpose. */
    public ComplexMatrix adjoint() {
        ComplexMatrix c = new ComplexMatrix(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c.re[j * rows + i] = re[i * cols + j];
                c.im[j * rows + i] = -im[i * cols + j];
            }
        }
        return c;
    }

    /** Largest |a_ij - b_ij| (complex modulus). */
    public double maxAbsDiff(ComplexMatrix b) {
        if (rows != b.rows || cols != b.cols) {
            throw new IllegalArgumentException("shapes differ");
        }
        double m = 0;
        for (int k = 0; k < re.length; k++) {
            m = Math.max(m, Math.hypot(re[k] - b.re[k], im[k] - b.im[k]));
        }
        return m;
    }

    /** Frobenius norm. */
    public double frobenius() {
        double s = 0;
        for (int k = 0; k < re.length; k++) {
            s += re[k] * re[k] + im[k] * im[k];
        }
        return Math.sqrt(s);
    }

    /** ||this - b||_F / ||b||_F. */
    public double relativeFrobeniusError(ComplexMatrix b) {
        double d = 0;
        for (int k = 0; k < re.length; k++) {
            double x = re[k] - b.re[k];
            double y = im[k] - b.im[k];
            d += x * x + y * y;
        }
        return Math.sqrt(d) / b.frobenius();
    }

    /** Largest |(A A^dagger - I)_ij|: how far the matrix is from unitary. */
    public double unitarityError() {
        if (rows != cols) {
            return Double.POSITIVE_INFINITY;
        }
        return times(adjoint()).maxAbsDiff(identity(rows));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.re, re)
                && Arrays.equals(m.im, im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
    }
}
