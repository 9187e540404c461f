package org.phodex.search;

import java.util.List;
import org.phodex.moo.Feasibility;
import org.phodex.moo.GeneSpec;
import org.phodex.moo.Objective;
import org.phodex.moo.Outcome;
import org.phodex.moo.Problem;
import org.phodex.spec.ArchitectureSpec.Constraints;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;

/** The photonic design search as an optimizer problem: the specs' search space, objectives and constraints. */
public record SearchProblem(SearchSpace space, List<Objective> objectives) implements Problem {

    public SearchProblem {
        objectives = List.copyOf(objectives);
    }

    @Override
    public List<GeneSpec> genes() {
        return space.genes();
    }

    @Override
    public Design decode(double[] genes) {
        return space.decode(genes);
    }

    @Override
    public Feasibility feasibility(Outcome outcome) {
        return SpecConstraints.check(outcome, constraints(outcome.design().architecture()));
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
