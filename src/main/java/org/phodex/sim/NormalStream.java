package org.phodex.sim;

import java.util.random.RandomGenerator;
import org.phodex.photonics.ZigguratRandom;

/**
 * The detector-noise stream: seeded standard normals, 8 interleaved lanes, whose random bits are made on the Vector
 * API 32 at a time. Not thread-safe; one stream per tile and pass, so results never depend on threads.
 *
 * <p>The stream is fixed (the same bits with or without the Vector API and at any vector width):
 * <ul>
 * <li>lane l (0..7) is an xoshiro256++ generator (Blackman and Vigna, ACM TOMS 47(4), 2021) seeded as the JDK's
 * {@code Xoshiro256PlusPlus} is from the long {@code Seeds.derive(seed, l)} (tested against it);
 * <li>normal k of the stream is the next normal of lane k mod 8;
 * <li>a lane makes its normals four at a time by the 256-layer ziggurat of {@link ZigguratRandom} (same layers):
 * four words, each the first word of one draw: layer i = the word's low 8 bits, u = its high 52 bits as a double in
 * [-1, 1) (exactly 2 x 1.m - 3, no rounding), x = u X[i], kept if |x| < X[i + 1]; the draws of the four that left
 * their layer's core (about 1 in 80) are then finished in order with the lane's next words:
 * {@link ZigguratRandom#wedgeOrTail}, and whole new draws while the wedge rejects.
 * </ul>
 * Every draw uses its own words, so the normals are independent and exactly normal (up to the tables' rounding). The
 * four words of all lanes are computed at once on the Vector API; the core test runs without branches.
 */
public final class NormalStream {
    /** Interleaved lanes. */
    public static final int LANES = 8;
    /** Words per lane made at once. */
    private static final int STEPS = 4;
    private static final int BLOCK = LANES * STEPS;
    private static final double[] X = ZigguratRandom.layerEdges();
    /** The JDK's seeding constants for xoshiro (java.util.random's RandomSupport). */
    private static final long SILVER_RATIO_64 = 0x6A09E667F3BCC909L;
    private static final long GOLDEN_RATIO_64 = 0x9E3779B97F4A7C15L;

    /** Lane states, word-major: st[w * 8 + l] is state word w of lane l. */
    private final long[] st = new long[4 * LANES];
    /** The words of the last refill: words[s * 8 + l] is lane l's word of step s. */
    private final long[] words = new long[BLOCK];
    private final double[] buffer = new double[BLOCK];
    private int buffered;
    private final boolean vector;
    private Lane[] lanes;

    public NormalStream(long seed) {
        this(seed, Kernels.VECTOR);
    }

    /** With {@code vector = false} the words are made by plain loops (the same bits; for the tests). */
    NormalStream(long seed, boolean vector) {
        this.vector = vector;
        for (int l = 0; l < LANES; l++) {
            long s = Seeds.derive(seed, l) ^ SILVER_RATIO_64;
            st[l] = mixStafford13(s);
            st[LANES + l] = mixStafford13(s += GOLDEN_RATIO_64);
            st[2 * LANES + l] = mixStafford13(s += GOLDEN_RATIO_64);
            st[3 * LANES + l] = mixStafford13(s + GOLDEN_RATIO_64);
        }
    }

    private static long mixStafford13(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fills {@code z[off .. off + n)} with the stream's next n normals (the stream does not depend on how it is cut). */
    public void fill(double[] z, int off, int n) {
        while (n > 0) {
            if (buffered > 0) {
                int c = Math.min(n, buffered);
                System.arraycopy(buffer, BLOCK - buffered, z, off, c);
                buffered -= c;
                off += c;
                n -= c;
            } else if (n >= BLOCK) {
                block(z, off);
                off += BLOCK;
                n -= BLOCK;
            } else {
                block(buffer, 0);
                buffered = BLOCK;
            }
        }
    }

    /** The next normal. */
    public double next() {
        if (buffered == 0) {
            block(buffer, 0);
            buffered = BLOCK;
        }
        return buffer[BLOCK - buffered--];
    }

    /**
     * The next 32 normals into z[off ..]: 4 words of every lane at once, each the first word of one ziggurat draw;
     * the draws that left their layer's core are finished afterwards, in order, from their lanes' next words.
     */
    private void block(double[] z, int off) {
        if (!vector || !VectorKernels.xoshiroWords(st, words, STEPS)) {
            for (int s = 0; s < STEPS; s++) {
                for (int l = 0; l < LANES; l++) {
                    words[s * LANES + l] = step(l);
                }
            }
        }
        int slow = 0;
        for (int j = 0; j < BLOCK; j++) {
            long w = words[j];
            int i = (int) w & 0xFF;
            double x = abscissa(w) * X[i];
            z[off + j] = x;
            slow |= Math.abs(x) < X[i + 1] ? 0 : 1 << j;
        }
        while (slow != 0) {
            int j = Integer.numberOfTrailingZeros(slow);
            slow &= slow - 1;
            long w = words[j];
            z[off + j] = finish(j % LANES, (int) w & 0xFF, z[off + j]);
        }
    }

    /** u in [-1, 1) from the word's high 52 bits: 2 x [1, 2) - 3, exact. */
    private static double abscissa(long w) {
        return Double.longBitsToDouble(0x4000_0000_0000_0000L | (w >>> 12)) - 3;
    }

    /** Finishes lane l's draw that gave layer i and abscissa x outside the core; whole new draws if the wedge rejects. */
    private double finish(int l, int i, double x) {
        if (lanes == null) {
            lanes = new Lane[LANES];
            for (int k = 0; k < LANES; k++) {
                lanes[k] = new Lane(k);
            }
        }
        while (true) {
            double v = ZigguratRandom.wedgeOrTail(i, x, lanes[l]);
            if (!Double.isNaN(v)) {
                return v;
            }
            long w = step(l);
            i = (int) w & 0xFF;
            x = abscissa(w) * X[i];
            if (Math.abs(x) < X[i + 1]) {
                return x;
            }
        }
    }

    /** One xoshiro256++ step of lane l on its state in {@link #st}. */
    private long step(int l) {
        long s0 = st[l];
        long s1 = st[LANES + l];
        long s2 = st[2 * LANES + l];
        long s3 = st[3 * LANES + l];
        long r = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        st[l] = s0;
        st[LANES + l] = s1;
        st[2 * LANES + l] = s2;
        st[3 * LANES + l] = s3;
        return r;
    }

    /** Lane l's words as a generator, for the ziggurat's wedge and tail. */
    private final class Lane implements RandomGenerator {
        private final int l;

        Lane(int l) {
            this.l = l;
        }

        @Override
        public long nextLong() {
            return step(l);
        }
    }
}
