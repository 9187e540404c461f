package org.phodex.sim;

/**
 * Accuracy of a simulated layer output against the exact product.
 *
 * @param relativeRmsError sqrt(sum (s - e)^2 / sum e^2)
 * @param snrDb            10 log10(sum e^2 / sum (s - e)^2); +Infinity when exact
 */
public record LayerMetrics(double relativeRmsError, double snrDb) {

    public static LayerMetrics compare(double[] exact, double[] simulated) {
        if (exact.length != simulated.length) {
            throw new IllegalArgumentException("lengths differ: " + exact.length + " vs " + simulated.length);
        }
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < exact.length; i++) {
            double d = simulated[i] - exact[i];
            signal += exact[i] * exact[i];
            noise += d * d;
        }
        return new LayerMetrics(Math.sqrt(noise / signal), 10 * Math.log10(signal / noise));
    }

    /** Effective number of bits of that SNR: (SNR - 1.76) / 6.02. */
    public double effectiveBits() {
        return (snrDb - 1.76) / 6.02;
    }
}
