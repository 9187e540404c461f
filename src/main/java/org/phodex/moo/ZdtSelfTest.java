package org.phodex.moo;

/**
 * Runs a ZDT problem through {@link GeneticSearch} (same selection, archive and hypervolume as a design
 * search) and reports the archive's hypervolume at reference (1.1, 1.1).
 */
public final class ZdtSelfTest {
    public static final int POPULATION = 100;

    private ZdtSelfTest() {
    }

    /** One problem's result. */
    public record Row(Zdt problem, long evaluations, long generations, double hypervolume, int frontSize,
                      double threshold, double seconds) {
        public boolean passed() {
            return hypervolume >= threshold;
        }
    }

    /** Acceptance thresholds at about 25,000 evaluations (see SelftestCommand for their rationale). */
    public static double threshold(Zdt z) {
        return switch (z) {
            case ZDT1 -> 0.86;
            case ZDT2 -> 0.535;
            case ZDT3 -> 1.31;
        };
    }

    public static Row run(Zdt z, long maxEvaluations, long seed, int threads) {
        long t0 = System.nanoTime();
        SearchOptions opts = SearchOptions.of(POPULATION, 0).withMaxEvaluations(maxEvaluations);
        try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(z, threads)) {
            GeneticSearch search = GeneticSearch.builder(z.problem(), pool).options(opts).build();
            SearchState state = search.newState(seed);
            search.run(state, new SearchListener() { }, new StopSignal());
            return new Row(z, state.evaluations(), state.generationsDone(), state.hypervolume(),
                    state.archive().size(), threshold(z), (System.nanoTime() - t0) / 1e9);
        }
    }
}
