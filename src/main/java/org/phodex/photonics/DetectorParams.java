package org.phodex.photonics;

/**
 * A photodetector and its transimpedance amplifier.
 *
 * @param responsivityAPerW photocurrent per optical power (A/W), ~1 A/W for Ge at 1550 nm
 * @param darkCurrentA      dark current (A)
 * @param bandwidthHz       noise bandwidth (Hz), ~ half the modulation rate
 * @param tiaFeedbackOhm    TIA feedback resistance (ohm) that sets its thermal noise 4kT/R_F
 * @param temperatureK      temperature (K)
 */
public record DetectorParams(double responsivityAPerW, double darkCurrentA, double bandwidthHz,
        double tiaFeedbackOhm, double temperatureK) {

    /** Typical values: 1 A/W, 1 nA dark (docs/physics.md sec. 8), 5 GHz, 1 kOhm, 300 K. */
    public static DetectorParams typical() {
        return new DetectorParams(1.0, 1e-9, 5e9, 1e3, 300);
    }
}
