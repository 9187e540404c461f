package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phodex.cost.TestDesigns.LIB;
import static org.phodex.cost.TestDesigns.defaults;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.spec.Design;
import org.phodex.workload.Gemm;
import org.phodex.workload.Workload;
import org.phodex.workload.Workloads;

class AttentionShareTest {

    @Test
    void anMlpHasNoAttention() {
        Design d = defaults("mzi-clements");
        Workload mlp = Workloads.load(Path.of("workloads/digits-mlp.yaml"));
        assertTrue(Double.isNaN(CostModel.evaluate(d, Families.get("mzi-clements"), LIB, mlp).attentionShare()));
    }

    @Test
    void theVitsAttentionShareGrowsWithTheBatchSinceOnlyStaticWeightsAmortize() {
        Workload vit = Workloads.load(Path.of("workloads/mnist-vit.yaml"));
        Family f = Families.get("mzi-clements");
        // a global buffer large enough for the batch's activations and 64 x 64 tiles whose column blocks run at once
        // (no partial sums wait), so that a larger batch only amortizes; with the default 32 KB buffer the batch's
        // activations, or on small tiles its waiting partial sums, would spill and grow with the batch
        Design d = defaults("mzi-clements").with("phase_shifter", "mems").with("global_buffer_kb", 1048576.0)
                .with("mesh_size", 64);
        CostReport small = CostModel.evaluate(d.with("batch", 10), f, LIB, vit);
        CostReport large = CostModel.evaluate(d.with("batch", 10_000), f, LIB, vit);
        assertTrue(small.attentionShare() > 0 && small.attentionShare() < 1, "share " + small.attentionShare());
        // the attention products' weights are reprogrammed per inference: their energy ignores the batch
        assertEquals(small.attentionEnergyJ(), large.attentionEnergyJ(), 1e-12 * small.attentionEnergyJ());
        assertTrue(large.energyJ() < small.energyJ());
        assertTrue(large.attentionShare() > small.attentionShare());
    }

    @Test
    void theAttentionProductsAloneCostWhatTheirDynamicTilesCost() {
        // one dynamic 17 x 16 x 17 product (scores of one head), on 8 x 8 tiles: ceil(16/8) x ceil(17/8) = 6 tiles,
        // each reprogrammed for every inference: 6 x cells per core writes, whatever the batch
        Design d = defaults("mzi-clements").with("mesh_size", 8).with("batch", 1000).with("cores", 1);
        Family f = Families.get("mzi-clements");
        List<Gemm> scores = List.of(new Gemm("scores", 17, 16, 17, 1));
        CostReport r = CostModel.evaluate(d, f, LIB, scores, new boolean[] {true}, new boolean[] {true});
        assertEquals(6 * r.counts().weightCells().perCore(), r.counts().cellsProgrammed(), 1e-9);
        // the same shape as a static layer is programmed once per batch: 1000x fewer writes
        CostReport s = CostModel.evaluate(d, f, LIB, scores, new boolean[] {false}, new boolean[] {true});
        assertEquals(1000, r.counts().cellsProgrammed() / s.counts().cellsProgrammed(), 1e-9);
    }
}
