package org.phodex.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {

    @Test
    void ratioIsBaselineOverDesignAtTheSameBatch() {
        Baseline b = new Baseline("gpu", Baseline.MEASURED_GPU, 2e-6, 4096, 4096, 1e-8, Double.NaN, "measured");
        assertEquals(200, b.ratio(), 1e-9);
        assertTrue(b.reaches100x());
        assertEquals("200x less energy", b.ratioText());
        Baseline c = new Baseline("gpu", Baseline.MEASURED_GPU, 0.999e-6, 1, 1, 1e-8, Double.NaN, "measured");
        assertFalse(c.reaches100x(), "99.9x is not 100x");
        Baseline d = new Baseline("asic", Baseline.DIGITAL_ASIC, 1e-9, 1000, 1000, 4e-9, 0.97, "modelled");
        assertEquals("4.00x more energy", d.ratioText());
    }

    @Test
    void anUnavailableBaselineSaysSoAndHasNoRatio() {
        Baseline u = Baseline.unavailable(Baseline.DIGITAL_ASIC, "not available in this build");
        assertEquals("digital-asic: not available in this build", u.name());
        assertFalse(u.available());
        assertFalse(u.reaches100x());
        var json = Baselines.toJson(List.of(u), true).get(0);
        assertTrue(json.get("ratio").isNull());
        assertTrue(json.get("energy_j").isNull());
        assertTrue(json.get("reaches_100x").isNull());
        assertEquals("digital-asic", json.get("kind").asText());
    }

    @Test
    void anInfeasibleDesignGetsNoRatios() {
        Baseline b = new Baseline("gpu", Baseline.MEASURED_GPU, 2e-6, 4096, 4096, 1e-8, Double.NaN, "measured");
        var json = Baselines.toJson(List.of(b), false).get(0);
        assertTrue(json.get("ratio").isNull());
        assertEquals(2e-6, json.get("energy_j").asDouble());
    }
}
