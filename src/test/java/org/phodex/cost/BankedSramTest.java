package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phodex.cost.TestDesigns.LIB;
import static org.phodex.cost.TestDesigns.defaults;

import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.spec.Design;

/**
 * Banked SRAM by hand, from the library's inputs: Horowitz's 20 pJ per 64-bit access of a 32 KB array (10 pJ at
 * 8 KB, slope 1/2 between), 0.1 mm^2 per 32 KB, banks of 32 KB, and Keckler et al.'s 0.121 pJ per bit per mm of
 * on-chip wire. The H-tree from the port to a bank is side(array) - side(bank).
 */
class BankedSramTest {
    private static final double WIRE = 0.121e-12;

    @Test
    void oneBankIsHorowitzsArray() {
        assertEquals(1, MemoryHierarchy.banks(LIB, 32 * 1024));
        assertEquals(0, MemoryHierarchy.hTreeMm(LIB, 32 * 1024), 1e-15);
        assertEquals(20e-12, MemoryHierarchy.sramAccess64J(LIB, 32 * 1024), 1e-24);
        assertEquals(10e-12, MemoryHierarchy.sramAccess64J(LIB, 8 * 1024), 1e-24);
    }

    @Test
    void aMegabyteIsThirtyTwoBanksAndAnHTree() {
        // 32 banks of 32 KB: 3.2 mm^2, side 1.788854 mm; a bank 0.1 mm^2, side 0.316228 mm; H-tree 1.472627 mm
        assertEquals(32, MemoryHierarchy.banks(LIB, 1024 * 1024));
        assertEquals(1.472627, MemoryHierarchy.hTreeMm(LIB, 1024 * 1024), 1e-6);
        // 20 pJ for the bank + 64 x 1.472627 mm x 0.121 pJ = 11.404 pJ: 31.404 pJ, not Horowitz's monolithic 100 pJ
        assertEquals(31.404e-12, MemoryHierarchy.sramAccess64J(LIB, 1024 * 1024), 0.001e-12);
    }

    @Test
    void aCapacityBetweenBanksSplitsIntoEqualBanks() {
        // 100 KB: 4 banks of 25 KB at 20 x sqrt(25/32) = 17.6777 pJ; sides sqrt(0.3125) = 0.559017 and
        // sqrt(0.078125) = 0.279508 mm: 64 x 0.279508 x 0.121 pJ = 2.16451 pJ
        assertEquals(4, MemoryHierarchy.banks(LIB, 100 * 1024));
        assertEquals(17.6777e-12 + 2.16451e-12, MemoryHierarchy.sramAccess64J(LIB, 100 * 1024), 0.0001e-12);
    }

    @Test
    void theGlobalBufferLevelIsPricedPerBankAndDeliversAWordPerBank() {
        Design d = defaults("digital-systolic").with("global_buffer_kb", 256.0);
        MemoryHierarchy.Level g = CostModel.evaluate(d, Families.get("digital-systolic"), LIB, TestDesigns.MNIST_MLP)
                .counts().memory().level(MemoryHierarchy.GLOBAL_BUFFER);
        // 8 banks: side sqrt(0.8) - sqrt(0.1) = 0.578199 mm of H-tree, 64 x 0.578199 x 0.121 = 4.47746 pJ
        double expected = 20e-12 + 64 * (Math.sqrt(0.8) - Math.sqrt(0.1)) * WIRE;
        assertEquals(24.4775e-12, expected, 0.0001e-12);
        assertEquals(expected, g.readJ(), 1e-18);
        assertEquals(expected, g.writeJ(), 1e-18); // a write costs a read (write_to_read_ratio 1)
        assertEquals(8 * 8e9, g.bandwidthBytesPerS(), 1);
        // cheaper than the monolithic law's 20 x 8^(log 5 / log 32) = 52.6 pJ, which a banked array avoids
        assertTrue(g.readJ() < MemoryHierarchy.access64J(LIB, 256 * 1024) / 2);
    }

    @Test
    void theBankBandwidthIsADeviceNumberAUserCanSet() {
        // --set devices.sram_scaling.bank_bandwidth_bytes_per_s=16e9 doubles what each of the 8 banks delivers
        Design d = defaults("digital-systolic").with("global_buffer_kb", 256.0);
        MemoryHierarchy.Level g = CostModel.evaluate(d, Families.get("digital-systolic"),
                LIB.with("devices.sram_scaling.bank_bandwidth_bytes_per_s", 16e9), TestDesigns.MNIST_MLP)
                .counts().memory().level(MemoryHierarchy.GLOBAL_BUFFER);
        assertEquals(8 * 16e9, g.bandwidthBytesPerS(), 1);
    }
}
