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

    private static double maxError(double[] got, double[] targets) {
        double m = 0;
        for (int i = 0; i < got.length; i++) {
            m = Math.max(m, Math.abs(got[i] - targets[i]));
        }
        return m;
    }

    @Test
    void exactTuningCorrectsFabricationOffsetsCompletely() {
        // sigma 0.05 nm; isolated rings; an exact heater moves each ring to its target whatever its offset, as long as
        // the offset stays within the 3-sigma design bias (seeded draws, checked below the bias)
        double[] t = randomTargets(4 * 8, 4);
        MrrBank bank = new MrrBank(1e4, 1e7, 1550, 0, 0.05, false);
        double[] got = bank.realize(t, 4, 8, new ZigguratRandom(5));
        assertTrue(maxError(got, t) < 1e-9, "max error " + maxError(got, t));
    }

    @Test
    void tuningDacLeavesAtMostHalfAStepTimesTheSteepestSlope() {
        // |dw/d delta| <= 2 * max |dD/d delta| = 2 * (3 sqrt(3) / 8) * 2 / FWHM (Lorentzian, steepest at x = 1/sqrt 3)
        double[] t = randomTargets(16 * 16, 6);
        for (int i = 0; i < t.length; i++) {
            t[i] *= 0.95; // stay away from -1, whose detuning the range clips
        }
        MrrBank bank = new MrrBank(1e4, 1e7, 1550, 8, 0.21, false);
        double step = bank.heaterRangeNm() / 255;
        double slope = 2 * (3 * Math.sqrt(3) / 8) * 2 / bank.fwhmNm();
        double[] a = bank.realize(t, 16, 16, new ZigguratRandom(7));
        double[] b = bank.realize(t, 16, 16, new ZigguratRandom(8));
        // a ring farther than 3 sigma off clips; 256 rings: ~0.7 expected, so allow the bound to fail on a few
        int beyond = 0;
        for (int i = 0; i < t.length; i++) {
            beyond += Math.abs(a[i] - t[i]) > step / 2 * slope * (1 + 1e-9) ? 1 : 0;
        }
        assertTrue(beyond <= 3, beyond + " rings beyond half a step");
        assertTrue(maxError(a, b) > 1e-4, "two chips realize different weights");
        assertEquals(3 * 0.21, bank.fabBiasNm(), 1e-15);
        assertEquals(Math.min(10 * 0.155, 1e7 / 2) + 6 * 0.21, bank.heaterRangeNm(), 1e-12);
    }

    @Test
    void feedbackCalibrationRemovesStaticCrosstalk() {
        // a crowded bank: Q 1e4 (FWHM 0.155 nm) at 0.8 nm spacing; a ring detuned by half the spacing drops 1/(1 +
        // (0.8 / 0.155)^2) = 3.6 % (weight -0.93 alone), so targets within [-0.8, 0.8] are reachable with neighbours
        double[] t = randomTargets(8 * 16, 9);
        for (int i = 0; i < t.length; i++) {
            t[i] *= 0.8;
        }
        double open = maxError(new MrrBank(1e4, 0.8, 1550, 0, 0, false).realize(t, 8, 16), t);
        double closed = maxError(new MrrBank(1e4, 0.8, 1550, 0, 0, true).realize(t, 8, 16), t);
        assertTrue(open > 0.05, "uncalibrated crosstalk " + open);
        assertTrue(closed < 1e-6, "calibrated residual " + closed);
        // with a 10-bit tuning DAC the residual is the DAC's: below half a step times the steepest slope
        MrrBank dac = new MrrBank(1e4, 0.8, 1550, 10, 0, true);
        double bound = dac.heaterRangeNm() / 1023 / 2 * 2 * (3 * Math.sqrt(3) / 8) * 2 / dac.fwhmNm();
        double withDac = maxError(dac.realize(t, 8, 16), t);
        assertTrue(withDac < 2 * bound && withDac < open / 5, withDac + " vs bound " + bound);
    }

    @Test
    void meanHeaterShiftMatchesTheClosedForm() {
        // E[delta] over w ~ U(-1, 1) = int_0^1 min(F/2 sqrt(1/D - 1), m) dD; with D = sin^2(theta) the uncapped part
        // integrates to F/2 (pi/2 - th - sin th cos th) from D_m = 1 / (1 + (2m/F)^2) = sin^2 th, the capped part m D_m
        MrrBank bank = new MrrBank(1e4, 0.8, 1550, 8, 0.21, false);
        double f = bank.fwhmNm();
        double m = bank.maxDetuningNm();
        double dm = 1 / (1 + Math.pow(2 * m / f, 2));
        double th = Math.asin(Math.sqrt(dm));
        double expected = f / 2 * (Math.PI / 2 - th - Math.sin(th) * Math.cos(th)) + m * dm + 3 * 0.21;
        assertEquals(expected, bank.meanHeaterShiftNm(), 1e-3 * expected);
    }
}
