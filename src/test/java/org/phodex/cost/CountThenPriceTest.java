package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phodex.cost.TestDesigns.LIB;
import static org.phodex.cost.TestDesigns.MNIST_MLP;
import static org.phodex.cost.TestDesigns.defaults;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.spec.Design;
import org.phodex.workload.Gemm;

class CountThenPriceTest {

    /** Every registered family, with the default and with a non-volatile phase shifter / the crosslight laser. */
    private static List<Design> designs(Family f) {
        Design d = defaults(f.name());
        return d.has("phase_shifter")
                ? List.of(d, d.with("phase_shifter", "mems"), d.with("laser_model", "crosslight"))
                : List.of(d, d.with("laser_model", "crosslight"));
    }

    @Test
    void everyBreakdownLineIsItsCountTimesItsPriceForEveryFamily() {
        for (Family f : Families.all()) {
            for (Design d : designs(f)) {
                CostReport r = CostModel.evaluate(d, f, LIB, MNIST_MLP);
                Map<String, Object> counts = r.counts().asMap();
                assertEquals(f.photonic() ? CostModel.COMPONENTS : CostModel.DIGITAL_COMPONENTS,
                        List.copyOf(r.priced().keySet()), f.name());
                double sum = 0;
                for (Map.Entry<String, Priced> e : r.priced().entrySet()) {
                    Priced p = e.getValue();
                    String what = f.name() + " " + e.getKey() + " (" + p.estimator() + ")";
                    // the line's count is the action count it names, and its energy is that count x the unit price
                    assertTrue(counts.containsKey(p.countName()), what + " names no action count: " + p.countName());
                    assertEquals(((Number) counts.get(p.countName())).doubleValue(), p.count(),
                            1e-12 * Math.abs(p.count()), what);
                    assertEquals(p.count() * p.unitJ(), p.energyJ(), 1e-12 * Math.abs(p.energyJ()), what);
                    assertTrue(p.energyJ() >= 0 && !p.devices().isEmpty(), what);
                    sum += p.energyJ();
                }
                assertEquals(sum, r.energyJ(), 1e-12 * sum);
            }
        }
    }

    @Test
    void theEstimatorFollowsTheDevicesAndTheLaserModelNotTheFamilyName() {
        Design mzi = defaults("mzi-clements");
        Family clements = Families.get("mzi-clements");
        assertEquals("thermo-optic", CostModel.evaluate(mzi, clements, LIB, MNIST_MLP).estimators().get("weight_hold"));
        assertEquals("non-volatile", CostModel.evaluate(mzi.with("phase_shifter", "pcm"), clements, LIB, MNIST_MLP)
                .estimators().get("weight_hold"));
        Family bank = Families.get("mrr-bank");
        Map<String, String> ring = CostModel.evaluate(defaults("mrr-bank"), bank, LIB, MNIST_MLP).estimators();
        assertEquals("ring-tuning", ring.get("weight_hold"));
        assertEquals("tuning-dac", ring.get("weight_program"));
        assertEquals("noise-link-budget", ring.get("laser"));
        assertEquals("crosslight", CostModel.evaluate(mzi.with("laser_model", "crosslight"), clements, LIB, MNIST_MLP)
                .estimators().get("laser"));
    }

    @Test
    void handCountOfOneSmallLayerOnEightByEightMeshes() {
        // one 20 x 12 layer, 3 input vectors, on 8x8 tiles: ceil(12/8) = 2 column blocks, ceil(20/8) = 3 row blocks
        Design d = defaults("mzi-clements").with("mesh_size", 8).with("wavelengths", 1).with("cores", 2)
                .with("batch", 10).with("dac_bits", 6);
        ActionCounts a = CostModel.evaluate(d, Families.get("mzi-clements"), LIB,
                List.of(new Gemm("l", 3, 12, 20, 1))).counts();
        assertEquals(6, a.staticTiles());                     // 2 x 3 tiles
        assertEquals(3 * 6, a.opticalShots());                // every vector through every tile
        // real inputs only: each of the 3 row blocks converts the vector's 12 inputs (8 + 4, the padding is idle)
        assertEquals(3 * 12 * 3, a.dacConversions());
        // real outputs only: each of the 2 column blocks reads the 20 outputs (8 + 8 + 4)
        assertEquals(3 * 20 * 2, a.adcConversions());
        assertEquals(3 * 20 * (2 - 1) + 3 * 20, a.partialSumAdds()); // one partial sum per output, one bias each
        // Clements 8x8: two meshes of 28 MZIs plus 8 attenuators = 64 MZIs, 2 shifters each
        assertEquals(128, a.weightCells().perCore());
        assertEquals(6.0 / 10 * 128, a.cellsProgrammed(), 1e-12);
        // memory levels: DataflowTest hand-counts this layer level by level
        assertEquals((108 + 60) / 8.0 + 240 / 8.0 / 10, a.traffic().get("global_buffer").reads()
                + a.traffic().get("global_buffer").writes(), 1e-12);
        assertEquals(0, a.accesses("dram"), 1e-12);
        // 18 shots on 2 cores x 1 wavelength at 10 GHz take 0.9 ns, but the 32 KB global buffer (one bank at
        // 8 GB/s) moves 108 + 24 + 60 B per inference: 24 ns
        assertEquals(192 / 8e9, a.computeTimeS(), 1e-22);
    }
}
