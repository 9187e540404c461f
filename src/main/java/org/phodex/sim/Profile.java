package org.phodex.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the simulator's time goes, for {@code phodex bench}: nanoseconds summed over threads per phase, both wall
 * clock and the thread's CPU time. Off unless {@link #enable} is called; then each phase of {@link PhotonicLayer}
 * adds one clock reading pair per tile or block. On a shared machine the two differ by the time the thread waited
 * for a core: wall time per thread that grows with the thread count while CPU time does not is the machine (other
 * jobs, a fixed CPU share), not the code.
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
    private static final LongAdder[] CPU_NANOS = new LongAdder[Phase.values().length];
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = MX.isCurrentThreadCpuTimeSupported();
    /** CPU time of this thread when its current phase started (phases do not nest within a thread). */
    private static final ThreadLocal<long[]> CPU_START = ThreadLocal.withInitial(() -> new long[1]);

    static {
        for (int i = 0; i < NANOS.length; i++) {
            NANOS[i] = new LongAdder();
            CPU_NANOS[i] = new LongAdder();
        }
    }

    private Profile() {
    }

    public static void enable(boolean on) {
        enabled = on;
    }

    public static void reset() {
        for (int i = 0; i < NANOS.length; i++) {
            NANOS[i].reset();
            CPU_NANOS[i].reset();
        }
    }

    /** Wall-clock seconds spent in a phase since the last reset (summed over threads). */
    public static double seconds(Phase p) {
        return NANOS[p.ordinal()].sum() / 1e9;
    }

    /** CPU seconds of the threads in a phase since the last reset (summed over threads); NaN if unsupported. */
    public static double cpuSeconds(Phase p) {
        return CPU ? CPU_NANOS[p.ordinal()].sum() / 1e9 : Double.NaN;
    }

    static long start() {
        if (!enabled) {
            return 0;
        }
        if (CPU) {
            CPU_START.get()[0] = MX.getCurrentThreadCpuTime();
        }
        return System.nanoTime();
    }

    static void stop(Phase p, long start) {
        if (enabled) {
            NANOS[p.ordinal()].add(System.nanoTime() - start);
            if (CPU) {
                CPU_NANOS[p.ordinal()].add(MX.getCurrentThreadCpuTime() - CPU_START.get()[0]);
            }
        }
    }
}
