package org.phodex.moo;

import java.io.Serializable;

/**
 * How a search runs. Budgets of 0 mean "no limit" (at least one of generations, time, evaluations or
 * stagnation should be set).
 *
 * @param population     individuals per generation; half of them are new offspring each generation
 * @param generations    stop after this many generations in total (0 = no limit)
 * @param timeLimitS     stop after this much wall time in this invocation (0 = none); checked between
 *                       generations
 * @param maxEvaluations stop once this many designs have been evaluated in total (0 = none)
 * @param stagnation     stop when the hypervolume has not improved for this many generations (0 = never)
 * @param cacheCapacity  evaluated designs kept in the cache
 */
public record SearchOptions(int population, long generations, double timeLimitS, long maxEvaluations,
                            int stagnation, int cacheCapacity) implements Serializable {
    public static final int DEFAULT_CACHE = 200_000;

    public SearchOptions {
        if (population < 4) {
            throw new IllegalArgumentException("population must be >= 4, got " + population);
        }
        if (generations < 0 || timeLimitS < 0 || maxEvaluations < 0 || stagnation < 0) {
            throw new IllegalArgumentException("budgets must be >= 0");
        }
    }

    public static SearchOptions of(int population, long generations) {
        return new SearchOptions(population, generations, 0, 0, 0, DEFAULT_CACHE);
    }

    public SearchOptions withGenerations(long g) {
        return new SearchOptions(population, g, timeLimitS, maxEvaluations, stagnation, cacheCapacity);
    }

    public SearchOptions withTimeLimitS(double t) {
        return new SearchOptions(population, generations, t, maxEvaluations, stagnation, cacheCapacity);
    }

    public SearchOptions withMaxEvaluations(long e) {
        return new SearchOptions(population, generations, timeLimitS, e, stagnation, cacheCapacity);
    }

    public SearchOptions withStagnation(int s) {
        return new SearchOptions(population, generations, timeLimitS, maxEvaluations, s, cacheCapacity);
    }
}
