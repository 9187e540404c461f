package org.phodex.search;

import java.util.List;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.ArchitectureSpec.Constraints;

/** What is searched: the encoding and the objectives (constraints come from each architecture's spec). */
public record SearchProblem(SearchSpace space, List<Objective> objectives) {

    public SearchProblem {
        objectives = List.copyOf(objectives);
    }

    public Constraints constraints(String architecture) {
        for (ArchitectureSpec a : space.architectures()) {
            if (a.name().equals(architecture)) {
                return a.constraints();
            }
        }
        throw new IllegalArgumentException("design of unknown architecture " + architecture);
    }
}
