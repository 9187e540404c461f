package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phodex.cost.TestDesigns.LIB;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.evaluation.Catalog;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.SearchRange;
import org.phodex.workload.Gemm;

/**
 * The shipped search spaces let the accumulators hold what a batch leaves waiting between column blocks: r rows x
 * vectors x 4 B of partial sums (a photonic design's are 32-bit).
 */
class AccumulatorGeneTest {
    private static final List<String> FAMILIES = List.of("mzi-clements", "mzi-reck", "mzi-butterfly", "mzi-truncated",
            "mrr-bank", "digital-systolic");

    private static ArchitectureSpec spec(String arch) {
        return ArchitectureSpec.load(Path.of("architectures/" + arch + ".yaml"), Catalog.vocabulary(LIB));
    }

    private static double largestChoiceKb(String arch) {
        SearchRange r = spec(arch).searchSpace().get("accumulator_kb");
        return r.choices().stream().mapToDouble(o -> ((Number) o).doubleValue()).max().orElseThrow();
    }

    @Test
    void everyShippedFamilyCanHoldABatchOfPartialSumsOfItsDefaultTile() {
        // the default 8-row photonic tile at the default batch of 1000: 8 x 1000 x 4 B = 32,000 B, beyond 16 KB;
        // the digital array's 32 rows at batch 1000: 128,000 B
        for (String arch : FAMILIES) {
            double rows = arch.equals("digital-systolic") ? 32 : 8;
            double need = rows * 1000 * 4;
            assertTrue(largestChoiceKb(arch) * 1024 >= need, arch + ": accumulator_kb reaches " + largestChoiceKb(arch)
                    + " KB, the partial sums of batch 1000 need " + need / 1024 + " KB");
        }
    }

    @Test
    void aLargeEnoughAccumulatorKeepsTheSpillOffChip() {
        // 3 x 12 x 20 on one 8 x 8 Clements core at batch 1000: cb = 2 column blocks one after the other, so
        // 8 rows x 3000 vectors x 4 B = 96,000 B of partial sums wait. Working set 3 x 32 x 1000 B = 96,000 B > 32 KB:
        // the activations live in DRAM, and partial sums that outgrow the accumulators spill there too: the first
        // block's 60 per inference are written and read back, 60 x 4 B / 8 B = 30 DRAM words each way
        List<Gemm> layer = List.of(new Gemm("l", 3, 12, 20, 1));
        Design base = spec("mzi-clements").defaults().with("mesh_size", 8).with("cores", 1).with("batch", 1000)
                .with("dac_bits", 6);
        ActionCounts small = CostModel.evaluate(base.with("accumulator_kb", 16.0), Families.get("mzi-clements"), LIB,
                layer).counts();
        ActionCounts large = CostModel.evaluate(base.with("accumulator_kb", 128.0), Families.get("mzi-clements"), LIB,
                layer).counts();
        // at home (DRAM) per inference: 36 B of inputs read once per row block (rb = 3), 60 B of outputs written, and
        // the 240 B of weights once per batch (they do not fit the 32 KB buffer beside the 96,000 B working set)
        double reads = (36 * 3 + 240 / 1000.0) / 8;
        assertEquals(reads, large.traffic().get("dram").reads(), 1e-9);
        assertEquals(60 / 8.0, large.traffic().get("dram").writes(), 1e-9);
        assertEquals(reads + 30, small.traffic().get("dram").reads(), 1e-9);
        assertEquals(60 / 8.0 + 30, small.traffic().get("dram").writes(), 1e-9);
        // the accumulations themselves are the same: 60 outputs x 2 column blocks, a read and a write each
        assertEquals(120, large.traffic().get("accumulator").reads(), 1e-9);
        assertEquals(120, small.traffic().get("accumulator").reads(), 1e-9);
    }
}
