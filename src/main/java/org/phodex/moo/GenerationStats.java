package org.phodex.moo;

/**
 * What one finished generation reports (a row of {@code indicators.csv} plus progress information).
 *
 * @param best        per objective, the best value in the archive in natural units (NaN when empty)
 * @param etaS        estimated seconds to the nearest budget, NaN when unknown
 */
public record GenerationStats(long generation, long evaluations, double hypervolume, int frontSize,
                              double elapsedS, double evalsPerS, double[] best, double etaS) {
}
