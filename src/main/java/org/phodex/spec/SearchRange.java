package org.phodex.spec;

import java.util.List;

/**
 * The range a search may explore for one parameter: either explicit {@code choices}, or {@code [min, max]}
 * (inclusive; integers step by 1, doubles are continuous unless {@code step > 0}).
 */
public record SearchRange(Param param, double min, double max, double step, List<Object> choices) {

    public SearchRange {
        choices = List.copyOf(choices);
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }

    /** All values a grid over this range visits (choices, integers, or min..max by step). */
    public List<Object> gridValues() {
        if (isChoice()) {
            return choices;
        }
        if (param.kind() == Param.Kind.INT) {
            int s = step > 0 ? (int) step : 1;
            java.util.ArrayList<Object> out = new java.util.ArrayList<>();
            for (int v = (int) min; v <= (int) max; v += s) {
                out.add(v);
            }
            return out;
        }
        if (step <= 0) {
            throw new IllegalStateException(param.name() + " is continuous; a grid needs a step");
        }
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        long n = Math.round(Math.floor((max - min) / step + 1e-9));
        for (long i = 0; i <= n; i++) {
            out.add(min + i * step);
        }
        return out;
    }
}
