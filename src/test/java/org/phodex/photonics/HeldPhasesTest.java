package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeldPhasesTest {
    @Test
    void clementsPhasesOnRandomTargetsCostAboutOnePointSixTimesLessThanPi() {
        // independent figure: exported phases of Clements tiles (mnist-mlp, and `phodex mesh --layout clements
        // --size 16 --phases` on seeds 1-3: 0.64, 0.60, 0.64 pi per shifter) hold 1.3-1.7x less than pi
        double f = HeldPhases.meanOverPi(MeshProgrammer.clements(), 16);
        assertTrue(f > 1 / 1.7 && f < 1 / 1.3, "mean held phase / pi " + f);
        assertTrue(HeldPhases.meanOverPi(MeshProgrammer.reck(), 16) < 1);
    }

    @Test
    void aFittedLayoutIsChargedAsUniformPhases() {
        assertEquals(1, HeldPhases.meanOverPi(MeshProgrammer.butterfly(2), 8));
    }
}
