package org.phodex.moo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.phodex.spec.Hints;

/**
 * One objective of the search: a value read from an {@link Outcome}, minimized or maximized, on a linear or
 * log scale (the scale matters for crowding and hypervolume, never for dominance).
 *
 * @param name      short name used by {@code --objectives} (energy, accuracy, latency, area, edp)
 * @param unit      what the value is, e.g. "J" (for messages)
 * @param minimize  true for energy, latency, area, EDP; false for accuracy
 * @param log       compare on log10 of the value (for quantities spanning decades)
 * @param bestFixed hypervolume normalization on the transformed scale: value at 0 and at 1, fixed when
 *                  known in advance (accuracy 1 and 0); NaN = taken from the run's first feasible
 *                  evaluations
 */
public record Objective(String name, String unit, boolean minimize, boolean log, double bestFixed,
                        double worstFixed, ToDoubleFunction<Outcome> value) {

    private static final Map<String, Objective> BUILT_IN = new LinkedHashMap<>();

    static {
        put(new Objective("energy", "J per inference", true, true, Double.NaN, Double.NaN, Outcome::energyJ));
        put(new Objective("accuracy", "fraction", false, false, 1, 0, Outcome::accuracy));
        put(new Objective("latency", "s", true, true, Double.NaN, Double.NaN, Outcome::latencyS));
        put(new Objective("area", "mm^2", true, true, Double.NaN, Double.NaN, Outcome::areaMm2));
        put(new Objective("error", "relative RMS error", true, true, Double.NaN, Double.NaN,
                o -> o.columns().get("relative_error") instanceof Number n ? n.doubleValue() : Double.NaN));
        put(new Objective("edp", "J s", true, true, Double.NaN, Double.NaN, o -> o.energyJ() * o.latencyS()));
    }

    private static void put(Objective o) {
        BUILT_IN.put(o.name(), o);
    }

    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** The default objectives: energy per inference (min), accuracy (max). */
    public static List<Objective> defaults() {
        return parse("energy,accuracy");
    }

    /** Parses "energy,accuracy,latency"; IllegalArgumentException naming the valid ones otherwise. */
    public static List<Objective> parse(String csv) {
        List<Objective> out = new ArrayList<>();
        for (String raw : csv.split(",")) {
            String n = raw.trim().toLowerCase(Locale.ROOT);
            Objective o = BUILT_IN.get(n);
            if (o == null) {
                throw new IllegalArgumentException("unknown objective '" + raw.trim() + "'; "
                        + Hints.didYouMean(raw.trim(), BUILT_IN.keySet()));
            }
            if (out.contains(o)) {
                throw new IllegalArgumentException("objective '" + n + "' given twice");
            }
            out.add(o);
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException("a search needs at least two objectives, got " + out.size());
        }
        return out;
    }

    /** An objective read from an extra column of the outcome (used by the ZDT self-test). */
    public static Objective column(String column, boolean minimize, double bestFixed, double worstFixed) {
        return new Objective(column, "", minimize, false, bestFixed, worstFixed, o -> o.number(column));
    }

    /** The value on the comparison scale (log10 when {@link #log}); NaN or infinite when not available. */
    public double transformed(Outcome o) {
        double v = value.applyAsDouble(o);
        return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    /** Larger is better: the fitness component the genetic algorithm maximizes. */
    public double score(Outcome o) {
        double t = transformed(o);
        return minimize ? -t : t;
    }
}
