package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phodex.cost.TestDesigns.LIB;
import static org.phodex.cost.TestDesigns.defaults;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.spec.Design;
import org.phodex.workload.Gemm;

/**
 * Hand counts of the weight-stationary dataflow on one small layer: 3 input vectors of 12 elements, 20 outputs, on
 * 8 x 8 Clements tiles: cb = 2 column blocks, rb = 3 row blocks, 6 tiles; 6-bit inputs take 1 byte, 8-bit weights
 * 1 byte, photonic partial sums 4 bytes; words are 64 bits except the accumulators' (32 bits).
 */
class DataflowTest {
    private static final List<Gemm> LAYER = List.of(new Gemm("l", 3, 12, 20, 1));

    private static ActionCounts counts(Design d) {
        return CostModel.evaluate(d, Families.get(d.params().containsKey("ring_q") ? "mrr-bank" : "mzi-clements"),
                LIB, LAYER).counts();
    }

    private static Design base() {
        return defaults("mzi-clements").with("mesh_size", 8).with("wavelengths", 1).with("cores", 2)
                .with("batch", 10).with("dac_bits", 6);
    }

    private static void assertLevel(ActionCounts a, String level, double reads, double writes) {
        assertEquals(reads, a.traffic().get(level).reads(), 1e-9, level + " reads");
        assertEquals(writes, a.traffic().get(level).writes(), 1e-9, level + " writes");
    }

    @Test
    void everythingFitsOnChipAndColumnBlocksReduceSpatially() {
        // 6 tiles > 2 cores: layer by layer, the batch of 10 streams through each tile; working set
        // 10 x 3 x (12 + 20) B = 960 B and the 240 B of weights fit the 32 KB global buffer
        ActionCounts a = counts(base());
        // inputs: 3 x 12 B read once per row block (no broadcast on an MZI mesh): 108 B; outputs 60 B written once;
        // weights 240 B once per batch of 10
        assertLevel(a, "global_buffer", (108 + 240 / 10.0) / 8, 60 / 8.0);
        // I/O buffers: the 108 B of slices written and read by the DACs, the 60 B of outputs written and read out
        assertLevel(a, "io_buffer", (108 + 60) / 8.0, (108 + 60) / 8.0);
        // accumulators: 60 outputs x 2 column blocks, one read and one write each (cb = 2 <= 2 cores: no spill)
        assertLevel(a, "accumulator", 120, 120);
        assertLevel(a, "dram", 0, 0);
    }

    @Test
    void partialSumsSpillWhenTheBatchsPartialSumsExceedTheAccumulators() {
        // one core: the two column blocks run one after the other, so 8 rows x 30 vectors x 4 B = 960 B of partial
        // sums wait: they fit the default 1 KB accumulators ...
        ActionCounts fits = counts(base().with("cores", 1));
        assertLevel(fits, "io_buffer", (108 + 60) / 8.0, (108 + 60) / 8.0);
        // ... but not 0.5 KB ones: the 60 partial sums of the first block go to the 8 KB I/O buffer and back
        ActionCounts spills = counts(base().with("cores", 1).with("accumulator_kb", 0.5));
        assertLevel(spills, "io_buffer", (108 + 60 + 60 * 4) / 8.0, (108 + 60 + 60 * 4) / 8.0);
        assertLevel(spills, "accumulator", 120, 120);
    }

    @Test
    void weightsComeFromDramWhenTheyDoNotFitBesideTheActivations() {
        // a 1 KB global buffer holds the 960 B working set but not the 240 B of weights as well
        ActionCounts a = counts(base().with("global_buffer_kb", 1.0));
        assertLevel(a, "dram", 240 / 10.0 / 8, 0);
        assertLevel(a, "global_buffer", 108 / 8.0, 60 / 8.0);
        // batch 100: the working set (9600 B) exceeds the buffer, so activations live in DRAM
        ActionCounts spill = counts(base().with("global_buffer_kb", 1.0).with("batch", 100));
        assertLevel(spill, "dram", (108 + 240 / 100.0) / 8, 60 / 8.0);
        assertLevel(spill, "global_buffer", 0, 0);
    }

    @Test
    void aResidentNetworkStreamsOneInferenceAtATime() {
        // 6 cores hold all 6 tiles: the working set is one inference (96 B), whatever the batch
        ActionCounts a = counts(base().with("cores", 8).with("global_buffer_kb", 1.0).with("batch", 1000));
        assertLevel(a, "global_buffer", (108 + 240 / 1000.0) / 8, 60 / 8.0);
        assertLevel(a, "dram", 0, 0);
    }

    @Test
    void aBroadcastingFamilyReadsEachSliceOncePerRound() {
        // mrr-bank broadcasts: 8 x 8 banks with K = 8 wavelengths, 6 tiles; with 2 cores the 3 row blocks of a
        // column block need ceil(3 / 2) = 2 reads of each input; inputs are signed here, so each tile takes two
        // passes (the I/O buffer is read twice) and the accumulators take twice the accumulations
        Design d = defaults("mrr-bank").with("mesh_size", 8).with("wavelengths", 8).with("cores", 2)
                .with("batch", 10).with("dac_bits", 6);
        ActionCounts a = CostModel.evaluate(d, Families.get("mrr-bank"), LIB, LAYER, new boolean[1],
                new boolean[] {true}).counts();
        assertLevel(a, "global_buffer", (36 * 2 + 240 / 10.0) / 8, 60 / 8.0);
        assertLevel(a, "io_buffer", (108 * 2 + 60) / 8.0, (108 + 60) / 8.0);
        assertLevel(a, "accumulator", 240, 240);
    }

    @Test
    void sramEnergyFollowsHorowitzThroughItsThreePoints() {
        assertEquals(10e-12, MemoryHierarchy.access64J(LIB, 8 * 1024), 1e-24);
        assertEquals(20e-12, MemoryHierarchy.access64J(LIB, 32 * 1024), 1e-24);
        assertEquals(100e-12, MemoryHierarchy.access64J(LIB, 1024 * 1024), 1e-24);
        // between 8 and 32 KB the slope is log 2 / log 4 = 1/2: 16 KB costs 10 x sqrt(2) pJ
        assertEquals(10e-12 * Math.sqrt(2), MemoryHierarchy.access64J(LIB, 16 * 1024), 1e-24);
        // below 8 KB the same slope: 2 KB costs 5 pJ
        assertEquals(5e-12, MemoryHierarchy.access64J(LIB, 2 * 1024), 1e-24);
        // above 32 KB the slope is log 5 / log 32: 4 MB costs 100 x 5^(2/5) pJ
        assertEquals(100e-12 * Math.pow(5, 0.4), MemoryHierarchy.access64J(LIB, 4 * 1024 * 1024), 1e-22);
    }

    @Test
    void theLaserBurnsDuringReprogrammingUnlessGated() {
        Design d = base();
        CostReport on = CostModel.evaluate(d, Families.get("mzi-clements"), LIB, LAYER);
        CostReport gated = CostModel.evaluate(d.with("laser_gating", "gated"), Families.get("mzi-clements"), LIB,
                LAYER);
        double w = on.link().laserElectricalW();
        assertEquals(w * on.latencyS(), on.breakdownJ().get("laser"), 1e-12 * w * on.latencyS());
        // gated: compute time plus one 1 us settling per turn-on; 3 rounds of tiles per batch of 10
        double onTime = on.computeTimeS() + 3 / 10.0 * 1e-6;
        assertEquals(w * onTime, gated.breakdownJ().get("laser"), 1e-12 * w * onTime);
        assertTrue(gated.breakdownJ().get("laser") < on.breakdownJ().get("laser"));
        // the always-on lines: controller 5 mW per core over the latency, SRAM leakage over the latency
        assertEquals(2 * 5e-3 * on.latencyS(), on.breakdownJ().get("controller"), 1e-18);
        assertFalse(on.breakdownJ().get("standby") <= 0);
    }
}
