package org.phodex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.phodex.moo.GeneticSearch;
import org.phodex.moo.Objective;
import org.phodex.moo.SearchListener;
import org.phodex.moo.SearchOptions;
import org.phodex.moo.SearchState;
import org.phodex.moo.StopReason;
import org.phodex.moo.StopSignal;
import org.phodex.moo.ThreadPoolEvaluator;

/**
 * Issue 14 item 2: --time-limit is the run's budget; the time a run spent before a resume counts. A fake clock
 * advances 10 s per reading, so the arithmetic is exact.
 */
class TimeBudgetTest {
    private final SearchProblem problem = new SearchProblem(new SearchSpace(List.of(Synthetic.spec())),
            Objective.defaults());

    /** Runs 2 generations of a 60 s budget, then resumes the state; returns the resumed run's result. */
    private GeneticSearch.Result interruptedThenResumed(double limitS, long generations) {
        AtomicLong now = new AtomicLong();
        try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(Synthetic.evaluator(), 1, () -> 0L, s -> { })) {
            GeneticSearch first = GeneticSearch.builder(problem, pool).options(SearchOptions.of(8, 2)
                    .withTimeLimitS(60)).clock(() -> now.addAndGet(10_000_000_000L)).build();
            SearchState st = first.newState(3);
            assertEquals(StopReason.GENERATIONS, first.run(st, new SearchListener() { }, new StopSignal())
                    .reason());
            double spent = st.elapsedS();
            assertTrue(spent >= 20 && spent < 60, "spent " + spent);
            GeneticSearch resumed = GeneticSearch.builder(problem, pool).options(SearchOptions.of(8, generations)
                    .withTimeLimitS(limitS)).clock(() -> now.addAndGet(10_000_000_000L)).build();
            return resumed.run(st, new SearchListener() { }, new StopSignal());
        }
    }

    @Test
    void aResumedRunStopsWhenTheRunsBudgetIsSpentNotAfterAnotherFullBudget() {
        GeneticSearch.Result r = interruptedThenResumed(60, 1000);
        assertEquals(StopReason.TIME_LIMIT, r.reason());
        assertTrue(r.state().elapsedS() >= 60 && r.state().elapsedS() < 60 + 30,
                "the run's total time " + r.state().elapsedS() + " s, not 60 s more");
    }

    @Test
    void aBudgetAlreadySpentStopsAtOnce() {
        GeneticSearch.Result r = interruptedThenResumed(15, 1000);
        assertEquals(StopReason.TIME_LIMIT, r.reason());
        assertEquals(2, r.state().generationsDone(), "no generation after the resume");
    }
}
