package org.phodex.arch;

import java.util.LinkedHashMap;
import java.util.Map;

/** The families implemented in code, by the name an architecture spec's {@code family:} uses. */
public final class Families {
    private static final Map<String, Family> ALL = new LinkedHashMap<>();

    static {
        for (Family f : new Family[] {new Clements(), new Reck(), new Butterfly(), new Truncated(), new MrrBank()}) {
            ALL.put(f.name(), f);
        }
    }

    private Families() {
    }

    public static Family get(String name) {
        Family f = ALL.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no family '" + name + "'; valid: " + ALL.keySet());
        }
        return f;
    }
}
