package org.phodex.sim;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where the simulator's time goes, for {@code phodex bench}: nanoseconds summed over threads per phase. Off unless
 * {@link #enable} is called; then each phase of {@link PhotonicLayer} adds one clock reading pair per tile or block.
 */
public final class Profile {
    /** The phases timed. */
    public enum Phase {
        /** program: sample the chip's errors and multiply out every tile's meshes (SVDs come from the cache). */
        BUILD,
        /** apply: per-vector full scale and the input DAC. */
        DAC,
        /** apply: the batched matrix products. */
        PRODUCT,
        /** apply: detector noise, ADC and the digital partial sums. */
        NOISE_ADC
    }

    private static volatile boolean enabled;
    private static final LongAdder[] NANOS = new LongAdder[Phase.values().length];

    static {
        for (int i = 0; i < NANOS.length; i++) {
            NANOS[i] = new LongAdder();
        }
    }

    private Profile() {
    }

    public static void enable(boolean on) {
        enabled = on;
    }

    public static void reset() {
        for (LongAdder a : NANOS) {
            a.reset();
        }
    }

    /** Seconds spent in a phase since the last reset (summed over threads). */
    public static double seconds(Phase p) {
        return NANOS[p.ordinal()].sum() / 1e9;
    }

    static long start() {
        return enabled ? System.nanoTime() : 0;
    }

    static void stop(Phase p, long start) {
        if (enabled) {
            NANOS[p.ordinal()].add(System.nanoTime() - start);
        }
    }
}
