package org.phodex.moo;

import java.io.Serializable;

/**
 * One evaluated design as the run records it: a row of {@code evaluations.csv}.
 *
 * @param evalId     0-based, in the order the search asked for evaluations (deterministic)
 * @param generation the generation that asked (1 = initial population and first offspring)
 * @param score      fitness and constraint violation; {@code score.feasible()} is the CSV's {@code feasible}
 */
public record Evaluation(long evalId, long generation, Outcome outcome, Score score, String infeasibleReason)
        implements Serializable {
}
