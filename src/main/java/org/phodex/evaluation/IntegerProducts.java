package org.phodex.evaluation;

import java.util.Arrays;
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
        int k = a.dim(-1);
        int m = a.dim(-2);
        int n = b.dim(-2);
        int groups = a.size() / (m * k);
        double[] av = a.value();
        double[] bv = b.value();
        double[] y = new double[groups * m * n];
        for (int g = 0; g < groups; g++) {
            double[] wg = Arrays.copyOfRange(bv, g * n * k, (g + 1) * n * k);
            double[] xg = Arrays.copyOfRange(av, g * m * k, (g + 1) * m * k);
            double[] yg = IntegerGemm.program(wg, n, k, settings).apply(xg, m);
            System.arraycopy(yg, 0, y, g * m * n, yg.length);
        }
        return HardwareProducts.wrap(y, a, b, () -> Ops.bmmT(a, b));
    }
}
