package org.phodex.workload;

/**
 * A small representative block of one GEMM, to run through simulated hardware instead of the full product:
 * {@code y = X W^T}.
 *
 * @param gemm    the full GEMM this block stands for
 * @param rows    input vectors in the block
 * @param inner   inner (dot-product) length of the block
 * @param outputs outputs of the block
 * @param weights {@code outputs x inner} row-major
 * @param inputs  {@code rows x inner} row-major
 */
public record GemmBlock(Gemm gemm, int rows, int inner, int outputs, double[] weights, double[] inputs) {

    public GemmBlock {
        if (weights.length != (long) outputs * inner || inputs.length != (long) rows * inner) {
            throw new IllegalArgumentException("block " + rows + "x" + inner + "x" + outputs + ": weights "
                    + weights.length + ", inputs " + inputs.length);
        }
    }

    /** The exact product, {@code rows x outputs} row-major, as a {@link LinearBackend} would return it. */
    public double[] exact() {
        double[] y = new double[rows * outputs];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < outputs; o++) {
                double s = 0;
                int wo = o * inner;
                int xo = r * inner;
                for (int k = 0; k < inner; k++) {
                    s += weights[wo + k] * inputs[xo + k];
                }
                y[r * outputs + o] = s;
            }
        }
        return y;
    }
}
