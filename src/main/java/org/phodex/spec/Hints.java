package org.phodex.spec;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints for misspelt keys and names. */
public final class Hints {
    private Hints() {
    }

    /** The candidate closest to {@code given} by edit distance, or null when none is plausibly meant. */
    public static String nearest(String given, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        int allowed = Math.max(2, Math.min(given.length(), best.length()) / 3);
        boolean prefix = best.toLowerCase(Locale.ROOT).startsWith(g) || g.startsWith(best.toLowerCase(Locale.ROOT));
        return bestD <= allowed || prefix ? best : null;
    }

    /** "did you mean 'x'? valid: a, b, c" or "valid: a, b, c". */
    public static String didYouMean(String given, Collection<String> candidates) {
        String n = nearest(given, candidates);
        String valid = "valid: " + String.join(", ", candidates);
        return n == null ? valid : "did you mean '" + n + "'? " + valid;
    }

    /** Damerau-Levenshtein (optimal string alignment) distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
