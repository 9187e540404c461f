package org.phodex.cli;

/** Numbers with SI prefixes for tables: 1.23 uJ, 45.6 mW. */
final class Units {
    private static final String[] PREFIX = {"a", "f", "p", "n", "u", "m", "", "k", "M", "G", "T", "P"};

    private Units() {
    }

    static String si(double v, String unit) {
        if (v == 0 || !Double.isFinite(v)) {
            return (v == 0 ? "0" : Double.toString(v)) + " " + unit;
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)) / 3);
        exp = Math.max(-6, Math.min(5, exp));
        double scaled = v / Math.pow(1000, exp);
        return String.format("%.3g %s%s", scaled, PREFIX[exp + 6], unit);
    }
}
