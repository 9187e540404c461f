package org.phodex.workload;

/**
 * The digital arithmetic of one inference outside the matrix products: layer norms, softmax, GELU, ReLU, max
 * pooling, the attention scaling and the residual adds, counted in fp32 operations (a comparison counts as an
 * add; exp, tanh, square root and reciprocal as one special function each). Priced by the cost model with the
 * device library's {@code digital} entries.
 *
 * @param adds     fp32 additions, subtractions and comparisons
 * @param mults    fp32 multiplications
 * @param specials exp, tanh, reciprocal and square-root evaluations
 */
public record DigitalOps(double adds, double mults, double specials) {
    public static final DigitalOps NONE = new DigitalOps(0, 0, 0);

    public DigitalOps plus(DigitalOps o) {
        return new DigitalOps(adds + o.adds, mults + o.mults, specials + o.specials);
    }

    public DigitalOps times(double k) {
        return new DigitalOps(adds * k, mults * k, specials * k);
    }

    /** Layer norm of {@code rows} vectors of {@code n}: mean, variance, normalize, gain and bias (Ba et al. 2016). */
    public static DigitalOps layerNorm(double rows, int n) {
        // sum (n), x - mean (n), square (n) and sum (n), (x - mean) * rstd (n), * gain (n), + bias (n)
        return new DigitalOps(4.0 * n, 3.0 * n, 1).times(rows); // one rsqrt per row
    }

    /** Softmax of {@code rows} vectors of {@code n}: max, subtract, exp, sum, one reciprocal, scale. */
    public static DigitalOps softmax(double rows, int n) {
        return new DigitalOps(3.0 * n, n, n + 1.0).times(rows);
    }

    /** GELU (tanh form) of {@code n} values: x^3, the polynomial, tanh, 0.5 x (1 + t). */
    public static DigitalOps gelu(double n) {
        return new DigitalOps(2, 5, 1).times(n);
    }
}
