package org.phodex.photonics;

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
 * @param ringQ            loaded quality factor
 * @param channelSpacingNm WDM channel spacing (nm); non-finite means isolated channels (no crosstalk)
 * @param wavelengthNm     operating wavelength (nm)
 * @param weightBits       tuning DAC bits over the detuning range [0, maxDetuningNm()] (clipping); <= 0 exact
 */
public record MrrBank(double ringQ, double channelSpacingNm, double wavelengthNm, int weightBits) {

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
     * Range of the tuning DAC: 10 FWHM (drop 1/401, weight -0.995), or half the channel spacing if that is
     * less. Exact tuning (weightBits <= 0) has no DAC range, only the half-spacing limit.
     */
    public double maxDetuningNm() {
        double range = 10 * fwhmNm();
        return Double.isFinite(channelSpacingNm) ? Math.min(range, channelSpacingNm / 2) : range;
    }

    /**
     * Detuning that sets an isolated ring to weight w: D = (1 + w)/2, delta = FWHM/2 sqrt(1/D - 1), at most half
     * the channel spacing (beyond it the ring would walk onto the next channel).
     */
    public double detuningForWeightNm(double w) {
        double d = (1 + Math.max(-1, Math.min(1, w))) / 2;
        double delta = d <= 0 ? Double.POSITIVE_INFINITY : fwhmNm() / 2 * Math.sqrt(1 / d - 1);
        return Double.isFinite(channelSpacingNm) ? Math.min(delta, channelSpacingNm / 2) : delta;
    }

    /**
     * The weights a bank realizes for targets in [-1, 1] ({@code rows x k} row-major, one bank per row): each
     * ring detuned for its target as if alone, detuning quantized by the tuning DAC, then every ring's
     * Lorentzian acting on every channel.
     */
    public double[] realize(double[] targets, int rows, int k) {
        double[] out = new double[rows * k];
        double[] delta = new double[k];
        boolean isolated = !Double.isFinite(channelSpacingNm);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                delta[j] = Quantizer.unsigned(detuningForWeightNm(targets[r * k + j]), maxDetuningNm(), weightBits);
            }
            for (int c = 0; c < k; c++) {
                double through = 1;
                for (int j = 0; j < k; j++) {
                    if (isolated && j != c) {
                        continue;
                    }
                    // channel c sits at (c - j) * spacing from ring j's cold resonance; the ring is at +delta_j
                    double offset = (j == c ? 0 : (c - j) * channelSpacingNm) - delta[j];
                    through *= 1 - dropTransmission(offset);
                }
                out[r * k + c] = 1 - 2 * through;
            }
        }
        return out;
    }
}
