package org.phodex.sim;

/** Derives independent random streams from a seed and indices, deterministically (no time, no threads). */
public final class Seeds {
    private Seeds() {
    }

    /** SplitMix64 finalizer of (seed, index): a well-mixed 64-bit seed for stream {@code index}. */
    public static long derive(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
