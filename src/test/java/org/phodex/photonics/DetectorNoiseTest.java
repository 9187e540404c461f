package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DetectorNoiseTest {
    private static final DetectorParams D = new DetectorParams(0.9, 1e-9, 1e9, 1e3, 300);

    @Test
    void noiseCurrentMatchesAHandComputedValue() {
        // 1 mA, no dark current, 1 GHz, 1 kOhm, 300 K:
        // thermal 4 * 1.380649e-23 * 300 * 1e9 / 1e3 = 1.6567788e-14 A^2
        // shot    2 * 1.602176634e-19 * 1e-3 * 1e9   = 3.2043533e-13 A^2
        // sigma   = sqrt(3.3700312e-13)               = 5.805197e-7 A
        DetectorParams d = new DetectorParams(1, 0, 1e9, 1e3, 300);
        assertEquals(5.805197e-7, DetectorNoise.noiseCurrentA(1e-3, d), 1e-12);
    }

    @Test
    void requiredSnrIsTheIdealQuantizerFormula() {
        assertEquals(49.92, DetectorNoise.requiredSnrDb(8), 1e-12);
        assertEquals(6.02 + 1.76, DetectorNoise.requiredSnrDb(1), 1e-12);
    }

    @Test
    void minReceivedPowerMatchesAHandSolvedValue() {
        // 8 bits -> 49.92 dB; relative noise^2 = 1/(2 * 10^4.992); solved by bisection outside Java:
        // I = 9.659537e-5 A, P = I / 0.9 = 1.0732819e-4 W
        assertEquals(1.0732819e-4, DetectorNoise.minReceivedPowerW(49.92, D), 1e-10);
    }

    @Test
    void minReceivedPowerInvertsTheForwardFormula() {
        for (double snrDb = 0; snrDb <= 90; snrDb += 7.5) {
            double p = DetectorNoise.minReceivedPowerW(snrDb, D);
            double rel = DetectorNoise.relativeNoise(p, D);
            assertEquals(1 / (2 * Math.pow(10, snrDb / 10)), rel * rel, 1e-9 / Math.pow(10, snrDb / 10));
            // a little less power does not reach the SNR
            assertTrue(DetectorNoise.relativeNoise(0.99 * p, D) > rel);
        }
    }

    @Test
    void infinitePowerMeansNoNoise() {
        assertEquals(0, DetectorNoise.relativeNoise(Double.POSITIVE_INFINITY, D));
    }

    @Test
    void theConstantsComeWithTheParameters() {
        // doubling q doubles the shot variance; doubling k_B doubles the thermal variance (no dark current)
        DetectorParams base = new DetectorParams(1, 0, 1e9, 1e3, 300, 1.602176634e-19, 1.380649e-23);
        DetectorParams q2 = new DetectorParams(1, 0, 1e9, 1e3, 300, 2 * 1.602176634e-19, 1.380649e-23);
        DetectorParams k2 = new DetectorParams(1, 0, 1e9, 1e3, 300, 1.602176634e-19, 2 * 1.380649e-23);
        double shot = 3.2043533e-13;
        double thermal = 1.6567788e-14;
        assertEquals(Math.sqrt(shot + thermal), DetectorNoise.noiseCurrentA(1e-3, base), 1e-12);
        assertEquals(Math.sqrt(2 * shot + thermal), DetectorNoise.noiseCurrentA(1e-3, q2), 1e-12);
        assertEquals(Math.sqrt(shot + 2 * thermal), DetectorNoise.noiseCurrentA(1e-3, k2), 1e-12);
    }
}
