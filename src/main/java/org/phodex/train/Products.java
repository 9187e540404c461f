package org.phodex.train;

/**
 * Where a network's matrix products are computed: exactly ({@link #EXACT}, for training and the float
 * reference) or on simulated hardware (the evaluation's implementation). The network's forward pass is written
 * once against this interface, so inference through hardware, float training and hardware-aware training all
 * run the same code; a hardware implementation that must pass gradients returns
 * {@link Ops#straightThrough}{@code (exact, hardwareValues)}.
 *
 * <p>{@code gemm} is the index of the product in the workload's GEMM list ({@code Workload.gemms()}), the
 * same list the cost model prices, so the simulated products and the counted ones are one lowering.
 */
public interface Products {
    /**
     * y = x w^T with a static weight matrix: x {@code [..., k]} (every leading index is one input vector),
     * w {@code [n, k]}; y {@code [..., n]}.
     */
    Tensor linear(int gemm, Tensor x, Tensor w);

    /**
     * y[g] = a[g] b[g]^T where the matrix operand b is itself an activation (attention's keys and values), so
     * hardware holding weights must be reprogrammed for every group: a {@code [..., m, k]}, b {@code [..., n, k]},
     * y {@code [..., m, n]}.
     */
    Tensor dynamic(int gemm, Tensor a, Tensor b);

    /** Exact double-precision products. */
    Products EXACT = new Products() {
        @Override
        public Tensor linear(int gemm, Tensor x, Tensor w) {
            return Ops.matmulT(x, w);
        }

        @Override
        public Tensor dynamic(int gemm, Tensor a, Tensor b) {
            return Ops.bmmT(a, b);
        }

        @Override
        public String toString() {
            return "exact";
        }
    };
}
