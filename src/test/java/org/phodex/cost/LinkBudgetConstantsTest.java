package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;

/** The noise code takes q and k_B from the device library's constants: one source of truth. */
class LinkBudgetConstantsTest {
    @Test
    void theLibrarysConstantsReachTheDetectorNoise() {
        Design d = TestDesigns.defaults("mzi-clements");
        DeviceLibrary lib = TestDesigns.LIB;
        assertEquals(lib.value("constants", "electron_charge_c"), LinkBudget.detector(d, lib).electronChargeC());
        assertEquals(lib.value("constants", "boltzmann_j_per_k"), LinkBudget.detector(d, lib).boltzmannJPerK());
        // a larger k_B means more thermal noise, so more received power for the same SNR
        DeviceLibrary hot = lib.with("devices.constants.boltzmann_j_per_k", 4 * 1.380649e-23);
        var f = Families.get("mzi-clements");
        double p = LinkBudget.of(d, f, lib).minReceivedPowerW();
        double pHot = LinkBudget.of(d, f, hot).minReceivedPowerW();
        assertTrue(pHot > 1.5 * p, p + " -> " + pHot);
    }
}
