package org.phodex.spec;

import java.util.Locale;

/**
 * Quantities with SI prefixes, the one rule for tables, progress lines and figures: "1.59 uJ", "45.6 mW",
 * "5.03 TMAC/s". Prefixes stay within the range people read without a second look: femto to kilo for joules
 * (a "PJ" beside a "pJ" is a misreading waiting to happen), femto to tera otherwise; beyond it a value is
 * written in scientific notation with the bare unit: "3.75e+38 W", "2.1e-17 J".
 */
public final class SiUnits {
    private static final String[] PREFIX_ASCII = {"f", "p", "n", "u", "m", "", "k", "M", "G", "T"};
    private static final String[] PREFIX_MICRO = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};
    /** Index of the empty prefix in the arrays above. */
    private static final int ONE = 5;

    private SiUnits() {
    }

    /** Largest exponent of 1000 with a prefix for {@code unit}: kilo for joules, tera otherwise. */
    static int maxExp3(String unit) {
        return unit.equals("J") ? 1 : 4;
    }

    /** Three significant digits, ASCII prefixes ("u" for micro): for terminals and text files. */
    public static String ascii(double v, String unit) {
        return format(v, unit, PREFIX_ASCII, false);
    }

    /** Up to three significant digits without trailing zeros, "µ" for micro: for figures. */
    public static String figure(double v, String unit) {
        return format(v, unit, PREFIX_MICRO, true);
    }

    private static String format(double v, String unit, String[] prefixes, boolean trim) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == 0 || Double.isInfinite(v)) {
            return (v == 0 ? "0" : Double.toString(v)) + " " + unit;
        }
        int exp3 = (int) Math.floor(Math.log10(Math.abs(v)) / 3.0 + 1e-9);
        if (exp3 < -ONE || exp3 > maxExp3(unit)) {
            return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+e", "e") + " " + unit;
        }
        double scaled = v / Math.pow(1000, exp3);
        String digits;
        if (trim) {
            digits = significant(scaled);
        } else {
            digits = String.format(Locale.ROOT, "%.3g", scaled);
            if (digits.contains("e")) { // 999.6 rounds to 1.00e+03: one prefix up
                return format(Math.signum(v) * 1000 * Math.pow(1000, exp3), unit, prefixes, trim);
            }
        }
        return digits + " " + prefixes[exp3 + ONE] + unit;
    }

    /** Up to three significant digits without trailing zeros: 1.60 -> "1.6", 200.0 -> "200". */
    public static String significant(double v) {
        double a = Math.abs(v);
        String s;
        if (a >= 99.95) {
            s = String.format(Locale.ROOT, "%.0f", v);
        } else if (a >= 9.995) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else {
            s = String.format(Locale.ROOT, "%.2f", v);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
