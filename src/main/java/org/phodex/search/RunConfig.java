package org.phodex.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.phodex.moo.Objective;
import org.phodex.moo.SearchOptions;
import org.phodex.spec.ArchitectureSpec;

/**
 * What defines a run (saved in the checkpoint; resume rebuilds the search from it).
 *
 * @param finalChips chip samples per design when the archive is re-scored at the end (0: no re-scoring; null in
 *                   checkpoints from before re-scoring: the default)
 * @param trainingBudget the fraction of the co-design training run for a design during the search (search
 *                   --training-budget); null in checkpoints from before the budget, whose runs trained in full;
 *                   the re-scoring at the end trains in full
 */
public record RunConfig(ArrayList<ArchitectureSnapshot> architectures, String workload, long seed,
                        SearchOptions options, ArrayList<String> objectives, int threads, int chips,
                        Integer finalChips, Double trainingBudget)
        implements Serializable {

    /** Chip samples per design when a finished run is re-scored, unless set (search --final-chips). */
    public static final int DEFAULT_FINAL_CHIPS = 10;

    /** Chip samples per design for the final re-scoring; 0 means none. */
    public int finalChipSamples() {
        return finalChips == null ? DEFAULT_FINAL_CHIPS : finalChips;
    }

    public RunConfig withFinalChips(int k) {
        return new RunConfig(architectures, workload, seed, options, objectives, threads, chips, k, trainingBudget);
    }

    /** The fraction of the co-design training a design gets during the search (re-scoring trains in full). */
    public double searchTrainingBudget() {
        return trainingBudget == null ? 1 : trainingBudget;
    }

    public RunConfig withTrainingBudget(double b) {
        return new RunConfig(architectures, workload, seed, options, objectives, threads, chips, finalChips, b);
    }

    /** Chip samples per design (Monte Carlo over static errors); 0 in checkpoints from before --chips means 1. */
    public int chipSamples() {
        return Math.max(1, chips);
    }

    public static RunConfig of(List<ArchitectureSpec> archs, String workload, long seed, SearchOptions options,
                               List<Objective> objectives, int threads) {
        return of(archs, workload, seed, options, objectives, threads, 1);
    }

    public static RunConfig of(List<ArchitectureSpec> archs, String workload, long seed, SearchOptions options,
                               List<Objective> objectives, int threads, int chips) {
        ArrayList<ArchitectureSnapshot> a = new ArrayList<>();
        archs.forEach(s -> a.add(ArchitectureSnapshot.of(s)));
        ArrayList<String> o = new ArrayList<>();
        objectives.forEach(x -> o.add(x.name()));
        return new RunConfig(a, workload, seed, options, o, threads, chips, null, null);
    }

    public List<ArchitectureSpec> specs() {
        return architectures.stream().map(ArchitectureSnapshot::toSpec).toList();
    }

    public List<Objective> objectiveList() {
        return Objective.parse(String.join(",", objectives));
    }

    public SearchProblem problem() {
        return new SearchProblem(new SearchSpace(specs()), objectiveList());
    }

    public RunConfig with(SearchOptions o, int t) {
        return new RunConfig(architectures, workload, seed, o, objectives, t, chips, finalChips, trainingBudget);
    }
}
