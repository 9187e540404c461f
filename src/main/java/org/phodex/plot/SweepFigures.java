package org.phodex.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
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
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figures of a parameter sweep: for one swept parameter, accuracy and energy against it (one line per
 * architecture); for two, a heat map of each (one per architecture) with a colour bar in the metric's unit.
 */
final class SweepFigures {
    private static final int MAX_CELL_LABELS = 144;

    private SweepFigures() {
    }

    static List<Figure> create(List<DesignPoint> points, RunInfo info, List<String> vary, String where) {
        if (points.isEmpty()) {
            throw new PlotInputException(where + ": no rows: nothing to plot");
        }
        for (String v : vary) {
            if (!points.get(0).parameters().containsKey(v)) {
                throw new PlotInputException(where + ": swept parameter '" + v + "' (manifest.json \"vary\") is not "
                        + "a column of sweep.csv; parameter columns: " + points.get(0).parameters().keySet());
            }
        }
        Quality quality = Quality.choose(points, where);
        List<String> architectures = ParetoFigure.architectures(info, points);
        String workload = info.workload().isEmpty() ? "" : " (" + info.workload() + ")";
        List<Figure> out = new ArrayList<>();
        if (vary.size() == 1) {
            String p = vary.get(0);
            out.add(lines("sweep_" + (quality == Quality.ACCURACY ? "accuracy" : "error"), points, architectures,
                    p, Metric.quality(quality), info, qualityTitle(quality) + " vs " + parameterLabel(p, false)
                            + workload));
            if (anyFinite(points, Metric.ENERGY)) { // no energy figure when no design can be built
                out.add(lines("sweep_energy", points, architectures, p, Metric.ENERGY, info,
                        "Energy per inference vs " + parameterLabel(p, false) + workload));
            }
            // with accuracy on the first figure, the matrix-level error too: smoother than top-1 on a test split
            if (quality == Quality.ACCURACY && points.stream().anyMatch(d -> d.relativeError() > 0)) {
                out.add(lines("sweep_error", points, architectures, p, Metric.ERROR, info,
                        "Relative output error vs " + parameterLabel(p, false) + workload));
            }
        } else if (vary.size() == 2) {
            for (String a : architectures) {
                List<DesignPoint> mine = new ArrayList<>();
                for (DesignPoint d : points) {
                    if (d.architecture().equals(a)) {
                        mine.add(d);
                    }
                }
                if (mine.isEmpty()) {
                    continue;
                }
                String suffix = architectures.size() > 1 ? "_" + fileSafe(a) : "";
                Metric q = Metric.quality(quality);
                out.add(heatMap("sweep_" + (quality == Quality.ACCURACY ? "accuracy" : "error") + "_heatmap"
                        + suffix, mine, vary.get(0), vary.get(1), q, qualityTitle(quality) + ": " + a + workload));
                if (anyFinite(mine, Metric.ENERGY)) { // no energy map when none of its designs can be built
                    out.add(heatMap("sweep_energy_heatmap" + suffix, mine, vary.get(0), vary.get(1), Metric.ENERGY,
                            "Energy per inference: " + a + workload));
                }
            }
        } else {
            throw new PlotInputException(where + ": can plot sweeps over 1 or 2 parameters, manifest.json \"vary\" "
                    + "lists " + vary.size() + (vary.isEmpty() ? "" : ": " + vary));
        }
        return out;
    }

    /** True when some point has a finite value of the metric (an infeasible design has no energy). */
    static boolean anyFinite(List<DesignPoint> points, Metric metric) {
        return points.stream().anyMatch(p -> Double.isFinite(metric.value(p)));
    }

    private static String qualityTitle(Quality quality) {
        return quality == Quality.ACCURACY ? "Accuracy" : "Relative output error";
    }

    /** What is plotted on the value axis or the colour scale. */
    enum Metric {
        ACCURACY("Top-1 accuracy (%)", "accuracy_pct"),
        ERROR("Relative output error (RMS)", "relative_error"),
        ENERGY("Energy per inference (J, log scale)", "energy_j");

        final String label;
        final String column;

        Metric(String label, String column) {
            this.label = label;
            this.column = column;
        }

        static Metric quality(Quality q) {
            return q == Quality.ACCURACY ? ACCURACY : ERROR;
        }

        double value(DesignPoint p) {
            switch (this) {
                case ACCURACY:
                    return 100 * p.accuracy();
                case ERROR:
                    return p.relativeError() > 0 ? p.relativeError() : Double.NaN;
                default:
                    return p.energyJ() > 0 ? p.energyJ() : Double.NaN;
            }
        }

        boolean logScale() {
            return this != ACCURACY;
        }
    }

    private static Figure lines(String name, List<DesignPoint> points, List<String> architectures, String param,
                                Metric metric, RunInfo info, String title) {
        Axis x = Axis.of(points, param);
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYSeries infeasible = new XYSeries("infeasible", false, true);
        DataTable data = new DataTable("architecture", param, metric.column, "feasible", "design_key");
        List<Double> yValues = new ArrayList<>();
        List<Object[]> bands = new ArrayList<>();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < architectures.size(); i++) {
            String a = architectures.get(i);
            List<DesignPoint> mine = new ArrayList<>();
            for (DesignPoint p : points) {
                if (p.architecture().equals(a) && x.has(p.parameter(param)) && Double.isFinite(metric.value(p))) {
                    mine.add(p);
                }
            }
            if (mine.isEmpty()) {
                continue;           // listed in the manifest but not in this sweep: no empty legend entry
            }
            mine.sort(Comparator.comparingDouble(p -> x.position(p.parameter(param))));
            XYSeries s = new XYSeries(a, false, true);
            XYSeries bandLow = new XYSeries(a + " -1 sd", false, true);
            XYSeries bandHigh = new XYSeries(a + " +1 sd", false, true);
            for (DesignPoint p : mine) {
                double xv = x.position(p.parameter(param));
                yValues.add(metric.value(p));
                if (!p.feasible()) {
                    // the line breaks at an infeasible point: a design that cannot be built joins nothing
                    s.add(xv, null);
                    infeasible.add(xv, metric.value(p));
                } else {
                    s.add(xv, metric.value(p));
                    if (metric == Metric.ACCURACY && p.accuracyStd() > 0) {
                        bandLow.add(xv, metric.value(p) - 100 * p.accuracyStd());
                        bandHigh.add(xv, metric.value(p) + 100 * p.accuracyStd());
                    }
                }
                data.add(a, p.parameter(param), metric.value(p), p.feasible(), p.designKey());
            }
            if (!bandLow.isEmpty()) {
                bands.add(new Object[] {bandLow, bandHigh, Style.PALETTE.get(i % Style.PALETTE.size())});
            }
            int series = dataset.getSeriesCount();
            dataset.addSeries(s);
            // colour and marker follow the architecture's place in the manifest, the same in every figure
            renderer.setSeriesPaint(series, Style.PALETTE.get(i % Style.PALETTE.size()));
            renderer.setSeriesShape(series, Style.marker(i, 7));
            renderer.setSeriesStroke(series, Style.SERIES_STROKE);
        }
        if (data.rows().isEmpty()) {
            throw new PlotInputException(name + ": no sweep row has a value of " + param + " and a finite "
                    + metric.column);
        }
        if (!infeasible.isEmpty()) {
            int n = dataset.getSeriesCount();
            dataset.addSeries(infeasible);
            renderer.setSeriesLinesVisible(n, false);
            renderer.setSeriesShape(n, Style.cross(11));
            renderer.setSeriesPaint(n, Color.BLACK);
        }
        ValueAxis y;
        if (metric == Metric.ACCURACY) {
            NumberAxis a = new NumberAxis(metric.label);
            a.setAutoRangeIncludesZero(false);
            y = a;
        } else if (metric == Metric.ENERGY) {
            y = ParetoFigure.energyAxis(metric.label);
        } else {
            y = Quality.RELATIVE_ERROR.axis();
            y.setLabel(metric.label + ", log scale");
        }
        XYPlot plot = new XYPlot(dataset, x.axis(parameterLabel(param, true)), y, renderer);
        if (!bands.isEmpty()) {
            // the spread over chip samples (mean +/- one standard deviation), one translucent band per line
            org.jfree.data.xy.YIntervalSeriesCollection bandData = new org.jfree.data.xy.YIntervalSeriesCollection();
            org.jfree.chart.renderer.xy.DeviationRenderer bandRenderer =
                    new org.jfree.chart.renderer.xy.DeviationRenderer(false, false);
            for (Object[] b : bands) {
                XYSeries lo = (XYSeries) b[0];
                XYSeries hi = (XYSeries) b[1];
                org.jfree.data.xy.YIntervalSeries band = new org.jfree.data.xy.YIntervalSeries(lo.getKey());
                for (int k = 0; k < lo.getItemCount(); k++) {
                    double lv = lo.getY(k).doubleValue();
                    double hv = hi.getY(k).doubleValue();
                    band.add(lo.getX(k).doubleValue(), (lv + hv) / 2, lv, hv);
                    yValues.add(lv);
                    yValues.add(Math.min(100, hv));
                }
                int k = bandData.getSeriesCount();
                bandData.addSeries(band);
                bandRenderer.setSeriesFillPaint(k, (Color) b[2]);
                bandRenderer.setSeriesPaint(k, Style.withAlpha((Color) b[2], 0));
                bandRenderer.setSeriesVisibleInLegend(k, false);
            }
            bandRenderer.setAlpha(0.18f);
            plot.setDataset(1, bandData);
            plot.setRenderer(1, bandRenderer);
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
            data.add("band: mean +/- 1 sd over chip samples", "", Double.NaN, "", "");
        }
        if (metric == Metric.ACCURACY && info.referenceAccuracy() > 0) {
            double ref = 100 * info.referenceAccuracy();
            ValueMarker floatRef = referenceMarker(ref, String.format(Locale.ROOT, "float reference %.1f %%", ref));
            floatRef.setStroke(Style.DOTTED_STROKE);
            // below the line: accuracy often ends just under 100 %, where a label above it would be cut off
            floatRef.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            floatRef.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addRangeMarker(floatRef, Layer.BACKGROUND);
            yValues.add(ref);
            data.add("float reference", "", ref, "", "");
        }
        if (metric == Metric.ENERGY) {
            Optional<RunInfo.Baseline> b = info.baseline();
            if (b.isPresent()) {
                double e = b.get().energyJ();
                plot.addRangeMarker(referenceMarker(e, b.get().name() + ": " + SiFormat.format(e, "J")),
                        Layer.BACKGROUND);
                ValueMarker ten = referenceMarker(e / 10, "10x less energy");
                ten.setStroke(Style.baselineStroke(1));
                plot.addRangeMarker(ten, Layer.BACKGROUND);
                ValueMarker hundred = referenceMarker(e / 100, "100x less energy");
                hundred.setStroke(Style.baselineStroke(2));
                plot.addRangeMarker(hundred, Layer.BACKGROUND);
                yValues.add(e);
                yValues.add(e / 100);
                data.add(b.get().name(), "", e, "", "");
                data.add("10x less energy", "", e / 10, "", "");
                data.add("100x less energy", "", e / 100, "", "");
            }
        }
        // reference lines do not take part in auto-ranging: set the range from data and lines together
        double lo = yValues.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = yValues.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (metric.logScale()) {
            y.setRange(lo / 2, hi * 2);
            ParetoFigure.decadeTicks(y, lo / 2, hi * 2);
        } else {
            double[] r = ParetoFigure.linearRange(lo, hi);
            y.setRange(r[0], r[1]);
        }
        JFreeChart chart = new JFreeChart(title, Style.AXIS_LABEL_FONT, plot, true);
        Style.apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        return new Figure(name, chart, Style.WIDTH_PT, Style.HEIGHT_PT, data);
    }

    private static ValueMarker referenceMarker(double value, String label) {
        ValueMarker m = new ValueMarker(value, Style.BASELINE_COLOUR, Style.baselineStroke(0));
        m.setLabel(label);
        m.setLabelFont(Style.ANNOTATION_FONT);
        m.setLabelPaint(Style.REFERENCE_LINE);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return m;
    }

    private static Figure heatMap(String name, List<DesignPoint> points, String xParam, String yParam,
                                  Metric metric, String title) {
        Axis xAxis = Axis.of(points, xParam).asCells();
        Axis yAxis = Axis.of(points, yParam).asCells();
        List<double[]> cells = new ArrayList<>();
        DataTable data = new DataTable(xParam, yParam, metric.column, "feasible", "design_key");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DesignPoint p : points) {
            double v = metric.value(p);
            if (!xAxis.has(p.parameter(xParam)) || !yAxis.has(p.parameter(yParam)) || !Double.isFinite(v)) {
                continue;
            }
            double z = metric.logScale() ? Math.log10(v) : v;
            cells.add(new double[] {xAxis.position(p.parameter(xParam)), yAxis.position(p.parameter(yParam)), z,
                    p.feasible() ? 1 : 0});
            lo = Math.min(lo, z);
            hi = Math.max(hi, z);
            data.add(p.parameter(xParam), p.parameter(yParam), v, p.feasible(), p.designKey());
        }
        if (cells.isEmpty()) {
            throw new PlotInputException(name + ": no sweep row has values of " + xParam + " and " + yParam
                    + " and a finite " + metric.column);
        }
        double dataLo = lo;
        double dataHi = hi;
        // a colour scale spans at least a factor of 2 (log metrics) or 5 points (accuracy, in %): differences of
        // a fraction of a percent must not look like the whole palette
        double minSpan = metric.logScale() ? Math.log10(2) : 5;
        if (hi - lo < minSpan) {
            double mid = (hi + lo) / 2;
            lo = mid - minSpan / 2;
            hi = mid + minSpan / 2;
            if (metric == Metric.ACCURACY && hi > 100) {
                lo -= hi - 100;
                hi = 100;
            }
        }
        double[][] xyz = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            xyz[0][i] = cells.get(i)[0];
            xyz[1][i] = cells.get(i)[1];
            xyz[2][i] = cells.get(i)[2];
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(metric.column, xyz);
        ViridisScale scale = new ViridisScale(lo, hi);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1);
        renderer.setBlockHeight(1);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setPaintScale(scale);
        NumberAxis x = xAxis.axis(parameterLabel(xParam, true));
        NumberAxis y = yAxis.axis(parameterLabel(yParam, true));
        x.setRange(-0.5, xAxis.size() - 0.5);
        y.setRange(-0.5, yAxis.size() - 0.5);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(new Color(0xEEEEEE));
        if (cells.size() <= MAX_CELL_LABELS) {
            CellLabels labels = new CellLabels(Style.ANNOTATION_FONT);
            for (double[] c : cells) {
                double value = metric.logScale() ? Math.pow(10, c[2]) : c[2];
                String brief = metric == Metric.ENERGY ? SiFormat.significant(value / energyUnit(dataLo, dataHi))
                        : metric == Metric.ACCURACY ? SiFormat.significant(value)
                        : String.format(Locale.ROOT, "%.2g", value);
                String full = metric == Metric.ENERGY ? SiFormat.format(value, "J") : brief;
                String mark = c[3] == 0 ? "✗" : "";
                if (c[3] == 0) {
                    full += " ✗";
                    brief += " ✗";
                }
                labels.add(c[0], c[1], full, brief, mark,
                        luminance(scale.getPaint(c[2])) > 0.5 ? Color.BLACK : Color.WHITE);
            }
            plot.addAnnotation(labels, false);
        }
        NumberAxis colourAxis;
        String span = spanText(metric, dataLo, dataHi);
        if (metric == Metric.ENERGY) {
            colourAxis = new Log10ValueAxis("Energy per inference (J)", "J");
            span += energyUnitSuffix(dataLo, dataHi);
        } else if (metric == Metric.ERROR) {
            colourAxis = new Log10ValueAxis("Relative output error (RMS)", "");
        } else {
            colourAxis = new NumberAxis(metric.label);
        }
        colourAxis.setRange(lo, hi);
        Style.axis(colourAxis);
        colourAxis.setTickLabelFont(Style.TICK_FONT);
        colourAxis.setAxisLineVisible(false);
        PaintScaleLegend bar = new PaintScaleLegend(scale, colourAxis);
        bar.setSubdivisionCount(256);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setAxisOffset(4);
        bar.setStripWidth(12);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(Color.GRAY);
        bar.setStripOutlineStroke(new BasicStroke(0.5f));
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setMargin(new RectangleInsets(4, 10, 4, 4));
        bar.setPadding(new RectangleInsets(10, 0, 10, 0));
        bar.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, Style.AXIS_LABEL_FONT, plot, false);
        chart.addSubtitle(bar);
        TextTitle spanNote = new TextTitle("Colour scale: " + span + ((dataHi - dataLo) < 0.9 * (hi - lo)
                ? "; the scale is widened to " + (metric.logScale() ? "a factor of 2" : "5 points")
                + " so that small differences do not look large" : ""), Style.ANNOTATION_FONT);
        spanNote.setPosition(RectangleEdge.BOTTOM);
        spanNote.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.addSubtitle(spanNote);
        if (cells.size() <= MAX_CELL_LABELS && cells.stream().anyMatch(c -> c[3] == 0)) {
            TextTitle note = new TextTitle("✗ infeasible: a physical limit or a spec constraint is broken (infeasible_reason in the CSV says which)", Style.ANNOTATION_FONT);
            note.setPosition(RectangleEdge.BOTTOM);
            note.setHorizontalAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(note);
        }
        Style.apply(chart);
        return new Figure(name, chart, Style.WIDTH_PT, Style.HEIGHT_PT, data);
    }

    /** "cells span 40.7–41.0 nJ (0.7 %)": what the colours stand for, so that a narrow span is not misread. */
    static String spanText(Metric metric, double lo, double hi) {
        if (metric == Metric.ACCURACY) {
            return String.format(Locale.ROOT, "cells span %s–%s %%", SiFormat.significant(lo),
                    SiFormat.significant(hi));
        }
        double a = Math.pow(10, lo);
        double b = Math.pow(10, hi);
        String unit = metric == Metric.ENERGY ? "J" : "";
        String range = unit.isEmpty() ? String.format(Locale.ROOT, "%.3g–%.3g", a, b)
                : SiFormat.format(a, unit) + "–" + SiFormat.format(b, unit);
        return "cells span " + range + String.format(Locale.ROOT, " (%s %%)", SiFormat.significant(100 * (b - a) / a));
    }

    /** The SI multiple cell numbers are written in when they drop their unit (1e-9 for nJ). */
    static double energyUnit(double loLog, double hiLog) {
        double mid = Math.pow(10, (loLog + hiLog) / 2);
        return Math.pow(1000, Math.floor(Math.log10(mid) / 3));
    }

    /** ", cell numbers in nJ" for the colour bar's label. */
    static String energyUnitSuffix(double loLog, double hiLog) {
        String u = SiFormat.format(energyUnit(loLog, hiLog), "J").replaceFirst("^1 ", "");
        return "; a cell number without unit is in " + u;
    }

    private static double luminance(Paint p) {
        Color c = (Color) p;
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    /** Viridis over [lower, upper]. */
    static final class ViridisScale implements PaintScale {
        private final double lower;
        private final double upper;

        ViridisScale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            return ColorMaps.viridis((value - lower) / (upper - lower));
        }
    }

    /**
     * The values a swept parameter takes: numbers in increasing order, or (for text such as a layout name)
     * categories in order of appearance, which are then placed at 0, 1, 2...
     */
    static final class Axis {
        private final Map<String, Double> positions;
        private final List<String> symbols;

        private Axis(Map<String, Double> positions, List<String> symbols) {
            this.positions = positions;
            this.symbols = symbols;
        }

        /** Numeric parameters keep their values on a line plot; heat maps always use evenly spaced cells. */
        static Axis of(List<DesignPoint> points, String param) {
            Set<String> values = new LinkedHashSet<>();
            for (DesignPoint p : points) {
                String v = p.parameter(param);
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
            List<String> ordered = new ArrayList<>(values);
            boolean numeric = ordered.stream().allMatch(Axis::isNumber);
            if (numeric) {
                ordered.sort(Comparator.comparingDouble(Double::parseDouble));
            }
            Map<String, Double> pos = new LinkedHashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                pos.put(ordered.get(i), numeric ? Double.parseDouble(ordered.get(i)) : i);
            }
            return new Axis(pos, numeric ? null : ordered.stream().map(DesignPoint::clean).toList());
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        boolean has(String value) {
            return positions.containsKey(value);
        }

        double position(String value) {
            return positions.get(value);
        }

        int size() {
            return positions.size();
        }

        /** A number axis for numbers, a symbol axis for categories. */
        NumberAxis axis(String label) {
            NumberAxis a;
            if (symbols != null) {
                a = new SymbolAxis(label, symbols.toArray(new String[0]));
                ((SymbolAxis) a).setGridBandsVisible(false);
            } else {
                a = new NumberAxis(label);
                a.setAutoRangeIncludesZero(false);
                if (positions.values().stream().allMatch(v -> v == Math.rint(v))) {
                    a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                }
            }
            return a;
        }

        /** For heat maps: every value at 0, 1, 2... labelled with its value. */
        Axis asCells() {
            if (symbols != null) {
                return this;
            }
            List<String> labels = new ArrayList<>();
            Map<String, Double> pos = new LinkedHashMap<>();
            int i = 0;
            for (String v : positions.keySet()) {
                pos.put(v, (double) i++);
                labels.add(DesignPoint.clean(v));
            }
            return new Axis(pos, labels);
        }
    }

    /** Human axis label with unit for a parameter name. */
    static String parameterLabel(String param, boolean withUnit) {
        String[] known = LABELS.getOrDefault(param, new String[] {param.replace('_', ' '), ""});
        return withUnit && !known[1].isEmpty() ? known[0] + " (" + known[1] + ")" : known[0];
    }

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("mesh_size", new String[] {"Mesh size n", "modes"}),
            Map.entry("cores", new String[] {"Cores", "count"}),
            Map.entry("wavelengths", new String[] {"Wavelengths", "count"}),
            Map.entry("adc_bits", new String[] {"ADC resolution", "bits"}),
            Map.entry("dac_bits", new String[] {"DAC resolution", "bits"}),
            Map.entry("weight_bits", new String[] {"Weight resolution", "bits"}),
            Map.entry("modulation_ghz", new String[] {"Modulation rate", "GHz"}),
            Map.entry("laser_margin_db", new String[] {"Laser margin", "dB"}),
            Map.entry("phase_error_rad", new String[] {"Phase error σ", "rad"}),
            Map.entry("coupler_error", new String[] {"Coupler splitting error", "fraction"}),
            Map.entry("butterfly_stacks", new String[] {"Butterfly stacks", "count"}),
            Map.entry("mesh_columns", new String[] {"Mesh columns", "count"}),
            Map.entry("layout", new String[] {"Mesh layout", ""}),
            Map.entry("phase_shifter", new String[] {"Phase shifter", ""}));

    static String fileSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
