package org.phodex.plot;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.phodex.spec.SiUnits;

/**
 * Formats a quantity (with an empty unit: a plain dimensionless number, see {@link #plain}) with an SI prefix and its unit: 1.6e-6 J -> "1.6 µJ", 2e-13 J -> "200 fJ". Used for log-axis
 * tick labels and for annotations, so energies read the way papers write them.
 */
final class SiFormat extends NumberFormat {
    private final String unit;
    private final boolean log10Input;

    SiFormat(String unit) {
        this(unit, false);
    }

    /** @param log10Input the numbers to format are base-10 logarithms of the quantity (heat-map colour bars) */
    SiFormat(String unit, boolean log10Input) {
        this.unit = unit;
        this.log10Input = log10Input;
    }

    /** "1.6 µJ": three significant digits at most, trailing zeros dropped ({@link SiUnits}' range rule). */
    static String format(double value, String unit) {
        return SiUnits.figure(value, unit);
    }

    /** Up to three significant digits without trailing zeros: 1.60 -> "1.6", 200.0 -> "200". */
    static String significant(double v) {
        return SiUnits.significant(v);
    }

    /** A dimensionless number for a log axis: "0.01", "1", "1000"; "1e-05" below 1e-4. */
    static String plain(double value) {
        double a = Math.abs(value);
        if (a == 0 || (a >= 1e-4 && a < 1e6)) {
            return new java.text.DecimalFormat("0.####", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(value);
        }
        return String.format(Locale.ROOT, "%.0e", value);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        if (unit.isEmpty()) {
            return toAppendTo.append(plain(log10Input ? Math.pow(10, number) : number));
        }
        return toAppendTo.append(format(log10Input ? Math.pow(10, number) : number, unit));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("SiFormat only formats");
    }
}
