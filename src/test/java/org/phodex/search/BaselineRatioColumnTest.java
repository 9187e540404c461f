package org.phodex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.cost.DigitalBaseline;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.DesignResolver;
import org.phodex.evaluation.Evaluator;
import org.phodex.moo.Outcome;
import org.phodex.spec.ArchitectureSpec;

/**
 * The search CSV's {@code baseline_ratio} sets the GPU's best case beside the design at the GPU's batch: a design at
 * batch 10000 loads its weights once per 10,000 inferences, which the GPU measured at 4,096 was not allowed.
 */
class BaselineRatioColumnTest {

    @Test
    void aDesignAtALargerBatchThanTheGpusIsPricedAtTheGpusBatch() {
        Catalog cat = Catalog.locate();
        ArchitectureSpec spec = cat.architecture("mzi-clements");
        DesignResolver.Resolved r = DesignResolver.resolve(spec, cat.devices(), List.of("batch=10000"));
        PhotonicSearchEvaluator ev = new PhotonicSearchEvaluator(cat, List.of(spec), "digits-mlp", 1L, 1, 50);
        Outcome o = ev.evaluate(r.design());
        assertTrue(o.feasible(), o.infeasibleReason());

        // the expectation, worked out apart from the column: the GPU's best figure over the design's energy per
        // inference when it runs the GPU's batch
        Evaluator plain = new Evaluator(cat.workload("digits-mlp"), cat.baseline(), new Evaluator.Options(1, 50, 50, 1L));
        DigitalBaseline.Figure gpu = cat.baseline().best("digits-mlp", plain.evaluate(spec, r.design(), r.devices())
                .cost().macs());
        assertTrue(gpu.measuredForWorkload() && gpu.batch() < 10000, "digits-mlp's GPU figure has a batch: " + gpu);
        double atGpuBatch = plain.energyAtBatchJ(spec, r.design(), r.devices(), gpu.batch());
        assertTrue(atGpuBatch > o.energyJ() * 1.0001, "the weights' load is shared by fewer inferences at the GPU's "
                + "batch, or the test tells nothing: " + atGpuBatch + " vs " + o.energyJ());
        assertEquals(gpu.batch(), ((Number) o.columns().get("baseline_design_batch")).intValue());
        assertEquals(gpu.energyJ() / atGpuBatch, ((Number) o.columns().get("baseline_ratio")).doubleValue(),
                1e-9 * gpu.energyJ() / atGpuBatch);
    }
}
