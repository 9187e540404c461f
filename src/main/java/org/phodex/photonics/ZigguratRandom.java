package org.phodex.photonics;

import java.util.random.RandomGenerator;

/**
 * A fast seeded random stream for the simulator's noise: SplitMix64 for the bits (the same 64-bit sequence as
 * {@code new java.util.SplittableRandom(seed)}) and the 256-layer ziggurat of Marsaglia and Tsang (J. Stat. Softw.
 * 5(8), 2000) for normals, with the layer index and the abscissa drawn from separate bits of one 64-bit word
 * (Doornik, "An improved ziggurat method", 2005). Exact in distribution: the fast path returns points inside
 * the layer's rectangle, the wedges are accepted against exp(-x^2/2), the base layer's tail beyond R is sampled
 * with Marsaglia's exponential method. Not thread-safe; one instance per stream, seeded per tile and chip, so
 * results never depend on threads.
 */
public final class ZigguratRandom implements RandomGenerator {
    private static final int LAYERS = 256;
    /** Right edge of the base layer (where the tail starts) for 256 layers. */
    private static final double R = 3.6541528853610088;
    /** Area of each layer (and of the base layer including its tail). */
    private static final double V = 0.00492867323399;
    /** X[i]: layer i spans [0, X[i]) in x; X[0] = V / f(R) is the base layer's virtual width; X[256] = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** F[i] = exp(-X[i]^2 / 2). */
    private static final double[] F = new double[LAYERS + 1];

    static {
        double f = Math.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2 * Math.log(V / X[i] + Math.exp(-0.5 * X[i] * X[i])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = Math.exp(-0.5 * X[i] * X[i]);
        }
    }

    private long state;

    public ZigguratRandom(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Fills {@code z[off .. off + n)} with standard normals: the same draws, in the same order, from the same bits
     * as n calls of {@link #nextGaussian()} (tested bit for bit), but with the generator state in a register and
     * only the rare wedge and tail cases (about 1 draw in 80) leaving the loop.
     */
    public void fillGaussian(double[] z, int off, int n) {
        long s = state;
        for (int k = off; k < off + n; k++) {
            long bits = s += 0x9E3779B97F4A7C15L;
            bits = (bits ^ (bits >>> 30)) * 0xBF58476D1CE4E5B9L;
            bits = (bits ^ (bits >>> 27)) * 0x94D049BB133111EBL;
            bits ^= bits >>> 31;
            int i = (int) bits & 0xFF;
            double x = (2 * ((bits >>> 11) * 0x1.0p-53) - 1) * X[i];
            if (Math.abs(x) < X[i + 1]) {
                z[k] = x;
            } else {
                state = s;
                z[k] = slowPath(i, x);
                s = state;
            }
        }
        state = s;
    }

    /** The rest of one ziggurat draw whose first word gave layer i and abscissa x outside the layer's core. */
    private double slowPath(int i, double x) {
        double v = wedgeOrTail(i, x, this);
        return Double.isNaN(v) ? nextGaussian() : v;
    }

    /** X[0 .. 256]: layer i of the ziggurat spans [0, X[i]) in x (X[0] is the base layer's virtual width); a copy. */
    public static double[] layerEdges() {
        return X.clone();
    }

    /**
     * The ziggurat's slow path, for a draw that gave layer i and abscissa x with |x| >= X[i + 1]: for i = 0 a sample
     * of the tail beyond R with x's sign (Marsaglia's exponential method); otherwise x if the wedge test accepts it,
     * NaN if it rejects it (the caller draws again). Uniforms are {@code (bits.nextLong() >>> 11) * 2^-53}.
     */
    public static double wedgeOrTail(int i, double x, RandomGenerator bits) {
        if (i == 0) {
            double t;
            double y;
            do {
                t = -Math.log(1 - uniform(bits)) / R;
                y = -Math.log(1 - uniform(bits));
            } while (2 * y < t * t);
            return x < 0 ? -(R + t) : R + t;
        }
        return F[i + 1] + (F[i] - F[i + 1]) * uniform(bits) < Math.exp(-0.5 * x * x) ? x : Double.NaN;
    }

    private static double uniform(RandomGenerator bits) {
        return (bits.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A standard normal sample. */
    @Override
    public double nextGaussian() {
        while (true) {
            long bits = nextLong();
            int i = (int) bits & 0xFF;
            double u = 2 * ((bits >>> 11) * 0x1.0p-53) - 1; // [-1, 1), from bits disjoint from i
            double x = u * X[i];
            if (Math.abs(x) < X[i + 1]) {
                return x;
            }
            double v = wedgeOrTail(i, x, this);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        return mean + stddev * nextGaussian();
    }
}
