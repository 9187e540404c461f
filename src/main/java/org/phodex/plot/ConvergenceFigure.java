package org.phodex.plot;

import java.awt.geom.Ellipse2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Hypervolume of the archive against the number of evaluations, one point per generation. */
final class ConvergenceFigure {
    private ConvergenceFigure() {
    }

    static Figure create(String name, CsvTable indicators, String title) {
        indicators.require("evaluations", "hypervolume");
        XYSeries hv = new XYSeries("hypervolume", false, true);
        DataTable data = new DataTable("generation", "evaluations", "hypervolume", "front_size");
        for (int r = 0; r < indicators.size(); r++) {
            double evaluations = indicators.number(r, "evaluations");
            double hypervolume = indicators.number(r, "hypervolume");
            if (Double.isFinite(evaluations) && Double.isFinite(hypervolume)) {
                hv.add(evaluations, hypervolume);
                data.add(indicators.text(r, "generation"), evaluations, hypervolume,
                        indicators.text(r, "front_size"));
            }
        }
        if (hv.isEmpty()) {
            throw new PlotInputException(indicators.file() + ": no row with both evaluations and hypervolume");
        }
        NumberAxis x = new NumberAxis("Evaluations (designs scored)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("Hypervolume (higher is better)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, hv.getItemCount() <= 60);
        renderer.setSeriesPaint(0, Style.BLUE);
        renderer.setSeriesStroke(0, Style.SERIES_STROKE);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        XYPlot plot = new XYPlot(new XYSeriesCollection(hv), x, y, renderer);
        JFreeChart chart = new JFreeChart(title, Style.AXIS_LABEL_FONT, plot, false);
        Style.apply(chart);
        return new Figure(name, chart, Style.WIDTH_PT, Style.HEIGHT_PT * 0.8, data);
    }
}
