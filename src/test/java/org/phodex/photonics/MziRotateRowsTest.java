package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MziRotateRowsTest {
    @Test
    void rotateRowsIsTheScalarExpressionBitForBit() {
        SplittableRandom r = new SplittableRandom(2);
        double[] t = new double[8];
        for (int n : new int[] {2, 3, 4, 5, 7, 8, 13, 16, 32, 37}) {
            ComplexMatrix m = new ComplexMatrix(n, n);
            for (int k = 0; k < n * n; k++) {
                m.re[k] = r.nextGaussian();
                m.im[k] = r.nextGaussian();
            }
            Mzi.transfer(r.nextDouble(0, 6.3), r.nextDouble(0, 6.3), 0.7, 0.72, 0.98, t);
            int a = r.nextInt(n - 1);
            int b = a + 1;
            double[] re = m.re.clone();
            double[] im = m.im.clone();
            // the obvious loop: each element the documented expression, evaluated left to right
            for (int j = 0; j < n; j++) {
                double xr = re[a * n + j], xi = im[a * n + j], yr = re[b * n + j], yi = im[b * n + j];
                re[a * n + j] = t[0] * xr - t[1] * xi + t[2] * yr - t[3] * yi;
                im[a * n + j] = t[0] * xi + t[1] * xr + t[2] * yi + t[3] * yr;
                re[b * n + j] = t[4] * xr - t[5] * xi + t[6] * yr - t[7] * yi;
                im[b * n + j] = t[4] * xi + t[5] * xr + t[6] * yi + t[7] * yr;
            }
            Mzi.rotateRows(m, a, b, t);
            for (int k = 0; k < n * n; k++) {
                assertEquals(Double.doubleToRawLongBits(re[k]), Double.doubleToRawLongBits(m.re[k]), n + " re " + k);
                assertEquals(Double.doubleToRawLongBits(im[k]), Double.doubleToRawLongBits(m.im[k]), n + " im " + k);
            }
        }
    }
}
