package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PlotHelpersTest {

    @Test
    void siFormatPicksPrefixAndSignificantDigits() {
        assertEquals("1.6 µJ", SiFormat.format(1.6e-6, "J"));
        assertEquals("200 fJ", SiFormat.format(2e-13, "J"));
        assertEquals("8.2 mJ", SiFormat.format(0.0082, "J"));
        assertEquals("1 nJ", SiFormat.format(1e-9, "J"));
        assertEquals("12.3 pJ", SiFormat.format(1.2345e-11, "J"));
        assertEquals("0.01", SiFormat.plain(0.01));
        assertEquals("1e-05", SiFormat.plain(1e-5));
    }

    @Test
    void colourBarTicksAreRoundValues() {
        List<Double> t = Log10ValueAxis.tickLogs(Math.log10(90e-12), Math.log10(600e-12));
        assertEquals(3, t.size(), t.toString());      // 100 pJ, 200 pJ, 500 pJ
        assertEquals(-10, t.get(0), 1e-12);
        assertEquals(Math.log10(5e-10), t.get(2), 1e-12);
    }

    private static DesignPoint point(double energyJ, double accuracy) {
        return new DesignPoint("", "a", Map.of(), true, energyJ, accuracy, Double.NaN, Double.NaN, Map.of(), "");
    }

    @Test
    void staircaseMatchesBruteForceNonDomination() {
        Random rnd = new Random(3);
        List<DesignPoint> pts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pts.add(point(Math.pow(10, -12 + 3 * rnd.nextDouble()), Math.round(100 * rnd.nextDouble()) / 100.0));
        }
        List<DesignPoint> stair = ParetoFigure.nonDominated(pts, Quality.ACCURACY);
        for (DesignPoint p : pts) {
            boolean dominated = false;
            for (DesignPoint q : pts) {
                if (q != p && q.energyJ() <= p.energyJ() && q.accuracy() >= p.accuracy()
                        && (q.energyJ() < p.energyJ() || q.accuracy() > p.accuracy())) {
                    dominated = true;
                }
            }
            assertEquals(!dominated, stair.contains(p), "point " + p);
        }
        for (int i = 1; i < stair.size(); i++) {
            assertTrue(stair.get(i).energyJ() > stair.get(i - 1).energyJ());
            assertTrue(stair.get(i).accuracy() > stair.get(i - 1).accuracy());
        }
    }

    @Test
    void spreadKeepsEndsAndCap() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(i);
        }
        List<Integer> s = BreakdownFigure.spread(items, 12);
        assertEquals(12, s.size());
        assertEquals(0, s.get(0));
        assertEquals(39, s.get(11));
    }

    @Test
    void phaseColourMapIsCyclicAndSmooth() {
        assertEquals(ColorMaps.phase(0).getRGB(), ColorMaps.phase(2 * Math.PI - 1e-12).getRGB());
        assertEquals(ColorMaps.phase(-Math.PI / 2).getRGB(), ColorMaps.phase(1.5 * Math.PI).getRGB());
        double maxStep = 0;
        for (int i = 0; i < 720; i++) {
            Color a = ColorMaps.phase(2 * Math.PI * i / 720);
            Color b = ColorMaps.phase(2 * Math.PI * (i + 1) / 720);
            maxStep = Math.max(maxStep, Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                    + Math.abs(a.getBlue() - b.getBlue()));
        }
        assertTrue(maxStep < 20, "no jumps in the cyclic map, largest step " + maxStep);
        // light at 0, dark at pi: readable in grey print
        assertTrue(luma(ColorMaps.phase(0)) > 200 && luma(ColorMaps.phase(Math.PI)) < 90);
    }

    @Test
    void viridisEnds() {
        assertEquals(new Color(0x440154), ColorMaps.viridis(0));
        assertEquals(new Color(0xFDE725), ColorMaps.viridis(1));
        assertTrue(luma(ColorMaps.viridis(0.25)) < luma(ColorMaps.viridis(0.75)));
    }

    @Test
    void shortLabelSkipsMissingParameters() {
        DesignPoint p = new DesignPoint("1", "mrr-bank", Map.of("adc_bits", "6", "mesh_size", "16.0",
                "laser_margin_db", "3.0", "wavelengths", "1", "cores", ""), true, 1e-9, 0.9, Double.NaN,
                Double.NaN, Map.of(), "k");
        assertEquals("n=16, ADC 6b, +3 dB", p.shortLabel());
    }

    private static double luma(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
