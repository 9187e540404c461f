package org.phodex.arch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of architecture families: the one list of them. Every other list of family or layout names
 * (spec checks, the {@code layout} parameter's values, the mesh command's layouts, the default search) is
 * derived from it. Adding a family is one class and one line here (plus its YAML under architectures/).
 */
public final class Families {
    private static final List<Family> ALL = List.of(
            new Clements(),
            new Reck(),
            new Butterfly(),
            new Truncated(),
            new MrrBank(),
            new DigitalSystolic());

    private Families() {
    }

    /** Every family, in registry order. */
    public static List<Family> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Family::name).toList();
    }

    /** Family name -> the layout name that selects its tiles, in registry order. */
    public static Map<String, String> layouts() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Family f : ALL) {
            m.put(f.name(), f.layoutName());
        }
        return m;
    }

    /** Family name -> the parameters its specs must fix, in registry order. */
    public static Map<String, List<String>> requiredParameters() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Family f : ALL) {
            m.put(f.name(), f.requiredParameters());
        }
        return m;
    }

    /** The family whose tiles the layout name selects. */
    public static Optional<Family> byLayout(String layout) {
        return ALL.stream().filter(f -> f.layoutName().equals(layout)).findFirst();
    }

    /** The MZI mesh families (one programmed mesh per unitary), in registry order. */
    public static List<MziFamily> meshFamilies() {
        return ALL.stream().filter(f -> f instanceof MziFamily).map(f -> (MziFamily) f).toList();
    }

    public static Family get(String name) {
        for (Family f : ALL) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no family '" + name + "'; valid: " + names());
    }
}
