package org.phodex.devices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One device entry of the library: a name, a kind, and its numbers (each with unit and source). */
public record Device(String name, String kind, String description, Map<String, Quantity> fields) {

    public Device {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public double value(String field) {
        return quantity(field).value();
    }

    public Quantity quantity(String field) {
        Quantity q = fields.get(field);
        if (q == null) {
            throw new IllegalStateException("device '" + name + "' (" + kind + ") has no field '" + field + "'");
        }
        return q;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }
}
