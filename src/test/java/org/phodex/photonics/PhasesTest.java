package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhasesTest {
    /** The definition: the remainder by 2 pi, moved into [0, 2 pi). */
    private static double slowWrap(double phi) {
        double w = phi % Phases.TWO_PI;
        if (w < 0) {
            w += Phases.TWO_PI;
        }
        return w >= Phases.TWO_PI ? 0 : w;
    }

    @Test
    void wrapIsTheRemainderBitForBitWithItsInRangeShortcut() {
        double[] edges = {0.0, -0.0, Phases.TWO_PI, Math.nextDown(Phases.TWO_PI), Math.nextUp(Phases.TWO_PI),
            -Phases.TWO_PI, Math.nextDown(0.0), Math.PI, -Math.PI, 1e-300, -1e-300, 7 * Phases.TWO_PI + 0.1, -1e6,
            Double.NaN};
        for (double e : edges) {
            assertEquals(Double.doubleToRawLongBits(slowWrap(e)), Double.doubleToRawLongBits(Phases.wrap(e)), "" + e);
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double phi = r.nextDouble(-30, 30);
            assertEquals(Double.doubleToRawLongBits(slowWrap(phi)), Double.doubleToRawLongBits(Phases.wrap(phi)));
        }
    }
}
