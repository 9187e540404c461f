package org.phodex.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fast products against slow triple loops, on sizes that take both the serial and the parallel path. */
class DenseTest {
    private static double[] values(long seed, int n) {
        return GradCheck.gaussian(seed, n).value();
    }

    @Test
    void productsMatchTripleLoops() {
        for (int[] s : new int[][] {{3, 4, 5}, {130, 70, 90}, {1, 7, 1}}) {
            int m = s[0], k = s[1], n = s[2];
            double[] a = values(m, m * k);
            double[] b = values(n, k * n);
            double[] y = new double[m * n];
            Dense.mul(a, m, k, b, n, y);
            double[] bt = Dense.transpose(b, k, n);
            double[] yT = Dense.mulT(a, m, k, bt, n);
            double[] at = Dense.transpose(a, m, k);
            double[] yTm = Dense.tMul(at, k, m, b, n);
            double[] small = new double[m * n];
            Dense.addMul(a, 0, m, k, b, 0, n, small, 0);
            double[] smallT = new double[m * n];
            Dense.addMulT(a, 0, m, k, bt, 0, n, smallT, 0);
            double[] smallTm = new double[m * n];
            Dense.addTMul(at, 0, k, m, b, 0, n, smallTm, 0);
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < n; c++) {
                    double ref = 0;
                    for (int j = 0; j < k; j++) {
                        ref += a[i * k + j] * b[j * n + c];
                    }
                    double tol = 1e-12 * (1 + Math.abs(ref)) * k;
                    assertEquals(ref, y[i * n + c], tol);
                    assertEquals(ref, yT[i * n + c], tol);
                    assertEquals(ref, yTm[i * n + c], tol);
                    assertEquals(ref, small[i * n + c], tol);
                    assertEquals(ref, smallT[i * n + c], tol);
                    assertEquals(ref, smallTm[i * n + c], tol);
                }
            }
        }
    }
}
