package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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

    /** Inputs with a given fraction of zeros, some rows all zero, some all dense (both kernel branches). */
    private static double[] sparseInputs(int batch, int k, double zeros, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[batch * k];
        for (int b = 0; b < batch; b++) {
            double z = b % 7 == 0 ? 1 : b % 5 == 0 ? 0 : zeros;
            for (int j = 0; j < k; j++) {
                x[b * k + j] = r.nextDouble() < z ? 0 : r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void blockedProductOfAColumnSliceMatchesTheObviousLoopBitForBit() {
        // the obvious loop: each element an fma chain over j in order, zeros skipped: the documented contract,
        // so the Vector API path, the plain path and this loop agree exactly whatever the shapes
        for (int[] shape : new int[][] {{1, 8, 16}, {4, 32, 32}, {9, 32, 128}, {13, 16, 64}, {7, 10, 10},
                {23, 784 % 32, 130}, {8, 64, 72}, {5, 3, 7}}) {
            int batch = shape[0];
            int k = shape[1];
            int ldw = shape[2];
            for (double zeros : new double[] {0, 0.5, 0.85}) {
                int xOff = 3;
                double[] x0 = sparseInputs(batch, k, zeros, batch * 31L + k);
                double[] x = new double[xOff + x0.length];
                System.arraycopy(x0, 0, x, xOff, x0.length);
                double[] wt = SimTestSupport.gaussian(k * ldw, ldw);
                for (int col0 : new int[] {0, ldw / 3}) {
                    int width = ldw - col0 - (ldw > 20 ? 5 : 0);
                    double[] expected = new double[batch * width];
                    for (int b = 0; b < batch; b++) {
                        for (int c = 0; c < width; c++) {
                            double acc = 0;
                            for (int j = 0; j < k; j++) {
                                double a = x0[b * k + j];
                                if (a != 0) {
                                    acc = Math.fma(a, wt[j * ldw + col0 + c], acc);
                                }
                            }
                            expected[b * width + c] = acc;
                        }
                    }
                    double[] y = new double[batch * width + 4];
                    java.util.Arrays.fill(y, Double.NaN); // the kernel overwrites, never accumulates
                    Kernels.multiply(x, xOff, batch, k, wt, ldw, col0, width, y, new int[k]);
                    assertArrayEquals(expected, java.util.Arrays.copyOf(y, batch * width),
                            "batch " + batch + " k " + k + " ldw " + ldw + " col0 " + col0 + " zeros " + zeros);
                    double[] plain = new double[batch * width];
                    Kernels.multiplyPlain(x, xOff, batch, k, wt, ldw, col0, width, plain);
                    assertArrayEquals(expected, plain);
                    // the rows' nonzeros given (found once, laid out as x): the same bits, rows scanned by nobody
                    int[] index = new int[x.length];
                    java.util.Arrays.fill(index, -1);
                    int[] count = new int[2 + batch];
                    for (int b = 0; b < batch; b++) {
                        count[2 + b] = Kernels.nonzeros(x, xOff + b * k, k, index, xOff + b * k);
                    }
                    double[] given = new double[batch * width];
                    Kernels.multiply(x, xOff, batch, k, wt, ldw, col0, width, given, index, count, 2);
                    assertArrayEquals(expected, given, "nonzeros given");
                }
            }
        }
    }

    @Test
    void theVectorApiIsLoadedInTheTestJvm() {
        // surefire adds --add-modules jdk.incubator.vector, so the test above checks the fast path, not the fallback
        assertTrue(Kernels.VECTOR, Kernels.describe());
    }

    /** Values that probe the DAC/ADC rounding: ties, both signs of zero, the (-0.5, 0) band, clipping. */
    private static double[] awkward(int n, double step, double fullScale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 8) {
                case 0 -> (r.nextInt(-40, 40) + 0.5) * step; // exact ties
                case 1 -> -r.nextDouble() * 0.5 * step; // rounds to -0
                case 2 -> i % 16 == 2 ? -0.0 : 0.0;
                case 3 -> r.nextDouble(-3, 3) * fullScale; // clipped
                default -> r.nextGaussian() * fullScale / 2;
            };
        }
        return v;
    }

    @Test
    void quantizedSliceMatchesTheScalarQuantizerBitForBit() {
        for (int bits : new int[] {1, 2, 4, 6, 8, 12}) {
            org.phodex.photonics.Quantizer.Signed q = org.phodex.photonics.Quantizer.Signed.of(1, bits);
            for (int n : new int[] {0, 1, 3, 4, 7, 32, 37}) {
                double scale = 0.73;
                double[] x = awkward(n + 5, q.step() / scale, 1 / scale, bits * 100L + n);
                double[] got = new double[n + 2];
                Kernels.quantize(x, 5, n, scale, q, got, 2);
                for (int j = 0; j < n; j++) {
                    double want = q.apply(x[5 + j] * scale);
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got[2 + j]),
                            bits + " bits, n " + n + ", x " + x[5 + j] + ": " + want + " vs " + got[2 + j]);
                }
                assertEquals(0, Double.doubleToRawLongBits(got[0]) | Double.doubleToRawLongBits(got[1]));
            }
        }
    }

    @Test
    void fusedNoiseAdcAccumulateMatchesTheScalarLoopBitForBit() {
        for (int bits : new int[] {1, 3, 6, 8}) {
            double range = 2.5;
            org.phodex.photonics.Quantizer.Signed adc = org.phodex.photonics.Quantizer.Signed.of(range, bits);
            for (int n : new int[] {1, 4, 5, 32, 33}) {
                double[] y = awkward(n + 3, adc.step() == 0 ? 0.1 : adc.step(), range, bits * 7L + n);
                double[] z = SimTestSupport.gaussian(n, n);
                double sigma = 0.28 * (adc.step() == 0 ? 0.1 : adc.step());
                double[] out = SimTestSupport.gaussian(n + 1, 99);
                double[] want = out.clone();
                for (int i = 0; i < n; i++) {
                    want[1 + i] += -1.7 * adc.apply(y[3 + i] + sigma * z[i]);
                }
                Kernels.adcAccumulate(y, 3, z, sigma, adc, -1.7, out, 1, n);
                for (int i = 0; i <= n; i++) {
                    assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(out[i]),
                            bits + " bits, n " + n + ", i " + i);
                }
            }
        }
    }

    @Test
    void maxAbsMatchesTheLoop() {
        for (int n : new int[] {0, 1, 3, 4, 9, 64}) {
            double[] x = SimTestSupport.gaussian(n + 2, n + 11);
            double want = 0;
            for (int j = 0; j < n; j++) {
                want = Math.max(want, Math.abs(x[2 + j]));
            }
            assertEquals(want, Kernels.maxAbs(x, 2, n));
        }
    }

    @Test
    void nonzerosListsTheNonzeroIndicesInOrder() {
        double[] x = {9, 0, 1.5, -0.0, 0, -2, 0.0, 3e-300, 7};
        int[] index = new int[12];
        assertEquals(3, Kernels.nonzeros(x, 1, 7, index, 2)); // x[1 .. 8): 0, 1.5, -0, 0, -2, 0, 3e-300
        assertArrayEquals(new int[] {1, 4, 6}, java.util.Arrays.copyOfRange(index, 2, 5));
        assertEquals(0, Kernels.nonzeros(x, 3, 2, index, 0));
        // every 4-input pattern and tail, against the obvious loop
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        for (int n = 0; n < 40; n++) {
            double[] v = new double[n + 1];
            for (int j = 0; j < v.length; j++) {
                int kind = r.nextInt(4);
                v[j] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : kind == 2 ? r.nextDouble() + 1e-9 : -r.nextDouble() - 1e-9;
            }
            int[] got = new int[n + 1];
            int c = Kernels.nonzeros(v, 1, n, got, 1);
            int want = 0;
            for (int j = 0; j < n; j++) {
                if (v[1 + j] != 0) {
                    assertEquals(j, got[1 + want++], "n " + n);
                }
            }
            assertEquals(want, c, "n " + n);
        }
    }

    @Test
    void maxAbsOverRowsMatchesTheLoop() {
        for (int n : new int[] {0, 1, 3, 4, 8, 9, 10, 32, 37}) {
            for (int rows : new int[] {0, 1, 5}) {
                int ld = n + 3;
                double[] x = SimTestSupport.gaussian(2 + rows * ld + 4, 100 + n + rows);
                double want = 0;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < n; j++) {
                        want = Math.max(want, Math.abs(x[2 + r * ld + j]));
                    }
                }
                assertEquals(want, Kernels.maxAbs(x, 2, ld, rows, n), "n " + n + " rows " + rows);
            }
        }
        // the largest |value| in the last row, outside values ignored, and negative zeros only
        double[] x = {-50, 0, -0.0, 1, 2, 3, 4, 5, 6, -7, 8, -99};
        assertEquals(7, Kernels.maxAbs(x, 1, 5, 2, 4)); // rows x[1..5) and x[6..10): -7 at the end, 8 and -99 outside
        assertEquals(0.0, Kernels.maxAbs(new double[] {-0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0}, 0, 4, 2, 4));
    }
}
