package org.phodex.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 90}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1h30m}, {@code 1.5h}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([smhd]?)");

    private Durations() {
    }

    static double seconds(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(t);
        double total = 0;
        int pos = 0;
        boolean any = false;
        while (pos < t.length() && m.find(pos) && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            total += v * switch (m.group(2)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86400;
                default -> 1;
            };
            pos = m.end();
            any = true;
            if (m.group(2).isEmpty()) {
                break;
            }
        }
        if (!any || pos != t.length() || !(total > 0)) {
            throw new UsageException(option + " '" + text + "' is not a duration (e.g. 90, 30s, 10m, 2h, 1h30m)");
        }
        return total;
    }
}
