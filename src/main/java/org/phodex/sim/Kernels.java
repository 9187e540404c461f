package org.phodex.sim;

import org.phodex.photonics.Quantizer;

/**
 * Dense kernels on primitive row-major arrays; each has a slow obvious twin in the tests.
 *
 * <p>The batched product is computed on the Vector API ({@code jdk.incubator.vector}, added by the launcher and by
 * surefire with {@code --add-modules}) when the module is loaded, else on plain loops. Both paths give the same
 * bits: every output element is {@code acc = fma(x[b][j], w[j][c], acc)} over j in order from {@code acc = +0},
 * skipping zero inputs (an exact no-op: acc is never -0, so adding {@code 0 * w} cannot change it).
 */
public final class Kernels {
    /** True when the Vector API kernels run (the module is loaded and {@code -Dphodex.vector=false} is not set). */
    public static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("phodex.vector"));

    /**
     * Doubles per vector of the product kernel (1 on the plain path). Callers that pad a product's width to a
     * multiple of it (with readable columns behind) avoid the scalar column tail.
     */
    public static final int LANES = VECTOR ? VectorKernels.lanes() : 1;

    private Kernels() {
    }

    /** "vector API (512-bit)" or "scalar loops": which kernels run, for reports. */
    public static String describe() {
        return VECTOR ? "Vector API, " + VectorKernels.bits() + "-bit vectors" : "scalar loops (no jdk.incubator.vector)";
    }

    /**
     * y = x * wt[:, col0 : col0 + width]: x is {@code batch x k} from {@code xOff}, wt is {@code k x ldw} (a block of tiles'
     * matrices transposed), y is {@code batch x width}, all row-major; y is overwritten. Sparse rows of x (as
     * MNIST pixels) skip their zeros; dense blocks of four rows share each loaded row of wt.
     *
     * @param nz scratch of at least k ints
     */
    public static void multiply(double[] x, int xOff, int batch, int k, double[] wt, int ldw, int col0, int width,
            double[] y, int[] nz) {
        if (VECTOR) {
            VectorKernels.multiply(x, xOff, batch, k, wt, ldw, col0, width, y, nz);
        } else {
            multiplyPlain(x, xOff, batch, k, wt, ldw, col0, width, y);
        }
    }

    /**
     * {@link #multiply(double[], int, int, int, double[], int, int, int, double[], int[])} with each row's nonzero
     * inputs given (found once when the inputs were quantized, not again per product): row b has
     * {@code nzCount[countOff + b]} of them, at the ascending indices {@code nzIndex[xOff + b * k ..]}. Same bits.
     */
    public static void multiply(double[] x, int xOff, int batch, int k, double[] wt, int ldw, int col0, int width,
            double[] y, int[] nzIndex, int[] nzCount, int countOff) {
        if (VECTOR) {
            VectorKernels.multiply(x, xOff, batch, k, wt, ldw, col0, width, y, nzIndex, nzCount, countOff);
        } else {
            multiplyPlain(x, xOff, batch, k, wt, ldw, col0, width, y);
        }
    }

    /** For a 4-bit mask m of nonzero lanes: the lanes' positions packed to the front (PACK[4 m ..]), and how many. */
    private static final int[] PACK = new int[64];
    private static final int[] POPCOUNT = new int[16];

    static {
        for (int m = 0; m < 16; m++) {
            int c = 0;
            for (int lane = 0; lane < 4; lane++) {
                if ((m >> lane & 1) != 0) {
                    PACK[4 * m + c++] = lane;
                }
            }
            POPCOUNT[m] = c;
        }
    }

    /**
     * The ascending indices of x[off .. off + n)'s nonzeros into {@code index[io ..]}; returns how many. Writes
     * within {@code index[io .. io + n)} (past the count: scratch). Four inputs at a time without a branch: their
     * nonzero mask picks the packed positions from a table and the count advances by its popcount (MNIST's pixel
     * pattern would mispredict a branch per input).
     */
    public static int nonzeros(double[] x, int off, int n, int[] index, int io) {
        int c = 0;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int m = (x[off + j] != 0 ? 1 : 0) | (x[off + j + 1] != 0 ? 2 : 0) | (x[off + j + 2] != 0 ? 4 : 0)
                    | (x[off + j + 3] != 0 ? 8 : 0);
            int t = 4 * m;
            index[io + c] = j + PACK[t];
            index[io + c + 1] = j + PACK[t + 1];
            index[io + c + 2] = j + PACK[t + 2];
            index[io + c + 3] = j + PACK[t + 3];
            c += POPCOUNT[m];
        }
        for (; j < n; j++) {
            index[io + c] = j;
            c += x[off + j] != 0 ? 1 : 0;
        }
        return c;
    }

    /** y = x * wt with wt {@code k x m} (the whole matrix). */
    public static void multiply(double[] x, int batch, int k, double[] wt, int m, double[] y) {
        multiply(x, 0, batch, k, wt, m, 0, m, y, new int[k]);
    }

    /**
     * The fma throughput this thread reaches, in GFLOP/s (an fma is 2 flops): 12 independent chains of
     * {@link #LANES}-wide fmas held in registers, timed for about {@code millis} ms, best of 5 slices. This is the
     * core's measured double-precision peak for the kernels' vector width, at whatever clock the core runs (a
     * turbo clock the hypervisor does not report included).
     */
    public static double measuredPeakGflops(int millis) {
        // compile the probe first: interpreted (or not yet intrinsified) Vector API code is orders of magnitude slower
        double warm = 0;
        for (int i = 0; i < 20_000; i++) {
            warm += VECTOR ? VectorKernels.fmaProbe(64) : scalarFmaProbe(64);
        }
        long iterations = 1 << 16;
        double best = 0;
        double sink = 0;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        int slices = 0;
        while (slices < 5 || System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            sink += VECTOR ? VectorKernels.fmaProbe(iterations) : scalarFmaProbe(iterations);
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, 2.0 * 12 * LANES * iterations / s / 1e9);
            if (s < 1e-3) {
                iterations *= 2;
            } else {
                slices++;
            }
        }
        return sink + warm == 42 ? best + 1e-300 : best; // sink keeps the probe's results alive
    }

    /** {@link VectorKernels#fmaProbe} on scalars (the plain path). */
    static double scalarFmaProbe(long iterations) {
        double m = 0.999999;
        double c = 1e-6;
        double a0 = 0.5, a1 = 0.51, a2 = 0.52, a3 = 0.53, a4 = 0.54, a5 = 0.55;
        double a6 = 0.56, a7 = 0.57, a8 = 0.58, a9 = 0.59, a10 = 0.6, a11 = 0.61;
        for (long i = 0; i < iterations; i++) {
            a0 = Math.fma(a0, m, c);
            a1 = Math.fma(a1, m, c);
            a2 = Math.fma(a2, m, c);
            a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c);
            a5 = Math.fma(a5, m, c);
            a6 = Math.fma(a6, m, c);
            a7 = Math.fma(a7, m, c);
            a8 = Math.fma(a8, m, c);
            a9 = Math.fma(a9, m, c);
            a10 = Math.fma(a10, m, c);
            a11 = Math.fma(a11, m, c);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }

    /** max |x[off .. off + n)|, 0 for n = 0. */
    public static double maxAbs(double[] x, int off, int n) {
        if (VECTOR) {
            return VectorKernels.maxAbs(x, off, n);
        }
        double max = 0;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, Math.abs(x[off + j]));
        }
        return max;
    }

    /** max |x[off + r * ld + j]| over rows r < rows and j < n (a tile's outputs over the batch); 0 if none. */
    public static double maxAbs(double[] x, int off, int ld, int rows, int n) {
        if (VECTOR && n % LANES == 0 && n > 0) {
            return VectorKernels.maxAbs(x, off, ld, rows, n);
        }
        double max = 0;
        for (int r = 0; r < rows; r++) {
            max = Math.max(max, maxAbs(x, off + r * ld, n));
        }
        return max;
    }

    /**
     * The input DAC on a slice: {@code out[oo + j] = q.apply(x[xo + j] * scale)} for j < n, bit for bit (the Vector
     * API path rounds with the magic-number trick and restores rint's sign of zero).
     */
    public static void quantize(double[] x, int xo, int n, double scale, Quantizer.Signed q, double[] out, int oo) {
        if (VECTOR && q.step() > 0) {
            VectorKernels.quantize(x, xo, n, scale, q.fullScale(), q.step(), q.invStep(), out, oo);
            return;
        }
        for (int j = 0; j < n; j++) {
            out[oo + j] = q.apply(x[xo + j] * scale);
        }
    }

    /**
     * Detector noise, ADC and the digital partial sum of one output row, fused:
     * {@code out[oo + i] += gain * adc.apply(y[yo + i] + sigma * z[i])} for i < n, bit for bit.
     */
    public static void adcAccumulate(double[] y, int yo, double[] z, double sigma, Quantizer.Signed adc, double gain,
            double[] out, int oo, int n) {
        if (VECTOR && adc.step() > 0) {
            VectorKernels.adcAccumulate(y, yo, z, sigma, adc.fullScale(), adc.step(), adc.invStep(), gain, out, oo, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[oo + i] += gain * adc.apply(y[yo + i] + sigma * z[i]);
        }
    }

    /** The plain-loop path of {@link #multiply}: contiguous fma axpys over each output row (C2 vectorizes them). */
    public static void multiplyPlain(double[] x, int xOff, int batch, int k, double[] wt, int ldw, int col0, int width,
            double[] y) {
        java.util.Arrays.fill(y, 0, batch * width, 0);
        for (int b = 0; b < batch; b++) {
            int xo = xOff + b * k;
            int yo = b * width;
            for (int j = 0; j < k; j++) {
                double a = x[xo + j];
                if (a == 0) {
                    continue;
                }
                int w = j * ldw + col0;
                for (int c = 0; c < width; c++) {
                    y[yo + c] = Math.fma(a, wt[w + c], y[yo + c]);
                }
            }
        }
    }

    /** Scalar tail of a row: columns [c0, width) of row b by the same fma sequence. */
    static void rowTail(double[] x, int xo, int k, double[] wt, int ldw, int col0, int c0, int width, double[] y,
            int yo) {
        for (int c = c0; c < width; c++) {
            double acc = 0;
            for (int j = 0; j < k; j++) {
                double a = x[xo + j];
                if (a != 0) {
                    acc = Math.fma(a, wt[j * ldw + col0 + c], acc);
                }
            }
            y[yo + c] = acc;
        }
    }
}
