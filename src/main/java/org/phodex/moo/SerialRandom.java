package org.phodex.moo;

import java.io.Serializable;
import java.util.random.RandomGenerator;

/**
 * xoshiro256** (Blackman and Vigna, 2018) with its state as plain fields, so a checkpoint can save it and a
 * resumed run draws exactly the numbers the uninterrupted run would have drawn. Seeded through SplitMix64.
 */
public final class SerialRandom implements RandomGenerator, Serializable {
    private static final long serialVersionUID = 1L;
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public SerialRandom(long seed) {
        long x = seed;
        x += 0x9e3779b97f4a7c15L;
        s0 = mix(x);
        x += 0x9e3779b97f4a7c15L;
        s1 = mix(x);
        x += 0x9e3779b97f4a7c15L;
        s2 = mix(x);
        x += 0x9e3779b97f4a7c15L;
        s3 = mix(x);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** The four state words (for tests and debugging). */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }
}
