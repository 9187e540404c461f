package org.phodex.moo;

import java.util.List;
import org.phodex.spec.Design;

/**
 * Evaluates a whole generation at once; the search hands every batch here. The thread pool
 * ({@link ThreadPoolEvaluator}) is the first implementation; a cluster one is another.
 * Must return one outcome per design, in the same order.
 */
public interface GenerationEvaluator {
    List<Outcome> evaluateAll(List<Design> designs);
}
