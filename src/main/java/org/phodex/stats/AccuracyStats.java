package org.phodex.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * Accuracy of a design measured on {@code samples} test samples through {@code chips} fabricated chips, with a 95%
 * interval, the 10th-percentile chip and an exact paired test against the float network on the same samples.
 *
 * <p>How each figure is formed (README, "How accuracy is reported"):
 * <ul>
 *   <li>{@code mean}: correct answers over samples x chips (the mean of the chips' accuracies).</li>
 *   <li>{@code ci95Low/High}: a Wilson score interval (Wilson 1927) for the mean with an effective number of
 *       trials {@code m = p(1-p) / V}, where {@code V = var_i(q_i)/n + s^2/K}: {@code q_i} is sample i's fraction
 *       of chips answering correctly (its variance over the n samples, n in the denominator, covers the
 *       test-set draw) and {@code s^2}
 *       the variance of the K chips' accuracies (between-chip variation). {@code m} is capped at n x K. With one
 *       chip, or chips that agree on every sample, this is the Wilson interval over n samples; with chips that
 *       err independently it tends to the Wilson interval over n x K; a large chip-to-chip spread widens it.</li>
 *   <li>{@code p10}: the 10th percentile of the chips' accuracies (linear interpolation between order statistics,
 *       numpy's default): what 90% of fabricated chips reach.</li>
 *   <li>{@code pVsFloat}: an exact two-sided sign-flip (permutation) test of the paired per-sample differences
 *       {@code t_i = (chips correct on i) - K * (float correct on i)}: under the null hypothesis the sign of each
 *       {@code t_i} is a fair coin, and p is the probability that |sum of s_i |t_i|| reaches the observed |sum t_i|,
 *       computed exactly by dynamic programming. With one chip it is the exact McNemar test (binomial on the
 *       discordant pairs). Samples are the unit, so chips sharing a sample are not counted as independent.</li>
 *   <li>{@code diffCi95Low/High}: 95% interval of the paired difference accuracy - float, normal approximation
 *       with variance {@code var_i(q_i - f_i)/n + s^2/K}; a design is within a tolerance of float at the 95% level
 *       when {@code diffCi95Low >= -tolerance}.</li>
 *   <li>{@code chipStd}: standard deviation of the chips' accuracies (n - 1 in the denominator, 0 for one chip).</li>
 * </ul>
 */
public record AccuracyStats(double mean, double ci95Low, double ci95High, double p10, int samples, int chips,
                            double floatAccuracy, double pVsFloat, double diffCi95Low, double diffCi95High,
                            double chipStd) {

    /** Two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;
    /** Significance level for "more accurate than float". */
    public static final double ALPHA = 0.05;
    /** Above this many DP cells the sign-flip test falls back to its normal approximation. */
    static final long MAX_EXACT_CELLS = 400_000_000L;

    /**
     * @param correct      {@code correct[chip][sample]}: did chip k answer sample i correctly
     * @param floatCorrect did the float network answer sample i correctly (same samples, same order)
     */
    public static AccuracyStats of(boolean[][] correct, boolean[] floatCorrect) {
        int k = correct.length;
        if (k < 1) {
            throw new IllegalArgumentException("no chips");
        }
        int n = floatCorrect.length;
        if (n < 1) {
            throw new IllegalArgumentException("no samples");
        }
        double[] chipAcc = new double[k];
        int[] hits = new int[n];
        for (int c = 0; c < k; c++) {
            if (correct[c].length != n) {
                throw new IllegalArgumentException("chip " + c + " has " + correct[c].length + " samples, float has "
                        + n);
            }
            int sum = 0;
            for (int i = 0; i < n; i++) {
                if (correct[c][i]) {
                    sum++;
                    hits[i]++;
                }
            }
            chipAcc[c] = (double) sum / n;
        }
        int floatHits = 0;
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            floatHits += floatCorrect[i] ? 1 : 0;
            t[i] = hits[i] - (floatCorrect[i] ? k : 0);
        }
        double p = mean(chipAcc);
        double f = (double) floatHits / n;
        double s2 = variance(chipAcc);
        double[] q = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = (double) hits[i] / k;
            d[i] = q[i] - (floatCorrect[i] ? 1 : 0);
        }
        double v = populationVariance(q) / n + s2 / k;
        double m = effectiveTrials(p, v, (double) n * k);
        double[] ci = wilson(p, m, Z95);
        double sd = Math.sqrt(populationVariance(d) / n + s2 / k);
        return new AccuracyStats(p, ci[0], ci[1], percentile(chipAcc, 0.10), n, k, f, signFlipP(t),
                p - f - Z95 * sd, p - f + Z95 * sd, Math.sqrt(s2));
    }

    /** {@code p(1-p)/v} within [1, cap]; the cap when the variance is 0 or p is 0 or 1. */
    static double effectiveTrials(double p, double v, double cap) {
        double pq = p * (1 - p);
        if (pq <= 0 || v <= 0) {
            return cap;
        }
        return Math.max(1, Math.min(cap, pq / v));
    }

    /** Wilson score interval {low, high} for a proportion p observed over m trials (m may be fractional). */
    public static double[] wilson(double p, double m, double z) {
        double z2 = z * z;
        double denom = 1 + z2 / m;
        double center = (p + z2 / (2 * m)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / m + z2 / (4 * m * m));
        return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
    }

    /** Linear interpolation between order statistics (numpy's default): q in [0, 1]. */
    public static double percentile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /**
     * Exact two-sided sign-flip test of paired integer differences: P(|sum s_i |t_i|| >= |sum t_i|) with the s_i
     * independent fair signs. 1 when every difference is 0.
     */
    public static double signFlipP(int[] t) {
        long obs = 0;
        int total = 0;
        int m = 0;
        for (int x : t) {
            obs += x;
            total += Math.abs(x);
            m += x != 0 ? 1 : 0;
        }
        if (m == 0) {
            return 1.0;
        }
        long target = Math.abs(obs);
        if ((long) m * (2L * total + 1) > MAX_EXACT_CELLS) {
            double var = 0;
            for (int x : t) {
                var += (double) x * x;
            }
            // continuity-corrected normal approximation of the same statistic (huge splits only)
            double zObs = Math.max(0, target - 1) / Math.sqrt(var);
            return Math.min(1, 2 * upperNormal(zObs));
        }
        // dist[s + total] = P(partial sum = s)
        double[] dist = new double[2 * total + 1];
        dist[total] = 1;
        int reach = 0;
        for (int x : t) {
            int a = Math.abs(x);
            if (a == 0) {
                continue;
            }
            double[] next = new double[dist.length];
            for (int s = -reach; s <= reach; s++) {
                double pr = dist[s + total];
                if (pr != 0) {
                    next[s + a + total] += 0.5 * pr;
                    next[s - a + total] += 0.5 * pr;
                }
            }
            dist = next;
            reach += a;
        }
        double tail = 0;
        for (int s = -total; s <= total; s++) {
            if (Math.abs(s) >= target) {
                tail += dist[s + total];
            }
        }
        return Math.min(1, tail);
    }

    private static double upperNormal(double z) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(z / Math.sqrt(2));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Variance with n in the denominator (the binomial p(1-p) for 0/1 values). */
    static double populationVariance(double[] x) {
        double mu = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - mu) * (v - mu);
        }
        return ss / x.length;
    }

    /** Sample variance (n - 1 in the denominator); 0 for one value. */
    static double variance(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double mu = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - mu) * (v - mu);
        }
        return ss / (x.length - 1);
    }

    /** Significantly more accurate than float: p below {@value #ALPHA} and the mean above float. */
    public boolean moreAccurateThanFloat() {
        return claimsMoreAccurate(mean, floatAccuracy, pVsFloat);
    }

    /** The one rule for "more accurate than float", also for figures read back from CSV files. */
    public static boolean claimsMoreAccurate(double accuracy, double floatAccuracy, double pVsFloat) {
        return pVsFloat < ALPHA && accuracy > floatAccuracy;
    }

    /** Within {@code tolerance} (a fraction, 0.005 = half a point) of float at the 95% level (paired interval). */
    public boolean withinToleranceOfFloat(double tolerance) {
        return diffCi95Low >= -tolerance;
    }

    /** "96.1 % (95% CI 95.2-96.9 %, 10 chips x 2000 samples)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.2f %% (95%% CI %.2f-%.2f %%, %d chip%s x %d samples)", 100 * mean,
                100 * ci95Low, 100 * ci95High, chips, chips == 1 ? "" : "s", samples);
    }

    /** How the design compares with float in words that never overstate (see {@link #comparison}). */
    public String versusFloat() {
        return comparison(mean, ci95Low, ci95High, floatAccuracy, pVsFloat);
    }

    /**
     * "more accurate than float (p = 0.003)" only when significant; "less accurate than float (p = ...)" when
     * significantly below; otherwise "within noise of float (95% CI 95.2-96.9 % vs float 96.0 %, p = 0.41)".
     */
    public static String comparison(double accuracy, double low, double high, double floatAccuracy,
                                     double pVsFloat) {
        if (Double.isNaN(pVsFloat)) {
            return String.format(Locale.ROOT, "float %.2f %%; no paired test", 100 * floatAccuracy);
        }
        if (claimsMoreAccurate(accuracy, floatAccuracy, pVsFloat)) {
            return String.format(Locale.ROOT, "more accurate than float %.2f %% (p = %.2g)", 100 * floatAccuracy,
                    pVsFloat);
        }
        if (pVsFloat < ALPHA && accuracy < floatAccuracy) {
            return String.format(Locale.ROOT, "less accurate than float %.2f %% (p = %.2g)", 100 * floatAccuracy,
                    pVsFloat);
        }
        return String.format(Locale.ROOT, "within noise of float (95%% CI %.2f-%.2f %% vs float %.2f %%, p = %.2g)",
                100 * low, 100 * high, 100 * floatAccuracy, pVsFloat);
    }
}
