package org.phodex.cluster;

import java.util.ArrayList;
import java.util.List;

/** {@code HOST:PORT[,HOST:PORT...]} lists of cluster members, checked before anything connects. */
public final class Addresses {
    /** Hazelcast's usual member port, the worker's default. */
    public static final int DEFAULT_PORT = 5701;

    private Addresses() {
    }

    /** The members in {@code list}; IllegalArgumentException naming {@code option} for a malformed entry. */
    public static List<String> parse(String list, String option) {
        List<String> out = new ArrayList<>();
        for (String raw : list.split(",")) {
            String a = raw.trim();
            if (a.isEmpty()) {
                continue;
            }
            int colon = a.lastIndexOf(':');
            if (colon <= 0 || colon == a.length() - 1) {
                throw new IllegalArgumentException(option + ": '" + a + "' is not HOST:PORT (e.g. 127.0.0.1:"
                        + DEFAULT_PORT + " or node2.lab:" + DEFAULT_PORT + ")");
            }
            port(a.substring(colon + 1), option + " " + a);
            out.add(a);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(option + ": no member given (HOST:PORT[,HOST:PORT...])");
        }
        return out;
    }

    static int port(String s, String where) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(where + ": port '" + s + "' is not a number from 1 to 65535");
    }
}
