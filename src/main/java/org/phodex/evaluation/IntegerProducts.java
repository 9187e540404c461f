package org.phodex.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.phodex.sim.IntegerGemm;
import org.phodex.train.Ops;
import org.phodex.train.Products;
import org.phodex.train.Tensor;

/**
 * A network's matrix products on a digital integer MAC array ({@link IntegerGemm}): static weights are quantized
 * once per GEMM and reused while they stay the same; a dynamic product (attention) quantizes its matrix operand
 * for every group. Deterministic: the array has no noise and no fabrication spread.
 */
final class IntegerProducts implements Products {
    private final IntegerGemm.Settings settings;
    private final Map<Integer, Programmed> programmed = new HashMap<>();

    private record Programmed(double[] weights, IntegerGemm gemm) {
    }

    IntegerProducts(IntegerGemm.Settings settings) {
        this.settings = settings;
    }

    @Override
    public Tensor linear(int gemm, Tensor x, Tensor w) {
        int k = w.dim(1);
        int n = w.dim(0);
        Programmed p = programmed.get(gemm);
        if (p == null || p.weights() != w.value()) {
            p = new Programmed(w.value(), IntegerGemm.program(w.value(), n, k, settings));
            programmed.put(gemm, p);
        }
        double[] y = p.gemm().apply(x.value(), x.size() / k);
        return HardwareProducts.wrap(y, x, w, () -> Ops.matmulT(x, w));
    }

    @Override
    public Tensor dynamic(int gemm, Tensor a, Tensor b) {
        return HardwareProducts.byGroup(a, b, (g, wg, xg, n, k, m) -> IntegerGemm.program(wg, n, k, settings)
                .apply(xg, m));
    }
}
