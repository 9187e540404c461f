package org.phodex.photonics;

/**
 * A photodetector and its transimpedance amplifier.
 *
 * @param responsivityAPerW photocurrent per optical power (A/W), ~1 A/W for Ge at 1550 nm
 * @param darkCurrentA      dark current (A)
 * @param bandwidthHz       noise bandwidth (Hz), ~ half the modulation rate
 * @param tiaFeedbackOhm    TIA feedback resistance (ohm) that sets its thermal noise 4kT/R_F
 * @param temperatureK      temperature (K)
 * @param electronChargeC   elementary charge q (C): the device library's {@code constants.electron_charge_c}
 * @param boltzmannJPerK    Boltzmann constant k_B (J/K): the device library's {@code constants.boltzmann_j_per_k}
 */
public record DetectorParams(double responsivityAPerW, double darkCurrentA, double bandwidthHz,
        double tiaFeedbackOhm, double temperatureK, double electronChargeC, double boltzmannJPerK) {

    /**
     * Stand-alone parameters (tests, ideal settings) with the exact SI 2019 constants; the model's detectors are
     * built from the device library ({@code LinkBudget.detector}), whose {@code constants} entry is then the one
     * source of q and k_B.
     */
    public DetectorParams(double responsivityAPerW, double darkCurrentA, double bandwidthHz, double tiaFeedbackOhm,
            double temperatureK) {
        this(responsivityAPerW, darkCurrentA, bandwidthHz, tiaFeedbackOhm, temperatureK, 1.602176634e-19,
                1.380649e-23);
    }

    /** Typical values: 1 A/W, 1 nA dark (docs/physics.md sec. 8), 5 GHz, 1 kOhm, 300 K. */
    public static DetectorParams typical() {
        return new DetectorParams(1.0, 1e-9, 5e9, 1e3, 300);
    }
}
