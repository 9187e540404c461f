package org.phodex.photonics;

import java.util.random.RandomGenerator;

/**
 * A microring weight bank (broadcast-and-weight; Tait et al., Sci. Rep. 7, 7430 (2017)): K wavelengths on
 * one bus pass R banks of K add-drop rings; ring k of a bank sits near channel k and is thermally detuned
 * (red shift, delta >= 0) to set how much of channel k it drops. A balanced photodiode subtracts through
 * from drop, so a lossless bank gives signed weights w = drop - through in [-1, 1].
 *
 * <p>Each ring's drop transmission is Lorentzian in detuning with FWHM = lambda / Q. Light of channel k
 * meets every ring of the bank: the fraction left on the through port is prod_j (1 - D_j(lambda_k)), so the
 * realized weight is w_k = 1 - 2 prod_j (1 - D_j(lambda_k)): without neighbours it is 2 D_k - 1, and the
 * neighbours' Lorentzian tails add crosstalk that grows as channel spacing / linewidth shrinks.
 *
 * <p><b>Fabrication variation.</b> Each ring's cold resonance is off its design by eps ~ N(0, sigma), drawn per
 * chip sample. Rings are designed {@link #fabBiasNm()} = 3 sigma blue of their channel (a heater only red-shifts),
 * so the heater setting that puts ring j at detuning delta_j is h_j = delta_j + bias - eps_j, over a tuning DAC
 * range of {@link #maxDetuningNm()} + 2 bias; the ring's resonance is located once after fabrication (model
 * assumption: exactly), so eps is corrected to within the tuning DAC's step, and a ring beyond the range clips.
 *
 * <p><b>Calibration.</b> {@code feedback = false}: each ring is set for its target as if alone (eps corrected,
 * inter-channel crosstalk left). {@code feedback = true}: the bank's weights are measured and the static
 * crosstalk pre-compensated (Tait et al., Opt. Express 24, 8895 (2016), multi-channel weight-bank control): ring
 * c's drop is solved so that channel c meets its target given the other rings' tails, Gauss-Seidel over the rings
 * until the settings stop moving; detunings stay within the tuning range, then the heater settings are quantized
 * by the tuning DAC, and what remains (DAC step, range limits, unconverged part) is the residual.
 *
 * @param ringQ             loaded quality factor
 * @param channelSpacingNm  WDM channel spacing (nm); non-finite means isolated channels (no crosstalk)
 * @param wavelengthNm      operating wavelength (nm)
 * @param weightBits        tuning DAC bits over the heater range (clipping); <= 0 exact
 * @param resonanceSigmaNm  standard deviation of a ring's fabricated resonance offset (nm); 0: none
 * @param feedback          feedback calibration of inter-channel crosstalk
 */
public record MrrBank(double ringQ, double channelSpacingNm, double wavelengthNm, int weightBits,
                      double resonanceSigmaNm, boolean feedback) {

    /** Gauss-Seidel sweeps of the feedback calibration (converged to < 1e-9 in weight for Q >= 5000 at 0.4 nm). */
    static final int CALIBRATION_SWEEPS = 30;

    /** An ideal-fabrication, uncalibrated bank. */
    public MrrBank(double ringQ, double channelSpacingNm, double wavelengthNm, int weightBits) {
        this(ringQ, channelSpacingNm, wavelengthNm, weightBits, 0, false);
    }

    /** Linewidth FWHM = lambda / Q (nm). */
    public double fwhmNm() {
        return wavelengthNm / ringQ;
    }

    /** Drop-port transmission of an add-drop ring at detuning delta from resonance: 1 / (1 + (2 delta / FWHM)^2). */
    public double dropTransmission(double detuningNm) {
        double x = 2 * detuningNm / fwhmNm();
        return 1 / (1 + x * x);
    }

    /**
     * Largest detuning a weight uses: 10 FWHM (drop 1/401, weight -0.995), or half the channel spacing if that is
     * less (beyond it the ring would walk onto the next channel).
     */
    public double maxDetuningNm() {
        double range = 10 * fwhmNm();
        return Double.isFinite(channelSpacingNm) ? Math.min(range, channelSpacingNm / 2) : range;
    }

    /** Design offset of every ring blue of its channel so that the heater can absorb fabrication: 3 sigma. */
    public double fabBiasNm() {
        return 3 * resonanceSigmaNm;
    }

    /** Full range of the heater's red shift that the tuning DAC spans: max detuning + 2 x the fabrication bias. */
    public double heaterRangeNm() {
        return maxDetuningNm() + 2 * fabBiasNm();
    }

    /**
     * Detuning that sets an isolated ring to weight w: D = (1 + w)/2, delta = FWHM/2 sqrt(1/D - 1), at most
     * {@link #maxDetuningNm()} when the channels are finitely spaced.
     */
    public double detuningForWeightNm(double w) {
        return detuningForDrop((1 + Math.max(-1, Math.min(1, w))) / 2);
    }

    private double detuningForDrop(double d) {
        double delta = d <= 0 ? Double.POSITIVE_INFINITY : fwhmNm() / 2 * Math.sqrt(1 / d - 1);
        return Double.isFinite(channelSpacingNm) ? Math.min(delta, channelSpacingNm / 2) : delta;
    }

    /** True when {@link #realize} draws fabrication offsets (and so needs a random stream). */
    public boolean varies() {
        return resonanceSigmaNm > 0;
    }

    /** {@link #realize(double[], int, int, RandomGenerator)} of a bank without fabrication variation. */
    public double[] realize(double[] targets, int rows, int k) {
        if (varies()) {
            throw new IllegalStateException("a bank with fabrication variation needs a random stream");
        }
        return realize(targets, rows, k, null);
    }

    /**
     * The weights a bank realizes for targets in [-1, 1] ({@code rows x k} row-major, one bank per row): each
     * ring's fabrication offset drawn from {@code rng} (row-major, one normal per ring, only when sigma > 0), the
     * detunings chosen (alone, or by feedback calibration), the heater settings quantized by the tuning DAC,
     * then every ring's Lorentzian acting on every channel.
     */
    public double[] realize(double[] targets, int rows, int k, RandomGenerator rng) {
        double[] out = new double[rows * k];
        double[] delta = new double[k];
        double[] eps = new double[k];
        double bias = fabBiasNm();
        double heaterMax = heaterRangeNm();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                eps[j] = varies() ? resonanceSigmaNm * rng.nextGaussian() : 0;
                delta[j] = detuningForWeightNm(targets[r * k + j]);
            }
            if (feedback && Double.isFinite(channelSpacingNm)) {
                calibrate(targets, r * k, k, delta);
            }
            for (int j = 0; j < k; j++) {
                // heater red shift h = delta + bias - eps on the tuning DAC's grid; the ring then sits at h - bias + eps
                double h = delta[j] + bias - eps[j];
                double hq = weightBits > 0 ? Quantizer.unsigned(h, heaterMax, weightBits) : Math.max(0, h);
                delta[j] = hq - bias + eps[j];
            }
            weights(delta, k, out, r * k);
        }
        return out;
    }

    /** Realized weights of one bank whose rings sit at detunings {@code delta} (from their own channels). */
    private void weights(double[] delta, int k, double[] out, int o) {
        boolean isolated = !Double.isFinite(channelSpacingNm);
        for (int c = 0; c < k; c++) {
            double through = 1;
            for (int j = 0; j < k; j++) {
                if (isolated && j != c) {
                    continue;
                }
                through *= 1 - dropTransmission(offsetNm(c, j, delta[j]));
            }
            out[o + c] = 1 - 2 * through;
        }
    }

    /** Channel c's distance from ring j's resonance, the ring at detuning delta_j from its own channel. */
    private double offsetNm(int c, int j, double deltaJ) {
        return (j == c ? 0 : (c - j) * channelSpacingNm) - deltaJ;
    }

    /**
     * Feedback calibration of one bank (targets at {@code o}): for each channel c, the through fraction its own
     * ring must leave given the other rings, (1 - t_c) / 2 / prod_{j != c} (1 - D_j(lambda_c)), sets ring c's
     * drop and so its detuning (within [0, max detuning]); repeated over all rings until converged.
     */
    private void calibrate(double[] targets, int o, int k, double[] delta) {
        for (int sweep = 0; sweep < CALIBRATION_SWEEPS; sweep++) {
            double moved = 0;
            for (int c = 0; c < k; c++) {
                double others = 1;
                for (int j = 0; j < k; j++) {
                    if (j != c) {
                        others *= 1 - dropTransmission(offsetNm(c, j, delta[j]));
                    }
                }
                double t = Math.max(-1, Math.min(1, targets[o + c]));
                double ownThrough = (1 - t) / 2 / others;
                double d = Math.max(0, Math.min(1, 1 - ownThrough));
                double next = Math.min(detuningForDrop(d), maxDetuningNm());
                moved = Math.max(moved, Math.abs(next - delta[c]));
                delta[c] = next;
            }
            if (moved < 1e-12) {
                return;
            }
        }
    }

    /**
     * Mean heater red shift per ring (nm) for weights uniform in [-1, 1]: the fabrication bias plus the mean
     * detuning (the offsets average out), by the midpoint rule over 1000 weights. Prices the tuning power.
     */
    public double meanHeaterShiftNm() {
        int n = 1000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.min(detuningForWeightNm(-1 + (2.0 * i + 1) / n), maxDetuningNm());
        }
        return fabBiasNm() + sum / n;
    }
}
