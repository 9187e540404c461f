package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 10-13, checked on rendered figures: label boxes (from the font metrics of the graphics that
 * drew them) never overlap and never leave the plot; baseline lines are dark grey, not a family's colour; the
 * ranges asked for are the ranges drawn; heat-map cell labels fit their cells and the colour bar always has
 * ticks and states its span; sweep lines break at infeasible points and show the chip spread; SVG text is text
 * and a front of thousands of designs stays under a megabyte.
 */
class FigureLayoutTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static DesignPoint point(String arch, boolean feasible, double energyJ, double accuracy,
                                     Map<String, String> params, double accuracyStd) {
        return new DesignPoint("", arch, params, feasible, energyJ, accuracy, 0.05, energyJ / 2368, Map.of(),
                arch + energyJ + params, accuracyStd);
    }

    private static RunInfo info(List<String> archs, List<String> vary) {
        return new RunInfo("run", "digits-mlp", archs, "1", vary,
                Optional.of(new RunInfo.Baseline("H100 bf16, batch 4096 (measured)", 1.6e-6)),
                Optional.of(new RunInfo.Baseline("H100 bf16, batch 1 (measured)", 8e-3)), 0.975, 2368);
    }

    private static <T> T annotation(XYPlot plot, Class<T> type) {
        for (Object a : plot.getAnnotations()) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    /** The case: the most accurate design at the very top, neighbours crowded at low accuracy. */
    private static List<DesignPoint> crowdedFront() {
        List<DesignPoint> front = new ArrayList<>();
        front.add(point("mzi-truncated", true, 1.67e-9, 0.108, Map.of("adc_bits", "2"), Double.NaN));
        front.add(point("mzi-truncated", true, 1.70e-9, 0.112, Map.of("adc_bits", "3"), Double.NaN));
        front.add(point("mzi-truncated", true, 1.83e-9, 0.215, Map.of("adc_bits", "7"), Double.NaN));
        front.add(point("mzi-truncated", true, 1.90e-9, 0.22, Map.of("adc_bits", "8"), Double.NaN));
        front.add(point("mzi-reck", true, 3.69e-9, 0.318, Map.of("adc_bits", "7"), Double.NaN));
        front.add(point("mzi-reck", true, 6.95e-9, 0.320, Map.of("adc_bits", "3"), Double.NaN));
        front.add(point("mzi-clements", true, 8.6e-9, 0.999, Map.of("adc_bits", "8"), Double.NaN));
        return front;
    }

    private static void assertNoOverlapOrClipping(LabelLayer layer) {
        List<LabelLayer.Placed> placed = layer.placed();
        Rectangle2D area = layer.lastDataArea();
        assertNotNull(area, "the figure was drawn");
        assertFalse(placed.isEmpty());
        for (int i = 0; i < placed.size(); i++) {
            LabelLayer.Placed a = placed.get(i);
            assertTrue(a.free(), "no free place for '" + a.text() + "'");
            assertTrue(area.contains(a.box()), "'" + a.text() + "' " + a.box() + " leaves the plot " + area);
            for (int j = i + 1; j < placed.size(); j++) {
                LabelLayer.Placed b = placed.get(j);
                assertFalse(a.box().intersects(b.box()), "'" + a.text() + "' overlaps '" + b.text() + "'");
            }
        }
    }

    @Test
    void paretoLabelsNeitherOverlapNorClipAndBaselinesAreDarkGreyDashes() throws IOException {
        List<DesignPoint> front = crowdedFront();
        List<DesignPoint> evaluated = new ArrayList<>(front);
        Figure f = ParetoFigure.create("pareto", evaluated, front,
                info(List.of("mzi-clements", "mzi-reck", "mzi-truncated"), List.of()), "t");
        Figure.writePng(f.drawing(), f.widthPt(), f.heightPt(), tmp.resolve("p.png"));
        XYPlot plot = ((JFreeChart) f.drawing()).getXYPlot();
        LabelLayer layer = annotation(plot, LabelLayer.class);
        assertNotNull(layer);
        assertNoOverlapOrClipping(layer);
        List<String> texts = layer.placed().stream().map(LabelLayer.Placed::text).toList();
        assertTrue(texts.containsAll(List.of("1", "2", "3", "4", "5", "100x less energy", "10x less energy",
                "float reference 97.5 %")), texts.toString());
        // baseline lines: one dark grey, four dash patterns; colour stays the families' own
        java.util.Set<String> patterns = new java.util.HashSet<>();
        for (Object o : plot.getDomainMarkers(Layer.BACKGROUND)) {
            Marker m = (Marker) o;
            assertEquals(Style.BASELINE_COLOUR, m.getPaint());
            assertFalse(Style.PALETTE.contains((Color) m.getPaint()));
            java.awt.BasicStroke s = (java.awt.BasicStroke) m.getStroke();
            patterns.add(java.util.Arrays.toString(s.getDashArray()));
        }
        assertEquals(4, patterns.size(), "baseline, 10x, 100x and batch 1 each have their own pattern");
    }

    @Test
    void baselineLinesAFewPixelsApartGetLabelsThatDoNotOverlap() throws IOException {
        // three long baseline labels within 0.12 decades (the GEMM-saturation, above-idle and digital lines of a
        // real run), beside the usual ones
        RunInfo crowded = new RunInfo("run", "mnist-vit", List.of("mzi-clements"), "1", List.of(),
                Optional.of(new RunInfo.Baseline("H100 bf16 at GEMM saturation (2.08 pJ/MAC, measured 8192^3)",
                        2.14e-6)),
                Optional.of(new RunInfo.Baseline("H100 bf16, batch 1, above 119 W idle (measured 8192^3)",
                        2.58e-6)), 0.955, 1_000_000);
        List<DesignPoint> front = crowdedFront();
        Figure f = ParetoFigure.create("pareto", new ArrayList<>(front), front, crowded, "t");
        Figure.writePng(f.drawing(), f.widthPt(), f.heightPt(), tmp.resolve("crowded.png"));
        LabelLayer layer = annotation(((JFreeChart) f.drawing()).getXYPlot(), LabelLayer.class);
        assertNoOverlapOrClipping(layer);
    }

    @Test
    void baselinesOfTheSameEnergyShareOneLineAndOneKeyEntry() throws IOException {
        RunInfo.Baseline gemm = new RunInfo.Baseline(
                "H100 bf16 8192^3 GEMM x MACs (2.08 pJ/MAC; workload not measured)", 2.58e-6);
        RunInfo same = new RunInfo("run", "mnist-vit", List.of("mzi-clements"), "1", List.of(), Optional.of(gemm),
                Optional.of(gemm), 0.955, 1_000_000,
                List.of(new RunInfo.Baseline("H100 bf16 GEMM at saturation (measured)", 2.58e-6)));
        List<DesignPoint> front = crowdedFront();
        Figure f = ParetoFigure.create("pareto", new ArrayList<>(front), front, same, "t");
        JFreeChart chart = (JFreeChart) f.drawing();
        long lines = chart.getXYPlot().getDomainMarkers(Layer.BACKGROUND).stream()
                .filter(m -> Math.abs(((org.jfree.chart.plot.ValueMarker) m).getValue() - 2.58e-6) < 1e-15).count();
        assertEquals(1, lines, "one line at the shared energy");
        String key = "";
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                key += t.getText() + "\n";
            }
        }
        assertTrue(key.contains("A. H100 bf16 8192^3 GEMM x MACs (2.08 pJ/MAC; workload not measured); "
                + "H100 bf16 GEMM at "
                + "saturation (measured): 2.58"), key);
        assertFalse(key.contains("B. "), key);
    }

    @Test
    void accuracyAndEnergyRangesAreTheRangesDrawn() throws IOException {
        List<DesignPoint> front = crowdedFront();
        Figure f = ParetoFigure.create("pareto", front, front,
                info(List.of("mzi-clements", "mzi-reck", "mzi-truncated"), List.of()), "t",
                new PlotRanges(90, 100, 1e-9, 1e-5));
        XYPlot plot = ((JFreeChart) f.drawing()).getXYPlot();
        assertEquals(90, plot.getRangeAxis().getLowerBound(), 1e-12);
        assertEquals(100, plot.getRangeAxis().getUpperBound(), 1e-12);
        assertEquals(1e-9, plot.getDomainAxis().getLowerBound(), 1e-21);
        assertEquals(1e-5, plot.getDomainAxis().getUpperBound(), 1e-17);
        Path svg = Figure.writeSvg(f.drawing(), f.widthPt(), f.heightPt(), tmp.resolve("r.svg"));
        assertTrue(Files.readString(svg).contains("6 designs outside the ranges shown"));
        assertNoOverlapOrClipping(annotation(plot, LabelLayer.class));
    }

    @Test
    void aFrontOfThousandsOfDesignsIsASmallSvgWithTextKeptAsText() throws IOException {
        Random r = new Random(7);
        List<DesignPoint> evaluated = new ArrayList<>();
        String[] archs = {"mzi-clements", "mzi-reck", "mzi-butterfly", "mzi-truncated", "mrr-bank"};
        for (int i = 0; i < 3000; i++) {
            boolean feasible = r.nextDouble() > 0.15;
            evaluated.add(point(archs[i % 5], feasible, Math.pow(10, -9 + 4 * r.nextDouble()), r.nextDouble(),
                    Map.of("adc_bits", Integer.toString(2 + r.nextInt(7))), Double.NaN));
        }
        List<DesignPoint> front = ParetoFigure.nonDominated(evaluated.stream().filter(DesignPoint::feasible)
                .toList(), Quality.ACCURACY);
        Figure f = ParetoFigure.create("pareto", evaluated, front, info(List.of(archs), List.of()), "t");
        Path svg = Figure.writeSvg(f.drawing(), f.widthPt(), f.heightPt(), tmp.resolve("big.svg"));
        long bytes = Files.size(svg);
        assertTrue(bytes < 1_000_000, "SVG of 3,000 designs is " + bytes + " bytes");
        String text = Files.readString(svg);
        // tick labels of the log energy axis are <text> elements, not glyph outlines
        Matcher m = Pattern.compile("<text[^>]*>(1 nJ|10 nJ|100 nJ|1 µJ|10 µJ)</text>").matcher(text);
        int ticks = 0;
        while (m.find()) {
            ticks++;
        }
        assertTrue(ticks >= 3, "energy tick labels as text: " + ticks);
        assertTrue(text.contains(">Top-1 accuracy (%)<"), "rotated axis label as text");
        Figure.writePng(f.drawing(), f.widthPt(), f.heightPt(), tmp.resolve("big.png"));
        assertNoOverlapOrClipping(annotation(((JFreeChart) f.drawing()).getXYPlot(), LabelLayer.class));
    }

    /** The gallery's case: 14 columns of energies that differ by a fraction of a percent. */
    @Test
    void heatMapCellLabelsFitTheirCellsAndTheColourBarStatesItsSpan() throws IOException {
        List<DesignPoint> points = new ArrayList<>();
        for (int m = -20; m <= 6; m += 2) {
            for (int b = 2; b <= 10; b += 2) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("laser_margin_db", Integer.toString(m));
                p.put("adc_bits", Integer.toString(b));
                points.add(point("mzi-clements", m < 4, 1.29e-6 * (1 + 0.0005 * (m + 20) + 0.0002 * b), 0.9,
                        p, Double.NaN));
            }
        }
        List<Figure> figs = SweepFigures.create(points, info(List.of("mzi-clements"),
                List.of("laser_margin_db", "adc_bits")), List.of("laser_margin_db", "adc_bits"), "test");
        Figure energy = figs.stream().filter(x -> x.name().startsWith("sweep_energy")).findFirst().orElseThrow();
        Figure.writePng(energy.drawing(), energy.widthPt(), energy.heightPt(), tmp.resolve("h.png"));
        XYPlot plot = ((JFreeChart) energy.drawing()).getXYPlot();
        CellLabels labels = annotation(plot, CellLabels.class);
        assertNotNull(labels);
        assertFalse(labels.boxes().isEmpty(), "the cells are labelled");
        List<Rectangle2D> boxes = labels.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), "cell labels " + i + " and " + j + " overlap");
            }
            boolean inOwnCell = false;
            for (Rectangle2D c : labels.cellAreas()) {
                inOwnCell |= c.contains(boxes.get(i));
            }
            assertTrue(inOwnCell, "label " + boxes.get(i) + " runs out of its cell");
        }
        String svg = Files.readString(Figure.writeSvg(energy.drawing(), energy.widthPt(), energy.heightPt(),
                tmp.resolve("h.svg")));
        assertTrue(svg.contains("cells span 1.29 µJ–1.31 µJ"), "the colour scale states its span");
        assertTrue(svg.contains("widened"), "and that it was widened");
        // the colour bar has tick labels even over a narrow span
        assertTrue(Log10ValueAxis.tickLogs(Math.log10(40.7e-9), Math.log10(41.0e-9)).size() >= 2);
        Matcher m = Pattern.compile("<text[^>]*>[0-9.]+ µJ</text>").matcher(svg);
        assertTrue(m.find(), "colour-bar ticks are drawn");
    }

    @Test
    void sweepLinesBreakAtInfeasiblePointsAndShowTheChipSpread() throws IOException {
        List<DesignPoint> points = new ArrayList<>();
        for (int b = 2; b <= 8; b++) {
            points.add(point("mzi-clements", b != 5, 1e-6 * b, 0.5 + 0.05 * b, Map.of("adc_bits",
                    Integer.toString(b)), 0.01));
        }
        List<Figure> figs = SweepFigures.create(points, info(List.of("mzi-clements"), List.of("adc_bits")),
                List.of("adc_bits"), "test");
        Figure acc = figs.get(0);
        XYPlot plot = ((JFreeChart) acc.drawing()).getXYPlot();
        XYSeries line = ((XYSeriesCollection) plot.getDataset(0)).getSeries("mzi-clements");
        int at5 = line.indexOf(5.0);
        assertTrue(at5 >= 0);
        assertEquals(null, line.getY(at5), "no line through the infeasible point");
        assertNotNull(plot.getDataset(1), "a band for the spread over chips");
        assertEquals(org.jfree.data.xy.YIntervalSeriesCollection.class, plot.getDataset(1).getClass());
        Figure.writePng(acc.drawing(), acc.widthPt(), acc.heightPt(), tmp.resolve("s.png"));
    }
}
