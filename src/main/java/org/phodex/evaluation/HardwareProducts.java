package org.phodex.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.phodex.codesign.DeepCodesign;
import org.phodex.sim.PhotonicLayer;
import org.phodex.sim.Seeds;
import org.phodex.sim.SimSettings;
import org.phodex.train.Ops;
import org.phodex.train.Products;
import org.phodex.train.Tensor;

/**
 * A network's matrix products on one simulated chip: every product runs through {@link PhotonicLayer} tile by
 * tile (DAC, realized meshes or ring banks, detector noise, ADC, digital partial sums).
 *
 * <p>Static weights are programmed once per chip and GEMM ({@code chipSeed}, GEMM index) and reused while the
 * weights stay the same. Dynamic products (attention's Q K^T and P V) program their matrix operand anew for every
 * group (image x head), on tiles that keep this chip's fabrication errors (the same seed per GEMM), so each write
 * pays the family's programming errors again: phase quantization and the thermal crosstalk of the new phases
 * (MZI), or the ring bank's tuning; the reprogramming time and energy are the cost model's. Detector noise is
 * seeded by (chip, GEMM, call, group), so results do not depend on timing.
 *
 * <p>When an operand needs a gradient the hardware value is returned with the exact product's gradient
 * ({@link Ops#straightThrough}), so the same object serves noise-aware training.
 */
public final class HardwareProducts implements Products {
    private final SimSettings sim;
    private final long chipSeed;
    private final PhotonicLayer.TileMapping mapping;
    /** Per static GEMM, its tiles' ADC full scales (fractions of the calibrated range); absent: the range. */
    private final Map<Integer, double[]> adc;
    private final Map<Integer, Programmed> programmed = new HashMap<>();
    private final Map<Integer, Integer> calls = new HashMap<>();

    private record Programmed(double[] weights, PhotonicLayer layer) {
    }

    HardwareProducts(SimSettings sim, long chipSeed) {
        this(sim, chipSeed, PhotonicLayer.TileMapping.CACHED, Map.of());
    }

    private HardwareProducts(SimSettings sim, long chipSeed, PhotonicLayer.TileMapping mapping,
                             Map<Integer, double[]> adc) {
        this.sim = sim;
        this.chipSeed = chipSeed;
        this.mapping = mapping;
        this.adc = adc;
    }

    HardwareProducts(SimSettings sim, long chipSeed, Map<Integer, double[]> adc) {
        this(sim, chipSeed, PhotonicLayer.TileMapping.CACHED, adc);
    }

    /**
     * Chip samples for co-design training ({@link DeepCodesign}): the tiles mapped without the shared tile cache,
     * since the weights change at every step.
     */
    public static final DeepCodesign.Chips TRAINING = new DeepCodesign.Chips() {
        @Override
        public Products onChip(SimSettings sim, long chipSeed, Map<Integer, double[]> adc) {
            return new HardwareProducts(sim, chipSeed, PhotonicLayer.TileMapping.UNCACHED, adc);
        }

        @Override
        public PhotonicLayer layer(SimSettings sim, long chipSeed, int gemm, double[] w, int n, int k) {
            return new HardwareProducts(sim, chipSeed, PhotonicLayer.TileMapping.UNCACHED, Map.of())
                    .layer(gemm, w, n, k);
        }
    };

    /** One simulated chip's products for a CNN or ViT (as the evaluator builds them), e.g. for timing. */
    public static Products onChip(SimSettings sim, long chipSeed) {
        return new HardwareProducts(sim, chipSeed);
    }

    /**
     * A freshly sampled chip for one step of noise-aware training: as {@link #onChip}, with the tiles mapped
     * without the shared tile cache, since the weights change at every step.
     */
    public static Products forTraining(SimSettings sim, long chipSeed) {
        return TRAINING.onChip(sim, chipSeed, Map.of());
    }

    /** Sum of the static layers' mesh fit errors (non-universal layouts; 0 otherwise). */
    double fitErrorSum() {
        double s = 0;
        for (Programmed p : programmed.values()) {
            s += p.layer().fitError();
        }
        return s;
    }

    /** How many static layers this chip has programmed. */
    int staticLayers() {
        return programmed.size();
    }

    /** The static layer for GEMM {@code gemm} holding {@code w} ({@code n x k}), programmed on first use. */
    PhotonicLayer layer(int gemm, double[] w, int n, int k) {
        Programmed p = programmed.get(gemm);
        if (p == null || p.weights() != w) {
            PhotonicLayer pl = PhotonicLayer.program(w, n, k, sim, Seeds.derive(chipSeed, gemm), 1, mapping);
            double[] a = adc.get(gemm);
            p = new Programmed(w, a == null ? pl : pl.withAdcFullScale(a));
            programmed.put(gemm, p);
        }
        return p.layer();
    }

    private long noiseSeed(int gemm) {
        int call = calls.merge(gemm, 1, Integer::sum);
        return Seeds.derive(Seeds.derive(Seeds.derive(chipSeed, 0x7e57L), gemm), call);
    }

    @Override
    public Tensor linear(int gemm, Tensor x, Tensor w) {
        int k = w.dim(1);
        int n = w.dim(0);
        int rows = x.size() / k;
        double[] y = layer(gemm, w.value(), n, k).apply(x.value(), rows, noiseSeed(gemm));
        return wrap(y, x, w, () -> Ops.matmulT(x, w));
    }

    @Override
    public Tensor dynamic(int gemm, Tensor a, Tensor b) {
        long seed = noiseSeed(gemm);
        long tiles = Seeds.derive(chipSeed, gemm);
        return byGroup(a, b, (g, wg, xg, n, k, m) -> PhotonicLayer.program(wg, n, k, sim, tiles, 1,
                mapping).apply(xg, m, Seeds.derive(seed, g)));
    }

    /** One group's product: {@code xg} ({@code m x k}) times {@code wg}^T ({@code wg} is {@code n x k}). */
    interface GroupProduct {
        double[] apply(int group, double[] wg, double[] xg, int n, int k, int m);
    }

    /** y[g] = a[g] b[g]^T group by group (a {@code [..., m, k]}, b {@code [..., n, k]}), through {@code product}. */
    static Tensor byGroup(Tensor a, Tensor b, GroupProduct product) {
        int k = a.dim(-1);
        int m = a.dim(-2);
        int n = b.dim(-2);
        int groups = a.size() / (m * k);
        double[] av = a.value();
        double[] bv = b.value();
        double[] y = new double[groups * m * n];
        for (int g = 0; g < groups; g++) {
            double[] wg = java.util.Arrays.copyOfRange(bv, g * n * k, (g + 1) * n * k);
            double[] xg = java.util.Arrays.copyOfRange(av, g * m * k, (g + 1) * m * k);
            double[] yg = product.apply(g, wg, xg, n, k, m);
            System.arraycopy(yg, 0, y, g * m * n, yg.length);
        }
        return wrap(y, a, b, () -> Ops.bmmT(a, b));
    }

    /**
     * The hardware values {@code y} of p q^T as a constant, or with the exact product's gradient when an operand
     * needs one. The shape is p's with the last dimension replaced by q's rows (q is {@code [..., n, k]}).
     */
    static Tensor wrap(double[] y, Tensor p, Tensor q, java.util.function.Supplier<Tensor> exact) {
        if (p.requiresGrad() || q.requiresGrad()) {
            return Ops.straightThrough(exact.get(), y);
        }
        int[] shape = p.shape();
        shape[shape.length - 1] = q.dim(-2);
        return Tensor.constant(y, shape);
    }
}
