package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.phodex.cost.TestDesigns.LIB;
import static org.phodex.cost.TestDesigns.defaults;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.spec.Design;
import org.phodex.workload.Gemm;

/**
 * The on-chip network by hand: mean Manhattan distances from the centre of a core mesh, and the words a small layer
 * moves between the global buffer and the cores (the hand count of DataflowTest's 3 x 12 x 20 layer on 8 x 8 tiles:
 * cb = 2, rb = 3).
 */
class NetworkOnChipTest {
    private static final List<Gemm> LAYER = List.of(new Gemm("l", 3, 12, 20, 1));

    @Test
    void meanHopsFromTheCentreOfTheCoreMesh() {
        assertEquals(0, NetworkOnChip.meanHops(1), 1e-12);          // one core against the buffer
        assertEquals(0.5, NetworkOnChip.meanHops(2), 1e-12);        // 2 x 1: each core half a pitch away
        assertEquals(1, NetworkOnChip.meanHops(4), 1e-12);          // 2 x 2: (0.5 + 0.5) each
        assertEquals(4.0 / 3, NetworkOnChip.meanHops(9), 1e-12);    // 3 x 3: 2 x mean(1, 0, 1)
        assertEquals(2, NetworkOnChip.meanHops(16), 1e-12);         // 4 x 4: 2 x mean(1.5, 0.5, 0.5, 1.5)
        // 3 cores on a 2 x 2 mesh, the bottom row half full: centre (0.5, 0.5), every core 1 pitch away
        assertEquals(1, NetworkOnChip.meanHops(3), 1e-12);
    }

    @Test
    void everyWordOfTheSharedLevelsCrossesTheMeshOnce() {
        // 4 cores at batch 10: cb = 2 <= cores, so nothing spills; the global buffer reads 36 B of inputs per row
        // block (3) and 240 B / 10 of weights, and writes 60 B of outputs: (108 + 24 + 60) / 8 = 24 words
        Design d = defaults("mzi-clements").with("mesh_size", 8).with("wavelengths", 1).with("cores", 4)
                .with("batch", 10).with("dac_bits", 6);
        CostReport r = CostModel.evaluate(d, Families.get("mzi-clements"), LIB, LAYER);
        assertEquals(24, r.counts().nocWords(), 1e-9);
        // a 2 x 2 mesh: 1 hop of a router (0.1 pJ/bit) and a core pitch of wire (0.121 pJ/bit/mm); the pitch is the
        // side of a core, whose area is the chip's less the 32 KB global buffer (0.1 mm^2), over 4 cores
        double pitchMm = Math.sqrt((r.areaMm2() - 0.1) / 4);
        double perBit = 1 * (0.1e-12 + pitchMm * 0.121e-12);
        assertEquals(24 * 64 * perBit, r.breakdownJ().get("noc"), 1e-9 * r.breakdownJ().get("noc"));
    }

    @Test
    void sixteenCoresTravelTwiceAsFarAsFourAndOneCoreNotAtAll() {
        Design d = defaults("mzi-clements").with("mesh_size", 8).with("batch", 10);
        double four = CostModel.evaluate(d.with("cores", 4), Families.get("mzi-clements"), LIB, LAYER)
                .priced().get("noc").unitJ();
        double sixteen = CostModel.evaluate(d.with("cores", 16), Families.get("mzi-clements"), LIB, LAYER)
                .priced().get("noc").unitJ();
        assertEquals(2 * four, sixteen, 1e-12 * four); // the same core (same pitch), 2 hops instead of 1
        assertEquals(0, CostModel.evaluate(d.with("cores", 1), Families.get("mzi-clements"), LIB, LAYER)
                .breakdownJ().get("noc"), 0);
    }
}
