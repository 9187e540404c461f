package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MrrBankTest {
    private static double[] randomTargets(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.nextDouble(-1, 1);
        }
        return w;
    }

    private static double maxError(MrrBank bank, double[] targets, int rows, int k) {
        double[] got = bank.realize(targets, rows, k);
        double m = 0;
        for (int i = 0; i < got.length; i++) {
            m = Math.max(m, Math.abs(got[i] - targets[i]));
        }
        return m;
    }

    @Test
    void widelySpacedExactRingsRealizeTheTargets() {
        double[] t = randomTargets(4 * 8, 1);
        t[0] = -1;
        t[1] = 1;
        t[2] = 0;
        MrrBank bank = new MrrBank(1e4, 1e7, 1550, 0);
        assertTrue(maxError(bank, t, 4, 8) < 1e-9);
        // with a tuning DAC, -1 (infinite detuning) stops at the DAC's range, 10 FWHM: drop 1/401
        assertEquals(-1 + 2.0 / 401, new MrrBank(1e4, 1e7, 1550, 12).realize(new double[] {-1}, 1, 1)[0], 1e-12);
    }

    @Test
    void twoRingBankMatchesAHandComputation() {
        // FWHM F = 1550 / 1e4 = 0.155 nm, spacing 2F; ring 0 target 0 -> detuning F/2, ring 1 target 1 -> 0.
        // channel 0: own ring D = 1/2, ring 1 at offset -2F: D = 1/(1 + 16) -> through 1/2 * 16/17, w = 1/17
        // channel 1: ring 0 at offset 2F - F/2 = 1.5F: D = 1/(1 + 9), own ring D = 1 -> through 0, w = 1
        MrrBank bank = new MrrBank(1e4, 2 * 0.155, 1550, 0);
        double[] w = bank.realize(new double[] {0, 1}, 1, 2);
        assertEquals(1.0 / 17, w[0], 1e-12);
        assertEquals(1, w[1], 1e-12);
        assertEquals(0.5, bank.dropTransmission(0.155 / 2), 1e-12, "half maximum at half the FWHM");
    }

    @Test
    void crosstalkGrowsAsChannelsCrowdOrQDrops() {
        double[] t = randomTargets(3 * 8, 2);
        double prev = 0;
        for (double spacing : new double[] {5, 1.6, 0.8, 0.4}) {
            double e = maxError(new MrrBank(2e4, spacing, 1550, 0), t, 3, 8);
            assertTrue(e > prev, "spacing " + spacing + " nm: " + e);
            prev = e;
        }
        prev = 0;
        for (double q : new double[] {1e5, 2e4, 5e3, 1e3}) {
            double e = maxError(new MrrBank(q, 0.8, 1550, 0), t, 3, 8);
            assertTrue(e > prev, "Q " + q + ": " + e);
            prev = e;
        }
    }

    @Test
    void tuningDacQuantizationShrinksWithBits() {
        double[] t = randomTargets(64, 3);
        double e4 = maxError(new MrrBank(1e4, 1e7, 1550, 4), t, 8, 8);
        double e8 = maxError(new MrrBank(1e4, 1e7, 1550, 8), t, 8, 8);
        assertTrue(e4 > e8 && e8 > 0, e4 + " " + e8);
    }
}
