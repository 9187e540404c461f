package org.phodex.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Issue 14 item 9: prefixes only where people read them (fJ..kJ for energy), scientific notation beyond. */
class SiUnitsTest {
    @Test
    void energiesUsePrefixesFromFemtoToKilo() {
        assertEquals("1.59 uJ", SiUnits.ascii(1.5855e-6, "J"));
        assertEquals("8.16 mJ", SiUnits.ascii(8.155e-3, "J"));
        assertEquals("200 fJ", SiUnits.ascii(2e-13, "J"));
        assertEquals("1.2 kJ", SiUnits.figure(1200, "J"));
        // beyond kilo and below femto: scientific notation with the bare unit, never PJ beside pJ
        assertEquals("2e+06 J", SiUnits.ascii(2e6, "J"));
        assertEquals("3.75e+38 J", SiUnits.ascii(3.75e38, "J"));
        assertEquals("2.1e-17 J", SiUnits.figure(2.1e-17, "J"));
    }

    @Test
    void otherUnitsGoUpToTera() {
        assertEquals("5.03 TMAC/s", SiUnits.ascii(5.03e12, "MAC/s"));
        assertEquals("3.71e+36 W", SiUnits.ascii(3.71e36, "W"));
        assertFalse(SiUnits.ascii(4e15, "W").contains("P"));
        assertEquals("45.6 mW", SiUnits.ascii(0.0456, "W"));
    }

    @Test
    void roundingNeverWritesAThousandOfAPrefix() {
        assertEquals("1.00 uJ", SiUnits.ascii(999.96e-9, "J"));
        assertEquals("n/a", SiUnits.ascii(Double.NaN, "J"));
        assertEquals("0 J", SiUnits.ascii(0, "J"));
        assertEquals("-1.5 mJ", SiUnits.figure(-1.5e-3, "J"));
    }
}
