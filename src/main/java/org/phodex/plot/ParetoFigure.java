package org.phodex.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Energy per inference (log x) against accuracy: every evaluated design faded, the Pareto front in full colour
 * and joined by a step line, one colour and marker per architecture, the float network's accuracy and the
 * measured digital baseline (with its 10x and 100x lines) as reference lines, a few front designs labelled.
 */
final class ParetoFigure {
    static final int LABELLED_DESIGNS = 5;
    /** Infeasible designs further than this (decades of energy) from everything else are drawn at the edge. */
    static final double OFF_SCALE_DECADES = 1;
    private static final double MARKER_PT = 6;

    private ParetoFigure() {
    }

    static Figure create(String name, List<DesignPoint> evaluated, List<DesignPoint> front, RunInfo info,
                         String title) {
        return create(name, evaluated, front, info, title, PlotRanges.AUTO);
    }

    /** As above, showing only the designs within {@code ranges} (the others are counted in the legend). */
    static Figure create(String name, List<DesignPoint> evaluatedIn, List<DesignPoint> frontIn, RunInfo info,
                         String title, PlotRanges ranges) {
        List<DesignPoint> allIn = new ArrayList<>(evaluatedIn);
        allIn.addAll(frontIn);
        Quality quality = Quality.choose(allIn, name);
        List<DesignPoint> evaluated = new ArrayList<>();
        int outside = 0;
        for (DesignPoint p : evaluatedIn) {
            if (ranges.showsQuality(quality.value(p)) && ranges.showsEnergy(p.energyJ())) {
                evaluated.add(p);
            } else {
                outside++;
            }
        }
        List<DesignPoint> front = frontIn.stream().filter(p -> ranges.showsQuality(quality.value(p))
                && ranges.showsEnergy(p.energyJ())).toList();
        List<DesignPoint> all = new ArrayList<>(evaluated);
        all.addAll(front);
        List<String> architectures = architectures(info, all);

        XYSeriesCollection infeasible = new XYSeriesCollection();
        XYSeries infeasibleSeries = new XYSeries("infeasible", false, true);
        infeasible.addSeries(infeasibleSeries);
        XYSeriesCollection faded = new XYSeriesCollection();
        XYSeriesCollection highlighted = new XYSeriesCollection();
        for (String a : architectures) {
            faded.addSeries(new XYSeries(a + " (evaluated)", false, true));
            highlighted.addSeries(new XYSeries(a, false, true));
        }
        DataTable data = new DataTable("kind", "eval_id", "architecture", "energy_j", quality.csvColumn,
                "feasible", "label", "design_key");
        Bounds bounds = new Bounds();
        List<DesignPoint> infeasiblePoints = new ArrayList<>();
        for (DesignPoint p : evaluated) {
            double y = quality.value(p);
            if (!plottable(p.energyJ(), y)) {
                continue;
            }
            if (p.feasible()) {
                faded.getSeries(architectures.indexOf(p.architecture())).add(p.energyJ(), y);
                data.add("evaluated", p.evalId(), p.architecture(), p.energyJ(), y, true, "", p.designKey());
                bounds.add(p.energyJ(), y);
            } else {
                infeasiblePoints.add(p);
            }
        }

        List<DesignPoint> frontFeasible = new ArrayList<>();
        for (DesignPoint p : front) {
            if (p.feasible() && plottable(p.energyJ(), quality.value(p))) {
                frontFeasible.add(p);
            }
        }
        List<DesignPoint> staircase = nonDominated(frontFeasible, quality);
        Set<DesignPoint> labelled = new LinkedHashSet<>(pickSpread(staircase, LABELLED_DESIGNS));
        XYSeries step = new XYSeries("Pareto front", false, true);
        for (DesignPoint p : staircase) {
            step.add(p.energyJ(), quality.value(p));
        }
        for (DesignPoint p : frontFeasible) {
            double y = quality.value(p);
            highlighted.getSeries(architectures.indexOf(p.architecture())).add(p.energyJ(), y);
            data.add(staircase.contains(p) ? "front" : "front_dominated_in_2d", p.evalId(), p.architecture(),
                    p.energyJ(), y, true, labelled.contains(p) ? p.shortLabel() : "", p.designKey());
            bounds.add(p.energyJ(), y);
        }
        // Infeasible designs can be absurd (a laser of kilowatts): they take part in the energy range only within
        // OFF_SCALE_DECADES of the feasible designs and the reference lines; the others sit on the plot's edge.
        Bounds core = bounds.copy();
        info.baseline().ifPresent(b -> {
            core.addX(b.energyJ());
            core.addX(b.energyJ() / 100);
        });
        info.baselineBatch1().ifPresent(b -> core.addX(b.energyJ()));
        XYSeries offScale = new XYSeries("infeasible, off scale", false, true);
        List<DesignPoint> offScalePoints = new ArrayList<>();
        for (DesignPoint p : infeasiblePoints) {
            double y = quality.value(p);
            boolean inside = core.xMin > core.xMax
                    || (p.energyJ() <= core.xMax * Math.pow(10, OFF_SCALE_DECADES)
                    && p.energyJ() >= core.xMin / Math.pow(10, OFF_SCALE_DECADES));
            if (inside) {
                infeasibleSeries.add(p.energyJ(), y);
                data.add("infeasible", p.evalId(), p.architecture(), p.energyJ(), y, false, "", p.designKey());
                bounds.add(p.energyJ(), y);
            } else {
                offScalePoints.add(p);
                data.add("infeasible_off_scale", p.evalId(), p.architecture(), p.energyJ(), y, false, "",
                        p.designKey());
                bounds.addY(y);
            }
        }
        if (bounds.isEmpty() && !offScalePoints.isEmpty()) {
            // nothing else to show: plot the off-scale designs where they are
            for (DesignPoint p : offScalePoints) {
                infeasibleSeries.add(p.energyJ(), quality.value(p));
                bounds.add(p.energyJ(), quality.value(p));
            }
            offScalePoints.clear();
        }
        if (bounds.isEmpty()) {
            throw new PlotInputException(name + ": no design has a finite, positive energy_j and a "
                    + quality.csvColumn + " to plot");
        }

        LogAxis energyAxis = energyAxis("Energy per inference (J, log scale)");
        ValueAxis qualityAxis = quality.axis();
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(energyAxis);
        plot.setRangeAxis(qualityAxis);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        // the faded cloud and the infeasible crosses: one path per style (a few thousand markers stay small in
        // SVG and PDF); their datasets stay for the label placement, drawn by no renderer
        PointCloud crosses = new PointCloud(Style.cross(MARKER_PT * 0.8), Style.withAlpha(Style.GREY, 0.6));
        for (int i = 0; i < infeasibleSeries.getItemCount(); i++) {
            crosses.add(infeasibleSeries.getX(i).doubleValue(), infeasibleSeries.getY(i).doubleValue());
        }
        plot.addAnnotation(crosses, false);
        XYLineAndShapeRenderer hidden = new XYLineAndShapeRenderer(false, false);
        hidden.setDefaultSeriesVisible(false);
        hidden.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(0, infeasible);
        plot.setRenderer(0, hidden);

        XYLineAndShapeRenderer frontRenderer = new XYLineAndShapeRenderer(false, true);
        frontRenderer.setUseOutlinePaint(true);
        frontRenderer.setDrawOutlines(true);
        for (int i = 0; i < architectures.size(); i++) {
            Color c = Style.PALETTE.get(i % Style.PALETTE.size());
            PointCloud cloud = new PointCloud(Style.marker(i, MARKER_PT * 0.8), Style.withAlpha(c, 0.22));
            XYSeries fs = faded.getSeries(i);
            for (int k = 0; k < fs.getItemCount(); k++) {
                cloud.add(fs.getX(k).doubleValue(), fs.getY(k).doubleValue());
            }
            plot.addAnnotation(cloud, false);
            frontRenderer.setSeriesShape(i, Style.marker(i, MARKER_PT * 1.3));
            frontRenderer.setSeriesPaint(i, c);
            frontRenderer.setSeriesOutlinePaint(i, Color.BLACK);
            frontRenderer.setSeriesOutlineStroke(i, new BasicStroke(0.6f));
        }
        plot.setDataset(1, faded);
        XYLineAndShapeRenderer hiddenFaded = new XYLineAndShapeRenderer(false, false);
        hiddenFaded.setDefaultSeriesVisible(false);
        plot.setRenderer(1, hiddenFaded);

        XYStepRenderer stepRenderer = new XYStepRenderer();
        stepRenderer.setDefaultShapesVisible(false);
        stepRenderer.setSeriesPaint(0, new Color(0x333333));
        stepRenderer.setSeriesStroke(0, new BasicStroke(1.2f));
        plot.setDataset(2, new XYSeriesCollection(step));
        plot.setRenderer(2, stepRenderer);

        plot.setDataset(3, highlighted);
        plot.setRenderer(3, frontRenderer);
        if (quality == Quality.ACCURACY) {
            // the re-scored front's 95% intervals (README, "How accuracy is reported")
            for (DesignPoint p : frontFeasible) {
                if (p.hasInterval()) {
                    double lo = 100 * p.ci95Low();
                    double hi = 100 * p.ci95High();
                    plot.addAnnotation(new org.jfree.chart.annotations.XYLineAnnotation(p.energyJ(), lo, p.energyJ(),
                            hi, Style.REFERENCE_STROKE, Style.withAlpha(new Color(0x333333), 0.7)), false);
                    data.add("front_ci95_low", p.evalId(), p.architecture(), p.energyJ(), lo, true, "", p.designKey());
                    data.add("front_ci95_high", p.evalId(), p.architecture(), p.energyJ(), hi, true, "",
                            p.designKey());
                    bounds.add(p.energyJ(), lo);
                    bounds.add(p.energyJ(), hi);
                }
            }
        }

        XYLineAndShapeRenderer offScaleRenderer = new XYLineAndShapeRenderer(false, true);
        offScaleRenderer.setSeriesShape(0, offScaleArrow(MARKER_PT));
        offScaleRenderer.setSeriesPaint(0, Style.withAlpha(Style.GREY, 0.8));
        plot.setDataset(4, new XYSeriesCollection(offScale));
        plot.setRenderer(4, offScaleRenderer);

        // Reference lines: they do not take part in auto-ranging, so ranges are set from data and lines together.
        Optional<RunInfo.Baseline> baseline = info.baseline();
        if (baseline.isPresent()) {
            double e = baseline.get().energyJ();
            bounds.addX(e);
            bounds.addX(e / 100);
        }
        info.baselineBatch1().ifPresent(b -> bounds.addX(b.energyJ()));
        info.otherBaselines().forEach(b -> bounds.addX(b.energyJ()));
        double reference = info.referenceAccuracy();
        boolean showReference = quality == Quality.ACCURACY && Double.isFinite(reference) && reference > 0;
        if (showReference) {
            bounds.addY(100 * reference);
        }
        double xLow = bounds.xMin / 2.5;
        double xHigh = bounds.xMax * 2.5;
        double offLow = 0;
        double offHigh = 0;
        for (DesignPoint p : offScalePoints) {
            boolean high = p.energyJ() > bounds.xMax;
            offScale.add(high ? xHigh / 1.25 : xLow * 1.25, quality.value(p));
            if (high) {
                offHigh = Math.max(offHigh, p.energyJ());
            } else {
                offLow = offLow == 0 ? p.energyJ() : Math.min(offLow, p.energyJ());
            }
        }
        if (!Double.isNaN(ranges.energyLowJ())) {
            xLow = ranges.energyLowJ();
        }
        if (!Double.isNaN(ranges.energyHighJ())) {
            xHigh = ranges.energyHighJ();
        }
        energyAxis.setRange(xLow, xHigh);
        decadeTicks(energyAxis, xLow, xHigh);
        double[] yRange = quality == Quality.ACCURACY
                ? linearRange(bounds.yMin, bounds.yMax)
                : new double[] {bounds.yMin / 2, bounds.yMax * 4};
        if (!Double.isNaN(ranges.qualityLow())) {
            yRange[0] = ranges.qualityLow();
        }
        if (!Double.isNaN(ranges.qualityHigh())) {
            yRange[1] = ranges.qualityHigh();
        }
        qualityAxis.setRange(yRange[0], yRange[1]);
        decadeTicks(qualityAxis, yRange[0], yRange[1]);

        LabelLayer labels = new LabelLayer(Style.ANNOTATION_FONT,
                new java.awt.Font(Style.FONT_FAMILY, java.awt.Font.BOLD, 10), quality == Quality.ACCURACY);
        if (showReference) {
            double refPct = 100 * reference;
            ValueMarker m = new ValueMarker(refPct, Style.REFERENCE_LINE, Style.DOTTED_STROKE);
            plot.addRangeMarker(m, Layer.BACKGROUND);
            labels.horizontalLine(refPct, String.format(Locale.ROOT, "float reference %.1f %%", refPct),
                    Style.REFERENCE_LINE);
            data.add("reference_accuracy", "", "", Double.NaN, refPct, "", "float reference", "");
        }
        LabelPlacer placer = new LabelPlacer(plot, labels, quality, yRange, xLow, xHigh);
        List<String> baselineKey = new ArrayList<>();
        if (baseline.isPresent()) {
            RunInfo.Baseline b = baseline.get();
            baselineLine(placer, baselineKey, b, Style.baselineStroke(0));
            placer.verticalLine(b.energyJ() / 10, "10x less energy", Style.BASELINE_COLOUR,
                    Style.baselineStroke(1));
            placer.verticalLine(b.energyJ() / 100, "100x less energy", Style.BASELINE_COLOUR,
                    Style.baselineStroke(2));
            data.add("baseline", "", "", b.energyJ(), Double.NaN, "", b.name(), "");
            data.add("baseline_10x", "", "", b.energyJ() / 10, Double.NaN, "", "10x less energy", "");
            data.add("baseline_100x", "", "", b.energyJ() / 100, Double.NaN, "", "100x less energy", "");
        }
        info.baselineBatch1().ifPresent(b -> {
            baselineLine(placer, baselineKey, b, Style.baselineStroke(3));
            data.add("baseline_batch1", "", "", b.energyJ(), Double.NaN, "", b.name(), "");
        });
        for (int i = 0; i < info.otherBaselines().size(); i++) {
            RunInfo.Baseline b = info.otherBaselines().get(i);
            baselineLine(placer, baselineKey, b, Style.baselineStroke(4 + i));
            data.add("baseline_other", "", "", b.energyJ(), Double.NaN, "", b.name(), "");
        }

        List<String> key = numberDesigns(labels, new ArrayList<>(labelled), quality);
        key.addAll(baselineKey);
        plot.addAnnotation(labels, false);

        JFreeChart chart = new JFreeChart(title, Style.AXIS_LABEL_FONT, plot, true);
        LegendItemCollection items = legend(architectures, present(all), highlighted, !infeasibleSeries.isEmpty(),
                !step.isEmpty());
        if (!offScale.isEmpty()) {
            String range = (offLow > 0 ? "below " + SiFormat.format(xLow, "J") + " (down to "
                    + SiFormat.format(offLow, "J") + ")" : "")
                    + (offLow > 0 && offHigh > 0 ? "; " : "")
                    + (offHigh > 0 ? "above " + SiFormat.format(xHigh, "J") + " (up to "
                    + SiFormat.format(offHigh, "J") + ")" : "");
            LegendItem off = new LegendItem(offScale.getItemCount() + " infeasible off scale, " + range, "", "", "",
                    offScaleArrow(MARKER_PT), Style.withAlpha(Style.GREY, 0.8));
            off.setLabelFont(Style.LEGEND_FONT);
            items.add(off);
        }
        if (outside > 0) {
            LegendItem hiddenNote = new LegendItem(outside + " designs outside the ranges shown (all in the CSV)",
                    "", "", "", new java.awt.geom.Rectangle2D.Double(0, 0, 0, 0), Color.WHITE);
            hiddenNote.setLabelFont(Style.LEGEND_FONT);
            items.add(hiddenNote);
        }
        plot.setFixedLegendItems(items);
        Style.apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        if (!key.isEmpty()) {
            TextTitle keyTitle = new TextTitle(String.join("\n", key), Style.ANNOTATION_FONT);
            keyTitle.setPosition(RectangleEdge.BOTTOM);
            keyTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
            keyTitle.setTextAlignment(HorizontalAlignment.LEFT);
            keyTitle.setPadding(new RectangleInsets(4, 50, 0, 0));
            chart.addSubtitle(keyTitle);
        }
        return new Figure(name, chart, Style.WIDTH_PT, Style.HEIGHT_PT + 12 * key.size(), data);
    }

    static LogAxis energyAxis(String label) {
        LogAxis axis = new RoundLogAxis(label);
        axis.setNumberFormatOverride(new SiFormat("J"));
        axis.setMinorTickMarksVisible(true);
        axis.setMinorTickCount(9);
        axis.setSmallestValue(1e-30);
        return axis;
    }

    /** Ticks at whole powers of ten when the range spans two decades or more (else JFreeChart's finer ones). */
    static void decadeTicks(ValueAxis axis, double low, double high) {
        if (axis instanceof LogAxis && Math.log10(high / low) >= 2) {
            ((LogAxis) axis).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }

    /** A right-pointing arrow head: a design beyond the right (or left) edge of the energy axis. */
    static java.awt.Shape offScaleArrow(double size) {
        double r = size / 2;
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-r, -r);
        p.lineTo(r, 0);
        p.lineTo(-r, r);
        p.closePath();
        return p;
    }

    /**
     * Draws the vertical reference lines with their labels along them, each label at the bottom or the top of the
     * plot, whichever end has fewer plotted designs just left of the line (where the text goes), on a
     * translucent white box so that it stays readable over markers.
     */
    private static final class LabelPlacer {
        private final XYPlot plot;
        private final LabelLayer labels;
        private final List<double[]> points = new ArrayList<>();
        private final boolean logY;
        private final double[] yRange;
        private final double decadesShown;

        LabelPlacer(XYPlot plot, LabelLayer labels, Quality quality, double[] yRange, double xLow, double xHigh) {
            this.plot = plot;
            this.labels = labels;
            this.logY = quality != Quality.ACCURACY;
            this.yRange = yRange;
            this.decadesShown = Math.log10(xHigh / xLow);
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                org.jfree.data.xy.XYDataset ds = plot.getDataset(d);
                if (ds == null) {
                    continue;
                }
                for (int s = 0; s < ds.getSeriesCount(); s++) {
                    for (int i = 0; i < ds.getItemCount(s); i++) {
                        points.add(new double[] {ds.getXValue(s, i), ds.getYValue(s, i)});
                    }
                }
            }
        }

        /** Fraction 0..1 of the height where y sits. */
        private double height(double y) {
            return logY ? Math.log(y / yRange[0]) / Math.log(yRange[1] / yRange[0])
                    : (y - yRange[0]) / (yRange[1] - yRange[0]);
        }

        /** Energies of the vertical lines drawn so far. */
        private final List<Double> drawn = new ArrayList<>();

        /** True when a vertical line is drawn at x already (to a relative 1e-9). */
        boolean drawnAt(double x) {
            return drawn.stream().anyMatch(d -> Math.abs(d - x) <= 1e-9 * Math.abs(x));
        }

        /** The line, and its label at the end (bottom or top) with fewer designs just left of it. */
        void verticalLine(double x, String label, Color colour, java.awt.Stroke stroke) {
            drawn.add(x);
            plot.addDomainMarker(new ValueMarker(x, colour, stroke), Layer.BACKGROUND);
            double band = 0.04 * decadesShown;
            int low = 0;
            int high = 0;
            for (double[] p : points) {
                double dx = Math.log10(p[0] / x);
                if (dx < -band || dx > 0.2 * band) {
                    continue;
                }
                double h = height(p[1]);
                if (h < 0.55) {
                    low++;
                }
                if (h > 0.45) {
                    high++;
                }
            }
            labels.verticalLine(x, label, colour, low <= high);
        }
    }

    /**
     * A baseline line's label on the plot: a letter and its energy ("A: 1.59 uJ"); its full name goes into the key
     * below the plot ("A. H100 bf16, batch 4096 (measured): 1.59 uJ"), as long names of lines a few pixels apart
     * cannot stand beside them.
     */
    private static String baselineTag(List<String> key, RunInfo.Baseline b) {
        String letter = String.valueOf((char) ('A' + key.size()));
        String energy = SiFormat.format(b.energyJ(), "J");
        key.add(letter + ". " + b.name() + ": " + energy);
        return letter + ": " + energy;
    }

    /**
     * Draws a baseline's line with its letter, unless a baseline of the same energy is drawn already (a workload
     * without a GPU measurement falls back to one figure for several baselines): then its name joins that line's
     * key entry, or nothing is added when the name is the same too.
     */
    private static void baselineLine(LabelPlacer placer, List<String> key, RunInfo.Baseline b,
                                     java.awt.Stroke stroke) {
        String energy = ": " + SiFormat.format(b.energyJ(), "J");
        for (int k = 0; k < key.size(); k++) {
            String line = key.get(k);
            if (line.endsWith(energy) && placer.drawnAt(b.energyJ())) {
                String names = line.substring(3, line.length() - energy.length());
                if (!names.contains(b.name())) {
                    key.set(k, line.substring(0, 3) + names + "; " + b.name() + energy);
                }
                return;
            }
        }
        placer.verticalLine(b.energyJ(), baselineTag(key, b), Style.BASELINE_COLOUR, stroke);
    }

    /**
     * Numbers the labelled designs on the plot (next to the marker, towards the empty side of the front: the
     * region of lower energy and better quality) and returns the key lines "1. mzi-clements: n=16, ADC 6b, ...".
     */
    private static List<String> numberDesigns(LabelLayer labels, List<DesignPoint> designs, Quality quality) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            DesignPoint p = designs.get(i);
            String number = Integer.toString(i + 1);
            labels.point(p.energyJ(), quality.value(p), number);
            String params = p.shortLabel();
            String q = quality == Quality.ACCURACY
                    ? String.format(Locale.ROOT, "%.1f %%", quality.value(p))
                    : String.format(Locale.ROOT, "error %.2g", quality.value(p));
            key.add(number + ". " + p.architecture() + (params.isEmpty() ? "" : ": " + params) + " ("
                    + SiFormat.format(p.energyJ(), "J") + ", " + q + ")");
        }
        return key;
    }

    private static Set<String> present(List<DesignPoint> points) {
        Set<String> names = new LinkedHashSet<>();
        points.forEach(p -> names.add(p.architecture()));
        return names;
    }

    private static LegendItemCollection legend(List<String> architectures, Set<String> present,
                                               XYSeriesCollection highlighted, boolean anyInfeasible,
                                               boolean anyFront) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < architectures.size(); i++) {
            if (!present.contains(architectures.get(i))) {
                continue;
            }
            LegendItem item = new LegendItem(architectures.get(i), "", "", "", Style.marker(i, MARKER_PT * 1.3),
                    Style.PALETTE.get(i % Style.PALETTE.size()), new BasicStroke(0.6f), Color.BLACK);
            items.add(item);
        }
        if (anyFront) {
            LegendItem front = new LegendItem("Pareto front", "", "", "", new java.awt.geom.Line2D.Double(-8, 0, 8, 0),
                    new BasicStroke(1.2f), new Color(0x333333));
            items.add(front);
        }
        LegendItem faded = new LegendItem("all evaluated (faded)", "", "", "", Style.marker(0, MARKER_PT * 0.8),
                Style.withAlpha(Style.GREY, 0.5));
        items.add(faded);
        if (anyInfeasible) {
            items.add(new LegendItem("infeasible", "", "", "", Style.cross(MARKER_PT * 0.8),
                    Style.withAlpha(Style.GREY, 0.8)));
        }
        for (int i = 0; i < items.getItemCount(); i++) {
            items.get(i).setLabelFont(Style.LEGEND_FONT);
        }
        return items;
    }

    /** Architectures in manifest order, then any others found in the data, in order of appearance. */
    static List<String> architectures(RunInfo info, List<DesignPoint> points) {
        Set<String> names = new LinkedHashSet<>(info.architectures());
        for (DesignPoint p : points) {
            names.add(p.architecture());
        }
        return new ArrayList<>(names);
    }

    /** Designs no other design beats on both energy and quality, sorted by energy (the staircase). */
    static List<DesignPoint> nonDominated(List<DesignPoint> points, Quality quality) {
        List<DesignPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(DesignPoint::energyJ)
                .thenComparing((a, b) -> quality.better(quality.value(a), quality.value(b)) ? -1
                        : quality.better(quality.value(b), quality.value(a)) ? 1 : 0));
        List<DesignPoint> out = new ArrayList<>();
        double best = Double.NaN;
        for (DesignPoint p : sorted) {
            double q = quality.value(p);
            if (out.isEmpty() || quality.better(q, best)) {
                out.add(p);
                best = q;
            }
        }
        return out;
    }

    /** Up to k designs spread evenly in log energy along the staircase, always including both ends. */
    static List<DesignPoint> pickSpread(List<DesignPoint> staircase, int k) {
        if (staircase.size() <= k) {
            return staircase;
        }
        double lo = Math.log10(staircase.get(0).energyJ());
        double hi = Math.log10(staircase.get(staircase.size() - 1).energyJ());
        Map<DesignPoint, Boolean> picked = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            double target = lo + (hi - lo) * i / (k - 1);
            DesignPoint nearest = null;
            for (DesignPoint p : staircase) {
                if (picked.containsKey(p)) {
                    continue;
                }
                if (nearest == null || Math.abs(Math.log10(p.energyJ()) - target)
                        < Math.abs(Math.log10(nearest.energyJ()) - target)) {
                    nearest = p;
                }
            }
            if (nearest != null) {
                picked.put(nearest, true);
            }
        }
        List<DesignPoint> out = new ArrayList<>(picked.keySet());
        out.sort(Comparator.comparingDouble(DesignPoint::energyJ));
        return out;
    }

    /** Data range plus margins; a percentage never runs past 100 unless the data does. */
    static double[] linearRange(double min, double max) {
        double span = Math.max(max - min, 1e-6 * Math.max(1, Math.abs(max)));
        double high = max + 0.06 * span;
        if (max <= 100 && high > 100) {
            high = 100;
        }
        return new double[] {min - 0.04 * span, high};
    }

    private static boolean plottable(double energyJ, double quality) {
        return energyJ > 0 && Double.isFinite(energyJ) && Double.isFinite(quality);
    }

    /** Running min/max of the plotted values. */
    static final class Bounds {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;

        void add(double x, double y) {
            addX(x);
            addY(y);
        }

        void addX(double x) {
            xMin = Math.min(xMin, x);
            xMax = Math.max(xMax, x);
        }

        void addY(double y) {
            yMin = Math.min(yMin, y);
            yMax = Math.max(yMax, y);
        }

        boolean isEmpty() {
            return xMin > xMax || yMin > yMax;
        }

        Bounds copy() {
            Bounds b = new Bounds();
            b.xMin = xMin;
            b.xMax = xMax;
            b.yMin = yMin;
            b.yMax = yMax;
            return b;
        }
    }

}
