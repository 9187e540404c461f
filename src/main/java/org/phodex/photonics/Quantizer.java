package org.phodex.photonics;

/** Converter quantization, each rule in one place. bits <= 0 means ideal (no quantization). */
public final class Quantizer {
    private Quantizer() {
    }

    /**
     * Signed mid-tread quantizer over [-fullScale, fullScale] with clipping: 2^(b-1) - 1 levels each side of
     * zero (symmetric two's-complement code without its most negative value); 1 bit keeps only the sign.
     */
    public static double signed(double x, double fullScale, int bits) {
        if (bits <= 0) {
            return x;
        }
        if (!(fullScale > 0)) {
            return 0;
        }
        return Signed.of(fullScale, bits).apply(x);
    }

    /**
     * {@link #signed} with its step worked out once, for loops over many samples at one full scale: clip to
     * [-fullScale, fullScale], then rint(x / step) * step with 1 / step precomputed.
     *
     * @param step     fullScale / (2^(b-1) - 1); 0 for a 1-bit (sign only) quantizer
     * @param invStep  1 / step
     */
    public record Signed(double fullScale, double step, double invStep) {
        /** fullScale > 0 and bits >= 1. */
        public static Signed of(double fullScale, int bits) {
            if (bits == 1) {
                return new Signed(fullScale, 0, 0);
            }
            double levels = (1L << (bits - 1)) - 1;
            double step = fullScale / levels;
            return new Signed(fullScale, step, 1 / step);
        }

        public double apply(double x) {
            double c = Math.max(-fullScale, Math.min(fullScale, x));
            if (step == 0) {
                return c >= 0 ? fullScale : -fullScale;
            }
            return Math.rint(c * invStep) * step;
        }
    }

    /** Unsigned quantizer over [0, max] with 2^b levels including both ends; clips outside. */
    public static double unsigned(double x, double max, int bits) {
        if (bits <= 0) {
            return x;
        }
        double c = Math.max(0, Math.min(max, x));
        double step = max / ((1L << bits) - 1);
        return Math.rint(c / step) * step;
    }

    /** A phase written by a b-bit DAC over [0, 2 pi): 2^b levels, step 2 pi / 2^b; result in [0, 2 pi). */
    public static double phase(double phi, int bits) {
        double w = Phases.wrap(phi);
        if (bits <= 0) {
            return w;
        }
        double step = Phases.TWO_PI / (1L << bits);
        return Phases.wrap(Math.rint(w / step) * step);
    }
}
