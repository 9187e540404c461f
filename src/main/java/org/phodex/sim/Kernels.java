package org.phodex.sim;

/** Dense kernels on primitive row-major arrays; each has a slow obvious twin in the tests. */
final class Kernels {
    private Kernels() {
    }

    /**
     * y = x * wt: x is {@code batch x k}, wt is {@code k x m} (a tile's matrix transposed), y is
     * {@code batch x m}, all row-major; y is overwritten. Four input rows at a time share each row of wt,
     * and the innermost loop runs contiguously over m (vectorizable).
     */
    static void multiply(double[] x, int batch, int k, double[] wt, int m, double[] y) {
        java.util.Arrays.fill(y, 0, batch * m, 0);
        int b = 0;
        for (; b + 4 <= batch; b += 4) {
            int x0 = b * k, x1 = x0 + k, x2 = x1 + k, x3 = x2 + k;
            int y0 = b * m, y1 = y0 + m, y2 = y1 + m, y3 = y2 + m;
            for (int j = 0; j < k; j++) {
                double a0 = x[x0 + j], a1 = x[x1 + j], a2 = x[x2 + j], a3 = x[x3 + j];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                    continue;
                }
                int w = j * m;
                for (int i = 0; i < m; i++) {
                    double wv = wt[w + i];
                    y[y0 + i] += a0 * wv;
                    y[y1 + i] += a1 * wv;
                    y[y2 + i] += a2 * wv;
                    y[y3 + i] += a3 * wv;
                }
            }
        }
        for (; b < batch; b++) {
            int xo = b * k;
            int yo = b * m;
            for (int j = 0; j < k; j++) {
                double a = x[xo + j];
                if (a == 0) {
                    continue;
                }
                int w = j * m;
                for (int i = 0; i < m; i++) {
                    y[yo + i] += a * wt[w + i];
                }
            }
        }
    }
}
