package org.phodex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.codesign.TrainingCache;
import org.phodex.evaluation.Catalog;
import org.phodex.moo.Outcome;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;

/** A search trains co-designed networks with a cut budget; its re-scoring, and evaluate, train them in full. */
class TrainingBudgetTest {
    @Test
    void theSearchTrainsWithItsBudgetAndTheRescoringInFull() {
        Catalog cat = Catalog.locate();
        ArchitectureSpec a = cat.architecture("mzi-clements");
        Design trained = a.defaults().with("training", "noise-aware").with("adc_bits", 3);
        Design mapped = a.defaults().with("training", "post-mapping");
        var search = Evaluators.PHOTONIC.search(List.of(a), "digits-mlp", 3, 1, 0.25);
        var rescorer = PhotonicSearchEvaluator.rescorer(cat, List.of(a), "digits-mlp", 3, 1);
        long requests = TrainingCache.requests();
        Outcome s = search.evaluate(trained);
        Outcome r = rescorer.evaluate(trained);
        assertEquals(0.25, s.columns().get("training_budget"), "the search's accuracy used the cut training");
        assertEquals(1.0, r.columns().get("training_budget"), "the re-scored accuracy used the full training");
        assertEquals(requests + 2, TrainingCache.requests(), "each asked the cache for its own network");
        assertTrue(s.feasible() && r.feasible(), s.infeasibleReason() + " / " + r.infeasibleReason());
        // the budget reaches the training: the same chips and samples with the full network score otherwise
        Outcome f = Evaluators.PHOTONIC.search(List.of(a), "digits-mlp", 3, 1, 1).evaluate(trained);
        assertEquals(1.0, f.columns().get("training_budget"));
        assertTrue(f.accuracy() != s.accuracy(), f.accuracy() + " vs " + s.accuracy());
        // a design that trains nothing says so with an empty cell
        assertTrue(((Double) search.evaluate(mapped).columns().get("training_budget")).isNaN());
        // a search evaluator built without a budget (cluster workers) uses the default one
        var plain = Evaluators.PHOTONIC.create(List.of(a), "digits-mlp", 3, 1);
        assertEquals(PhotonicSearchEvaluator.SEARCH_TRAINING_BUDGET, plain.evaluate(trained).columns()
                .get("training_budget"));
    }
}
