package org.phodex.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.phodex.moo.Archive;
import org.phodex.moo.Evaluation;
import org.phodex.moo.GenerationEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.spec.Design;

/**
 * The end of a run (docs/search.md, "Honest fronts"): a search keeps the designs whose noisy accuracy estimate
 * came out high (winner's curse), so every design of the archive is evaluated again, on the whole test split
 * with many chips, and the reported front is recomputed from the re-scored values (designs may drop out).
 * The search-time estimate stays beside the new one as {@value #SEARCH_COLUMN}.
 */
public final class Rescoring {
    /** The search-time accuracy of a re-scored design (pareto.csv). */
    public static final String SEARCH_COLUMN = "accuracy_search";

    /**
     * @param all   every archive design re-scored, in the archive's order
     * @param front the non-dominated ones among {@code all} by their re-scored objectives
     */
    public record Result(List<Evaluation> all, List<Evaluation> front) {
    }

    private Rescoring() {
    }

    /**
     * Re-evaluates {@code archive} with {@code evaluator}; {@code judge} scores an outcome as the search does
     * (evaluation id, generation, outcome), so feasibility and objectives are the run's own.
     */
    public static Result rescore(List<Evaluation> archive, GenerationEvaluator evaluator,
                                 Judge judge) {
        List<Design> designs = archive.stream().map(e -> e.outcome().design()).toList();
        List<Outcome> fresh = evaluator.evaluateAll(designs);
        if (fresh.size() != designs.size()) {
            throw new IllegalStateException("re-scoring returned " + fresh.size() + " outcomes for " + designs.size()
                    + " designs");
        }
        List<Evaluation> all = new ArrayList<>();
        Archive front = new Archive();
        for (int i = 0; i < archive.size(); i++) {
            Evaluation old = archive.get(i);
            Outcome o = fresh.get(i);
            LinkedHashMap<String, Object> cols = new LinkedHashMap<>();
            cols.put(SEARCH_COLUMN, old.outcome().accuracy());
            cols.putAll(o.columns());
            Outcome merged = new Outcome(o.design(), o.feasible(), o.infeasibleReason(), o.energyJ(), o.accuracy(),
                    o.latencyS(), o.areaMm2(), cols, o.evalSeconds());
            Evaluation e = judge.apply(old.evalId(), old.generation(), merged);
            all.add(e);
            front.offer(e);
        }
        return new Result(all, front.front());
    }

    /** Scores an outcome as the search does: (evaluation id, generation, outcome) -> evaluation. */
    @FunctionalInterface
    public interface Judge {
        Evaluation apply(long evalId, long generation, Outcome outcome);
    }
}
