package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    void multiplyMatchesTheTripleLoop() {
        for (int batch : new int[] {1, 3, 4, 9}) {
            int k = 7;
            int m = 5;
            double[] x = SimTestSupport.gaussian(batch * k, batch);
            x[2] = 0; // exercise the zero skip
            double[] wt = SimTestSupport.gaussian(k * m, 100 + batch);
            double[] y = new double[batch * m];
            Kernels.multiply(x, batch, k, wt, m, y);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < m; i++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += x[b * k + j] * wt[j * m + i];
                    }
                    assertEquals(s, y[b * m + i], 1e-12);
                }
            }
        }
    }
}
