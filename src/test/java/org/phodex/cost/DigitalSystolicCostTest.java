package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.arch.DigitalSystolic;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/** The digital MAC array priced from Horowitz's 45 nm table (ISSCC 2014), checked against the table itself. */
class DigitalSystolicCostTest {
    private static final Family F = Families.get(DigitalSystolic.NAME);

    @Test
    void int8MacsCostAnEightBitMultiplyAndA32BitAddEach() {
        Design d = TestDesigns.defaults(DigitalSystolic.NAME); // 8-bit weights and activations, 32-bit accumulators
        CostReport r = CostModel.evaluate(d, F, TestDesigns.LIB, TestDesigns.MNIST_MLP);
        long macs = 784 * 128 + 128 * 10;
        assertEquals(macs, r.macs());
        // Horowitz: 8 b multiply 0.2 pJ + 32 b add 0.1 pJ
        assertEquals(macs * 0.3e-12, r.breakdownJ().get("mac"), 1e-9 * macs * 0.3e-12);
        assertEquals(List.of("mac", "digital", "accumulator", "io_buffer", "global_buffer", "noc", "dram", "leakage",
                "controller"), List.copyOf(r.breakdownJ().keySet()));
        assertEquals(CostModel.DIGITAL_COMPONENTS, List.copyOf(r.breakdownJ().keySet()));
        for (var e : r.devicesUsed().entrySet()) {
            assertTrue(!e.getValue().isEmpty(), e.getKey() + " names its device entries");
        }
        assertEquals(0, r.link().laserElectricalW());
        assertEquals(0, r.counts().adcConversions());
        assertEquals(0, r.counts().dacConversions());
    }

    @Test
    void widthInterpolationReproducesBothPublishedPoints() {
        // 32 x 32-bit multiply: Horowitz 3.1 pJ; 8-bit add 0.03 pJ
        assertEquals(3.1e-12, IntegerArithmetic.multJ(TestDesigns.LIB, 32, 32), 1e-18);
        assertEquals(0.2e-12, IntegerArithmetic.multJ(TestDesigns.LIB, 8, 8), 1e-18);
        assertEquals(0.03e-12, IntegerArithmetic.addJ(TestDesigns.LIB, 8), 1e-18);
        assertEquals(0.1e-12, IntegerArithmetic.addJ(TestDesigns.LIB, 32), 1e-18);
        // in between, a power law: 16 x 16 bits is the geometric mean of the two points (16 = sqrt(8 x 32))
        assertEquals(Math.sqrt(0.2e-12 * 3.1e-12), IntegerArithmetic.multJ(TestDesigns.LIB, 16, 16), 1e-18);
        // a 4 x 16-bit multiplier has 64 partial-product cells, like 8 x 8
        assertEquals(0.2e-12, IntegerArithmetic.multJ(TestDesigns.LIB, 4, 16), 1e-18);
        // Horowitz areas: 8 b multiply 282 um^2 + 32 b add 137 um^2 per PE
        assertEquals(282 + 137, IntegerArithmetic.macAreaUm2(TestDesigns.LIB, 8, 8, 32), 1e-9);
    }

    @Test
    void latencyIsOneVectorPerClockPlusFillAndWeightShiftsUnlessTheBufferIsSlower() {
        // a 1 MB global buffer (32 banks of 32 KB, 256 GB/s) holds the batch's activations and partial sums
        Design d = TestDesigns.defaults(DigitalSystolic.NAME).with(Params.BATCH, 1000).with("global_buffer_kb", 1024.0);
        List<org.phodex.workload.Gemm> layer = List.of(new org.phodex.workload.Gemm("fc", 1, 64, 64, 1));
        CostReport r = CostModel.evaluate(d, F, TestDesigns.LIB, layer);
        // 32 x 32 array, one core, 1 GHz: a 64 x 64 layer is 4 tiles, each one vector (1 cycle) plus a fill and
        // drain of 32 + 32 - 2 cycles shared by the batch of 1000; each tile's weights shift in over 32 cycles
        double cycles = Math.ceil(4 + 4 * 62 / 1000.0);
        assertEquals(cycles * 1e-9, r.computeTimeS(), 1e-15);
        assertEquals(cycles * 1e-9 + 4 * 32e-9 / 1000, r.latencyS(), 1e-15);
        // at batch 1 nothing amortizes the fill: 4 x 63 cycles (the 4288 B of buffer traffic take only 17 ns)
        CostReport one = CostModel.evaluate(d.with(Params.BATCH, 1), F, TestDesigns.LIB, layer);
        assertEquals(4 * 63e-9, one.computeTimeS(), 1e-15);
        // with the default 32 KB buffer and batch 1000 the batch's activations (128 KB) live in DRAM, and so do the
        // 128 KB of partial sums waiting for the second column block: 128 + 64 B of activations, 4096 / 1000 B of
        // weights and 2 x 64 x 4 B of partial sums cross the 25.6 GB/s DRAM channel
        CostReport small = CostModel.evaluate(d.with("global_buffer_kb", 32.0), F, TestDesigns.LIB, layer);
        assertEquals((192 + 4.096 + 512) / 25.6e9, small.computeTimeS(), 1e-15);
    }
}
