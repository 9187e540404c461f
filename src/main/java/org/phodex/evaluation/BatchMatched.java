package org.phodex.evaluation;

import java.util.function.IntToDoubleFunction;

/**
 * A baseline beside the design at the same batch: a GPU measured at batch 4096 is compared with the design loading
 * its weights once per 4096 inferences, a GPU at batch 1 with the design at batch 1. Comparing a photonic design at
 * batch 1000 with a GPU at batch 1 would credit the photonic side with the batching the GPU was denied (a 200,000x
 * "advantage" that is 218x like for like on digits-mlp). Used by every comparison with a baseline:
 * {@code org.phodex.verdict.Baselines} (evaluate, verdict, report) and the search CSV's {@code baseline_ratio}.
 */
public final class BatchMatched {

    private BatchMatched() {
    }

    /**
     * The batch a design is priced at beside a baseline that ran {@code batch} inferences at once: that batch, or,
     * when its own batch is smaller and cheaper per inference ({@code joulesAt}), its own: a chip handed 4,096
     * inputs can run them 1,000 at a time, its weights then loaded once per 1,000, which its own batch's price
     * already charges. A baseline batch below the design's own leaves it no choice.
     */
    public static int pricedBatch(int batch, int ownBatch, IntToDoubleFunction joulesAt) {
        return ownBatch < batch && joulesAt.applyAsDouble(ownBatch) < joulesAt.applyAsDouble(batch) ? ownBatch : batch;
    }
}
