package org.phodex.sim;

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

    /** y = x * wt with wt {@code k x m} (the whole matrix). */
    public static void multiply(double[] x, int batch, int k, double[] wt, int m, double[] y) {
        multiply(x, 0, batch, k, wt, m, 0, m, y, new int[k]);
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
