package org.phodex.plot;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The co-design figures, from a sweep over {@code training} and one more column: top-1 accuracy against that
 * column, one line per architecture and training mode (post-mapping where the column is empty), feasible designs
 * only. Used for accuracy against fabrication error (phase error sigma) and against detected photons per MAC.
 *
 * <p>Where the sweep carries the accuracy's 95 % interval ({@code accuracy_ci95_low/high}), each point gets its
 * interval as an error bar, and the subtitle says how many test samples and chips the accuracies rest on. Series
 * that share x values are drawn side by side, dodged by a small fraction of the x spacing (of the log spacing on a
 * log axis), so their bars do not hide each other; the CSV keeps the true x values.
 */
public final class CodesignFigures {

    /** Dodge between neighbouring series, as a fraction of the smallest spacing of the x grid. */
    static final double DODGE = 0.06;

    private CodesignFigures() {
    }

    /**
     * Writes {@code name}.png/.svg/.pdf/.csv into {@code dir}: accuracy against {@code xColumn} of
     * {@code sweepCsv}.
     *
     * @param logX log scale on x (photons per MAC)
     * @return one finding per line of the figure (its accuracy at the smallest and largest x, with the interval
     *     where the sweep has one)
     */
    public static List<String> write(Path sweepCsv, String xColumn, String xLabel, boolean logX, String title,
                                   String name, Path dir) throws IOException {
        return write(sweepCsv, xColumn, xLabel, logX, false, title, name, dir);
    }

    /**
     * As {@link #write(Path, String, String, boolean, String, String, Path)}; with {@code keepInfeasible} the
     * designs the cost model finds infeasible are drawn too, with hollow markers and "(infeasible)" in the key,
     * and the first reason given is quoted in the notes: a robustness study of a mesh size no laser can feed
     * still says what the mesh does to accuracy, but must not look like a buildable design.
     */
    public static List<String> write(Path sweepCsv, String xColumn, String xLabel, boolean logX,
                                     boolean keepInfeasible, String title, String name, Path dir) throws IOException {
        CsvTable t = CsvTable.read(sweepCsv).require("architecture", xColumn, "accuracy", "feasible");
        boolean hasTraining = t.has("training");
        boolean hasInterval = t.has("accuracy_ci95_low") && t.has("accuracy_ci95_high");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        DataTable data = new DataTable("architecture", "training", xColumn, "accuracy_percent",
                "ci95_low_percent", "ci95_high_percent", "samples", "chips", "feasible");
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<String> support = new TreeSet<>();
        String reason = "";
        for (int r = 0; r < t.size(); r++) {
            double x = t.number(r, xColumn);
            double acc = t.number(r, "accuracy");
            boolean feasible = "true".equals(t.text(r, "feasible"));
            if ((!feasible && !keepInfeasible) || !Double.isFinite(x) || !Double.isFinite(acc)
                    || (logX && x <= 0)) {
                continue;
            }
            String training = hasTraining && !t.text(r, "training").isEmpty() ? t.text(r, "training")
                    : "post-mapping";
            String key = t.text(r, "architecture") + ", " + training + (feasible ? "" : " (infeasible)");
            if (!feasible && reason.isEmpty() && t.has("infeasible_reason")) {
                reason = t.text(r, "infeasible_reason");
            }
            double lo = hasInterval ? t.number(r, "accuracy_ci95_low") : Double.NaN;
            double hi = hasInterval ? t.number(r, "accuracy_ci95_high") : Double.NaN;
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                lo = acc;
                hi = acc;
            }
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {x, 100 * acc, 100 * lo, 100 * hi});
            xs.add(logX ? Math.log10(x) : x);
            String samples = t.has("accuracy_samples") ? t.text(r, "accuracy_samples") : "";
            String chips = t.has("accuracy_chips") ? t.text(r, "accuracy_chips") : "";
            if (!samples.isEmpty()) {
                support.add(samples + " test samples x " + (chips.isEmpty() ? "1" : chips) + " chips");
            }
            data.add(t.text(r, "architecture"), training, x, 100 * acc, 100 * lo, 100 * hi, samples, chips,
                    feasible);
        }
        if (series.isEmpty()) {
            throw new PlotInputException(sweepCsv + ": no feasible row with a finite " + xColumn + " and accuracy");
        }
        double step = smallestStep(xs);
        List<String> notes = new ArrayList<>();
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setDrawYError(hasInterval);
        renderer.setCapLength(5);
        renderer.setErrorStroke(new BasicStroke(1.0f));
        int i = 0;
        int count = series.size();
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            e.getValue().sort(Comparator.comparingDouble(p -> p[0]));
            double offset = (i - (count - 1) / 2.0) * DODGE * step;
            for (double[] p : e.getValue()) {
                double shown = logX ? Math.pow(10, Math.log10(p[0]) + offset) : p[0] + offset;
                s.add(shown, p[1], p[2], p[3]);
            }
            dataset.addSeries(s);
            double[] first = e.getValue().get(0);
            double[] last = e.getValue().get(e.getValue().size() - 1);
            notes.add(String.format(Locale.ROOT, "%s: %.1f %%%s at %s = %.3g, %.1f %%%s at %.3g", e.getKey(),
                    first[1], interval(first, hasInterval), xColumn, first[0], last[1], interval(last, hasInterval),
                    last[0]));
            renderer.setSeriesPaint(i, Style.PALETTE.get(i % Style.PALETTE.size()));
            renderer.setSeriesShape(i, Style.marker(i, 7));
            renderer.setSeriesStroke(i, Style.SERIES_STROKE);
            renderer.setSeriesShapesFilled(i, !e.getKey().endsWith("(infeasible)"));
            i++;
        }
        if (!reason.isEmpty()) {
            notes.add("(infeasible): drawn for the accuracy only; the cost model refuses the design: " + reason);
        }
        ValueAxis x = logX ? new RoundLogAxis(xLabel + ", log scale") : new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis("top-1 accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, Style.AXIS_LABEL_FONT, plot, true);
        Style.apply(chart);
        if (hasInterval) {
            TextTitle sub = new TextTitle("bars: 95 % interval of each accuracy (" + String.join("; ", support)
                    + "); series side by side at each x", Style.LEGEND_FONT);
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        new Figure(name, chart, Style.WIDTH_PT, Style.HEIGHT_PT, data).writeAll(dir);
        return notes;
    }

    /** The smallest gap between neighbouring x values (1 when there is only one). */
    static double smallestStep(TreeSet<Double> xs) {
        double step = Double.POSITIVE_INFINITY;
        Double prev = null;
        for (double v : xs) {
            if (prev != null && v - prev > 0) {
                step = Math.min(step, v - prev);
            }
            prev = v;
        }
        return Double.isFinite(step) ? step : 1;
    }

    private static String interval(double[] p, boolean hasInterval) {
        return hasInterval ? String.format(Locale.ROOT, " (95 %% CI %.1f-%.1f)", p[2], p[3]) : "";
    }
}
