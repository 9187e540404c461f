package org.phodex.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The co-design figures, from a sweep over {@code training} and one more column: top-1 accuracy against that
 * column, one line per architecture and training mode (post-mapping where the column is empty), feasible designs
 * only. Used for accuracy against fabrication error (phase error sigma) and against detected photons per MAC.
 */
public final class CodesignFigures {

    private CodesignFigures() {
    }

    /**
     * Writes {@code name}.png/.svg/.pdf/.csv into {@code dir}: accuracy against {@code xColumn} of
     * {@code sweepCsv}.
     *
     * @param logX log scale on x (photons per MAC)
     * @return one finding per line of the figure (its accuracy at the smallest and largest x)
     */
    public static List<String> write(Path sweepCsv, String xColumn, String xLabel, boolean logX, String title,
                                   String name, Path dir) throws IOException {
        CsvTable t = CsvTable.read(sweepCsv).require("architecture", xColumn, "accuracy", "feasible");
        boolean hasTraining = t.has("training");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        DataTable data = new DataTable("architecture", "training", xColumn, "accuracy_percent");
        for (int r = 0; r < t.size(); r++) {
            double x = t.number(r, xColumn);
            double acc = t.number(r, "accuracy");
            if (!"true".equals(t.text(r, "feasible")) || !Double.isFinite(x) || !Double.isFinite(acc)
                    || (logX && x <= 0)) {
                continue;
            }
            String training = hasTraining && !t.text(r, "training").isEmpty() ? t.text(r, "training")
                    : "post-mapping";
            String key = t.text(r, "architecture") + ", " + training;
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {x, 100 * acc});
            data.add(t.text(r, "architecture"), training, x, 100 * acc);
        }
        if (series.isEmpty()) {
            throw new PlotInputException(sweepCsv + ": no feasible row with a finite " + xColumn + " and accuracy");
        }
        List<String> notes = new ArrayList<>();
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int i = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            e.getValue().sort(Comparator.comparingDouble(p -> p[0]));
            for (double[] p : e.getValue()) {
                s.add(p[0], p[1]);
            }
            dataset.addSeries(s);
            double[] lo = e.getValue().get(0);
            double[] hi = e.getValue().get(e.getValue().size() - 1);
            notes.add(String.format(java.util.Locale.ROOT, "%s: %.1f %% at %s = %.3g, %.1f %% at %.3g", e.getKey(),
                    lo[1], xColumn, lo[0], hi[1], hi[0]));
            renderer.setSeriesPaint(i, Style.PALETTE.get(i % Style.PALETTE.size()));
            renderer.setSeriesShape(i, Style.marker(i, 7));
            renderer.setSeriesStroke(i, Style.SERIES_STROKE);
            i++;
        }
        ValueAxis x = logX ? new LogAxis(xLabel + ", log scale") : new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis("top-1 accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, Style.AXIS_LABEL_FONT, plot, true);
        Style.apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        new Figure(name, chart, Style.WIDTH_PT, Style.HEIGHT_PT, data).writeAll(dir);
        return notes;
    }
}
