package org.phodex.train;

import org.phodex.sim.Kernels;
import org.phodex.sim.Parallel;

/**
 * The matrix products of the autodiff on row-major {@code double[]}, on the simulator's blocked product kernel
 * ({@link Kernels#multiply}), split by rows over the cores. Every output element is the same fma chain over the
 * inner index in order whatever the split, so results never depend on the number of threads. Each kernel has a
 * slow triple-loop twin in the tests.
 */
final class Dense {
    /** Products smaller than this many multiply-adds run on the calling thread only. */
    private static final long PARALLEL_MACS = 1 << 18;
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Dense() {
    }

    /** y = a b: a {@code m x k}, b {@code k x n}, y {@code m x n} (overwritten). */
    static void mul(double[] a, int m, int k, double[] b, int n, double[] y) {
        int chunks = (long) m * k * n < PARALLEL_MACS ? 1 : Math.min(THREADS, m);
        if (chunks <= 1) {
            Kernels.multiply(a, 0, m, k, b, n, 0, n, y, new int[k]);
            return;
        }
        Parallel.forEach(chunks, chunks, c -> {
            int r0 = (int) ((long) m * c / chunks);
            int r1 = (int) ((long) m * (c + 1) / chunks);
            double[] part = new double[(r1 - r0) * n];
            Kernels.multiply(a, r0 * k, r1 - r0, k, b, n, 0, n, part, new int[k]);
            System.arraycopy(part, 0, y, r0 * n, part.length);
        });
    }

    /** y = a b^T: a {@code m x k}, b {@code n x k}. */
    static double[] mulT(double[] a, int m, int k, double[] b, int n) {
        double[] y = new double[m * n];
        mul(a, m, k, transpose(b, n, k), n, y);
        return y;
    }

    /** y = a^T b: a {@code k x m}, b {@code k x n}, y {@code m x n}. */
    static double[] tMul(double[] a, int k, int m, double[] b, int n) {
        double[] y = new double[m * n];
        mul(transpose(a, k, m), m, k, b, n, y);
        return y;
    }

    /** The transpose of an {@code rows x cols} matrix. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        transpose(a, 0, rows, cols, t, 0);
        return t;
    }

    static void transpose(double[] a, int aOff, int rows, int cols, double[] t, int tOff) {
        for (int r = 0; r < rows; r++) {
            int ro = aOff + r * cols;
            for (int c = 0; c < cols; c++) {
                t[tOff + c * rows + r] = a[ro + c];
            }
        }
    }

    /** y += a b for small blocks at offsets: a {@code m x k}, b {@code k x n}, y {@code m x n}; plain loops. */
    static void addMul(double[] a, int ao, int m, int k, double[] b, int bo, int n, double[] y, int yo) {
        for (int i = 0; i < m; i++) {
            int yi = yo + i * n;
            for (int j = 0; j < k; j++) {
                double v = a[ao + i * k + j];
                if (v == 0) {
                    continue;
                }
                int bj = bo + j * n;
                for (int c = 0; c < n; c++) {
                    y[yi + c] += v * b[bj + c];
                }
            }
        }
    }

    /** y += a b^T for small blocks: a {@code m x k}, b {@code n x k}; each element a dot product in order. */
    static void addMulT(double[] a, int ao, int m, int k, double[] b, int bo, int n, double[] y, int yo) {
        for (int i = 0; i < m; i++) {
            int ai = ao + i * k;
            for (int c = 0; c < n; c++) {
                int bc = bo + c * k;
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += a[ai + j] * b[bc + j];
                }
                y[yo + i * n + c] += s;
            }
        }
    }

    /** y += a^T b for small blocks: a {@code k x m}, b {@code k x n}, y {@code m x n}. */
    static void addTMul(double[] a, int ao, int k, int m, double[] b, int bo, int n, double[] y, int yo) {
        for (int j = 0; j < k; j++) {
            int aj = ao + j * m;
            int bj = bo + j * n;
            for (int i = 0; i < m; i++) {
                double v = a[aj + i];
                if (v == 0) {
                    continue;
                }
                int yi = yo + i * n;
                for (int c = 0; c < n; c++) {
                    y[yi + c] += v * b[bj + c];
                }
            }
        }
    }

    /** Calls {@code body} for 0..n-1 on the cores when {@code work} (multiply-adds) is large enough. */
    static void forEach(int n, long work, java.util.function.IntConsumer body) {
        Parallel.forEach(n, work < PARALLEL_MACS ? 1 : THREADS, body);
    }
}
