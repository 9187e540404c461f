package org.phodex.spec;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One design point: an architecture (by name) and every resolved parameter. Immutable and hashable; it keys
 * the evaluation cache and, through {@link #stableHash()}, seeds the Monte Carlo.
 *
 * @param architecture the architecture spec's name (the YAML file's {@code name})
 * @param params       parameter name to Integer, Double or String, sorted by name
 */
public record Design(String architecture, SortedMap<String, Object> params) implements java.io.Serializable {

    public Design {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public static Design of(String architecture, Map<String, Object> params) {
        return new Design(architecture, new TreeMap<>(params));
    }

    public Object get(String name) {
        Object v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("design of " + architecture + " has no parameter '" + name + "'");
        }
        return v;
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public String getString(String name) {
        return get(name).toString();
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    public Design with(String name, Object value) {
        TreeMap<String, Object> m = new TreeMap<>(params);
        m.put(name, value);
        return new Design(architecture, m);
    }

    /** This design without the parameter {@code name} (itself when it has none). */
    public Design without(String name) {
        if (!params.containsKey(name)) {
            return this;
        }
        TreeMap<String, Object> m = new TreeMap<>(params);
        m.remove(name);
        return new Design(architecture, m);
    }

    /** Canonical text form, e.g. {@code NAME{adc_bits=6,mesh_size=16}}; equal designs, equal keys. */
    public String key() {
        StringBuilder sb = new StringBuilder(architecture).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(e.getKey()).append('=').append(canonical(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String canonical(Object v) {
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        return v.toString();
    }

    /** A 64-bit hash of {@link #key()} that is the same in every JVM (FNV-1a), for seeding random streams. */
    public long stableHash() {
        long h = 0xcbf29ce484222325L;
        for (char c : key().toCharArray()) {
            h ^= c;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
