package org.phodex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 2: --time-limit is the run's budget; the time a run spent before a resume counts. */
class TimeBudgetTest {
    private final SearchProblem problem = new SearchProblem(new SearchSpace(List.of(Synthetic.spec())),
            Objective.defaults());

    private GeneticSearch.Result run(double spentS, double limitS) {
        SearchOptions o = SearchOptions.of(8, 50).withTimeLimitS(limitS);
        try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(Synthetic.evaluator(), 1, () -> 0L, s -> { })) {
            GeneticSearch g = new GeneticSearch(problem, o, pool);
            SearchState st = g.newState(3);
            st.elapsedS = spentS; // as read back from a checkpoint
            return g.run(st, SearchListener.all(List.of()), new StopSignal());
        }
    }

    @Test
    void aBudgetUsedUpBeforeTheResumeStopsAtOnce() {
        GeneticSearch.Result r = run(62, 60);
        assertEquals(StopReason.TIME_LIMIT, r.reason());
        assertEquals(0, r.state().generationsDone());
        assertEquals(62, r.state().elapsedS(), 0, "no time added");
    }

    @Test
    void theRestOfTheBudgetIsUsed() {
        GeneticSearch.Result r = run(62, 62 + 3600);
        assertEquals(StopReason.GENERATIONS, r.reason(), "an hour left: the 50 generations run");
        assertTrue(r.state().elapsedS() > 62);
    }
}
