package org.phodex.workload;

import java.util.List;

/**
 * Top-1 accuracy measured on the first {@code samples} test samples.
 *
 * @param correct number of samples whose arg-max output equals the label
 * @param samples number of test samples used
 */
public record Accuracy(int correct, int samples) {

    public Accuracy {
        if (samples < 1 || correct < 0 || correct > samples) {
            throw new IllegalArgumentException("accuracy " + correct + "/" + samples);
        }
    }

    /** Fraction correct, 0..1. */
    public double top1() {
        return (double) correct / samples;
    }

    /**
     * Mean and spread of accuracy over chip samples (each a separately fabricated chip).
     *
     * @param mean    mean top-1 over chips
     * @param std     sample standard deviation over chips (n - 1 in the denominator; 0 for one chip)
     * @param chips   number of chips
     * @param samples test samples per chip
     */
    public record Spread(double mean, double std, int chips, int samples) {
    }

    /** Mean and sample standard deviation of top-1 over chips; all must use the same number of samples. */
    public static Spread spread(List<Accuracy> perChip) {
        if (perChip.isEmpty()) {
            throw new IllegalArgumentException("no chip samples");
        }
        int n = perChip.get(0).samples();
        double sum = 0;
        for (Accuracy a : perChip) {
            if (a.samples() != n) {
                throw new IllegalArgumentException("chip samples used different test subsets: " + n + " vs "
                        + a.samples());
            }
            sum += a.top1();
        }
        double mean = sum / perChip.size();
        double ss = 0;
        for (Accuracy a : perChip) {
            double d = a.top1() - mean;
            ss += d * d;
        }
        double std = perChip.size() > 1 ? Math.sqrt(ss / (perChip.size() - 1)) : 0.0;
        return new Spread(mean, std, perChip.size(), n);
    }
}
