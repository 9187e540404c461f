package org.phodex.bench;

import java.util.Arrays;

/**
 * Repeated measurements of one piece of work, in seconds: wall clock, and the CPU time of the JVM's Java threads
 * over the same interval ({@link Bench#javaThreadsCpuNanos}; NaN where the JVM cannot tell). On a shared machine
 * wall time includes the time the threads waited for a core; CPU time does not.
 */
public record Timing(double[] seconds, double[] cpuSeconds) {

    public Timing(double[] seconds) {
        this(seconds, nans(seconds.length));
    }

    private static double[] nans(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    /** Runs {@code work} {@code warmup} times untimed, then {@code reps} times timed. */
    public static Timing of(int warmup, int reps, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] s = new double[reps];
        double[] c = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = Bench.javaThreadsCpuNanos();
            long t0 = System.nanoTime();
            work.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
            long c1 = Bench.javaThreadsCpuNanos();
            c[i] = c0 < 0 ? Double.NaN : (c1 - c0) / 1e9;
        }
        return new Timing(s, c);
    }

    public double best() {
        return Arrays.stream(seconds).min().orElse(Double.NaN);
    }

    public double median() {
        return median(seconds);
    }

    /** Median CPU seconds of the process per repetition. */
    public double cpuMedian() {
        return median(cpuSeconds);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public int reps() {
        return seconds.length;
    }
}
