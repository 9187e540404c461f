package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LayerMetricsTest {
    @Test
    void relativeErrorAndSnrByHand() {
        double[] exact = {7, -1, 7, -4};
        double[] y = {7, -1, 7, -3};
        LayerMetrics m = LayerMetrics.compare(exact, y);
        // ||y - e|| = 1, ||e|| = sqrt(49 + 1 + 49 + 16)
        assertEquals(1 / Math.sqrt(115), m.relativeRmsError(), 1e-15);
        assertEquals(10 * Math.log10(115), m.snrDb(), 1e-12);
        assertEquals(0.0, LayerMetrics.compare(exact, exact.clone()).relativeRmsError());
    }
}
