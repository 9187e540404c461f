package org.phodex.spec;

import java.util.List;

/**
 * One design parameter that {@code --set}, {@code --vary} and a spec's {@code search_space} can name.
 *
 * @param choices for {@link Kind#CHOICE}: the allowed values; empty when the set is open (checked elsewhere,
 *                e.g. phase-shifter names come from the device library)
 */
public record Param(String name, Kind kind, double min, double max, List<String> choices, String unit,
                    String description) {

    public enum Kind { INT, DOUBLE, CHOICE }

    static Param integer(String name, int min, int max, String unit, String description) {
        return new Param(name, Kind.INT, min, max, List.of(), unit, description);
    }

    static Param real(String name, double min, double max, String unit, String description) {
        return new Param(name, Kind.DOUBLE, min, max, List.of(), unit, description);
    }

    static Param choice(String name, List<String> choices, String description) {
        return new Param(name, Kind.CHOICE, 0, 0, List.copyOf(choices), "", description);
    }

    /** Parses and range-checks a value given as text (from --set, --vary); throws IllegalArgumentException. */
    public Object parse(String text) {
        String t = text.trim();
        switch (kind) {
            case INT -> {
                int v;
                try {
                    double d = Double.parseDouble(t);
                    if (d != Math.rint(d)) {
                        throw new IllegalArgumentException(name + " takes a whole number, got '" + t + "'");
                    }
                    v = (int) d;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a whole number, got '" + t + "'");
                }
                return check(v);
            }
            case DOUBLE -> {
                try {
                    return check(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a number, got '" + t + "'");
                }
            }
            default -> {
                if (!choices.isEmpty() && !choices.contains(t)) {
                    throw new IllegalArgumentException("'" + t + "' is not a valid " + name + "; "
                            + Hints.didYouMean(t, choices));
                }
                return t;
            }
        }
    }

    /** Checks a typed value against the range; returns it (Integer, Double or String). */
    public Object check(Object value) {
        switch (kind) {
            case INT -> {
                int v = ((Number) value).intValue();
                if (v < min || v > max) {
                    throw new IllegalArgumentException(name + " = " + v + " is out of range [" + (int) min + ", "
                            + (int) max + "]");
                }
                return v;
            }
            case DOUBLE -> {
                double v = ((Number) value).doubleValue();
                if (!Double.isFinite(v) || v < min || v > max) {
                    throw new IllegalArgumentException(name + " = " + v + " is out of range [" + SpecNode.fmt(min)
                            + ", " + SpecNode.fmt(max) + "]" + (unit.isEmpty() ? "" : " " + unit));
                }
                return v;
            }
            default -> {
                String s = value.toString();
                if (!choices.isEmpty() && !choices.contains(s)) {
                    throw new IllegalArgumentException("'" + s + "' is not a valid " + name + "; "
                            + Hints.didYouMean(s, choices));
                }
                return s;
            }
        }
    }
}
