package org.phodex.bench;

import java.util.Arrays;

/** Repeated wall-clock measurements of one piece of work: best and median, in seconds. */
public record Timing(double[] seconds) {

    /** Runs {@code work} {@code warmup} times untimed, then {@code reps} times timed. */
    public static Timing of(int warmup, int reps, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] s = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            work.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        return new Timing(s);
    }

    public double best() {
        return Arrays.stream(seconds).min().orElse(Double.NaN);
    }

    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public int reps() {
        return seconds.length;
    }
}
