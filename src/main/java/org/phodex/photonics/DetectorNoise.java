package org.phodex.photonics;

/**
 * Shot and thermal noise of a photodetector with a TIA: the one place the detector-noise formula lives. q and k_B
 * come with the detector's parameters (from the device library's {@code constants}).
 */
public final class DetectorNoise {
    private DetectorNoise() {
    }

    /** sigma_I = sqrt(2 q (I + I_dark) B + 4 k T B / R_F): shot plus TIA thermal noise (docs/physics.md sec. 4). */
    public static double noiseCurrentA(double signalCurrentA, DetectorParams d) {
        return Math.sqrt(shotVariance(signalCurrentA, d) + thermalVariance(d));
    }

    private static double shotVariance(double currentA, DetectorParams d) {
        return 2 * d.electronChargeC() * (currentA + d.darkCurrentA()) * d.bandwidthHz();
    }

    private static double thermalVariance(DetectorParams d) {
        return 4 * d.boltzmannJPerK() * d.temperatureK() * d.bandwidthHz() / d.tiaFeedbackOhm();
    }

    /**
     * Noise std relative to the full-scale output when full scale puts {@code receivedPowerW} on the detector:
     * sigma_I(R P) / (R P). Infinite power means no noise (0); zero power, infinite noise.
     */
    public static double relativeNoise(double receivedPowerW, DetectorParams d) {
        if (receivedPowerW == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double i = d.responsivityAPerW() * receivedPowerW;
        return noiseCurrentA(i, d) / i;
    }

    /** SNR an ideal B-bit quantizer reaches with a full-scale sine: 6.02 B + 1.76 dB. */
    public static double requiredSnrDb(int adcBits) {
        return 6.02 * adcBits + 1.76;
    }

    /**
     * The smallest full-scale received power at which (full-scale sine power) / (noise power) reaches
     * 10^(snrDb/10): relativeNoise(P)^2 = 1 / (2 * 10^(snrDb/10)). With I = R P and rho that ratio,
     * rho I^2 - 2 q B I - (2 q B I_dark + 4 k T B / R_F) = 0; the positive root, in the cancellation-free form
     * I = (q B + sqrt((q B)^2 + rho C)) / rho.
     */
    public static double minReceivedPowerW(double snrDb, DetectorParams d) {
        double rho = 1.0 / (2 * Math.pow(10, snrDb / 10));
        double qb = d.electronChargeC() * d.bandwidthHz();
        double c = shotVariance(0, d) + thermalVariance(d);
        double current = (qb + Math.sqrt(qb * qb + rho * c)) / rho;
        return current / d.responsivityAPerW();
    }
}
