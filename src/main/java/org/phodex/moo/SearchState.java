package org.phodex.moo;

import io.jenetics.DoubleGene;
import io.jenetics.engine.EvolutionStart;
import java.io.Serializable;

/**
 * Everything a search needs to continue exactly where it stopped: the next generation's population, the
 * random generator's state, the archive, the cache, counters and the fixed hypervolume normalization.
 * Mutated only by {@link GeneticSearch}; saved whole in the checkpoint.
 */
public final class SearchState implements Serializable {
    private static final long serialVersionUID = 1L;

    EvolutionStart<DoubleGene, Score> start;
    final SerialRandom random;
    final Archive archive = new Archive();
    final EvaluationCache cache;
    Normalizer normalizer;
    long evaluations;
    long generationsDone;
    double hypervolume;
    double bestHypervolume;
    int stagnantGenerations;
    double elapsedS;

    SearchState(long seed, int cacheCapacity) {
        this.start = EvolutionStart.of(io.jenetics.util.ISeq.empty(), 1);
        this.random = new SerialRandom(seed);
        this.cache = new EvaluationCache(cacheCapacity);
    }

    public Archive archive() {
        return archive;
    }

    public long evaluations() {
        return evaluations;
    }

    public long generationsDone() {
        return generationsDone;
    }

    public double hypervolume() {
        return hypervolume;
    }

    /** The fixed normalization, or null before the first feasible design. */
    public Normalizer normalizer() {
        return normalizer;
    }

    public double elapsedS() {
        return elapsedS;
    }

    public int stagnantGenerations() {
        return stagnantGenerations;
    }

    public int cacheSize() {
        return cache.size();
    }
}
