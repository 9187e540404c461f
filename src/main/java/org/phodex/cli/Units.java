package org.phodex.cli;

import org.phodex.spec.SiUnits;

/** Numbers with SI prefixes for tables: 1.23 uJ, 45.6 mW (the rule is {@link SiUnits}'). */
final class Units {
    private Units() {
    }

    static String si(double v, String unit) {
        return SiUnits.ascii(v, unit);
    }
}
