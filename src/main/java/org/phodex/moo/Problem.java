package org.phodex.moo;

import java.util.List;
import org.phodex.spec.Design;

/**
 * What the optimizer solves: an encoding (genes in [0, 1) decoded to a {@link Design}), the objectives read
 * from each {@link Outcome}, and the problem's constraints. The optimizer knows nothing else about the
 * problem: the photonic design search ({@code org.phodex.search.SearchProblem}) and the ZDT benchmarks
 * ({@link Zdt}) are two implementations.
 */
public interface Problem {

    /** The encoding, one gene per entry (discrete genes tell the mutation their levels). */
    List<GeneSpec> genes();

    /** The design a gene vector stands for; equal designs must have equal {@link Design#key()}s. */
    Design decode(double[] genes);

    /** At least two objectives. */
    List<Objective> objectives();

    /**
     * The problem's constraints on an outcome. The default only honours the evaluator's own verdict
     * ({@link Outcome#feasible()}); the search adds "every objective is finite".
     */
    default Feasibility feasibility(Outcome outcome) {
        return Feasibility.realizable(outcome);
    }

    default int dimension() {
        return genes().size();
    }
}
