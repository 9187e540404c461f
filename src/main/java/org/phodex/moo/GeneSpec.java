package org.phodex.moo;

import java.util.List;

/**
 * One gene of the encoding. Every gene is a double u in [0, 1); a discrete gene (integers, stepped doubles,
 * choices, the architecture) maps u to one of its {@code levels}, a continuous gene to min + u (max - min).
 *
 * @param architecture index of the architecture (or other group) this gene belongs to; -1 for a gene that
 *                     picks the group (the architecture gene)
 * @param param        the parameter name ("architecture" for the architecture gene)
 * @param levels       the values of a discrete gene (empty when continuous)
 */
public record GeneSpec(int architecture, String param, List<Object> levels, double min, double max) {

    public GeneSpec {
        levels = List.copyOf(levels);
    }

    public boolean discrete() {
        return !levels.isEmpty();
    }

    /** The parameter value for gene value u in [0, 1) (u = 1 is tolerated and maps to the last level / max). */
    public Object decode(double u) {
        double v = Math.min(Math.max(u, 0), 1);
        if (discrete()) {
            int i = (int) Math.floor(v * levels.size());
            return levels.get(Math.min(i, levels.size() - 1));
        }
        return min + v * (max - min);
    }

    /** A gene value in [0, 1) that decodes to level {@code index} (its middle). */
    public double encodeLevel(int index) {
        return (index + 0.5) / levels.size();
    }
}
