package org.phodex.plot;

import java.util.List;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/**
 * The quality objective plotted against energy: accuracy in percent (higher is better) when the workload has
 * labels, otherwise the relative output error (lower is better, on a log axis) for shape-only workloads.
 */
enum Quality {
    ACCURACY("Top-1 accuracy (%)", "accuracy_pct"),
    RELATIVE_ERROR("Relative output error (RMS, lower is better)", "relative_error");

    final String axisLabel;
    final String csvColumn;

    Quality(String axisLabel, String csvColumn) {
        this.axisLabel = axisLabel;
        this.csvColumn = csvColumn;
    }

    /** Accuracy if any feasible design reports one, else relative error if any does. */
    static Quality choose(List<DesignPoint> points, String where) {
        boolean anyAccuracy = points.stream().anyMatch(p -> Double.isFinite(p.accuracy()));
        if (anyAccuracy) {
            return ACCURACY;
        }
        boolean anyError = points.stream().anyMatch(p -> Double.isFinite(p.relativeError()) && p.relativeError() > 0);
        if (anyError) {
            return RELATIVE_ERROR;
        }
        throw new PlotInputException(where + ": no design has an accuracy or a positive relative_error to plot");
    }

    /** The plotted value: accuracy in percent, or relative error; NaN if the design lacks it. */
    double value(DesignPoint p) {
        if (this == ACCURACY) {
            return 100 * p.accuracy();
        }
        return p.relativeError() > 0 ? p.relativeError() : Double.NaN;
    }

    /** Whether quality value a is strictly better than b. */
    boolean better(double a, double b) {
        return this == ACCURACY ? a > b : a < b;
    }

    ValueAxis axis() {
        if (this == ACCURACY) {
            NumberAxis a = new NumberAxis(axisLabel);
            a.setAutoRangeIncludesZero(false);
            return a;
        }
        LogAxis a = new RoundLogAxis(axisLabel);
        a.setNumberFormatOverride(new SiFormat(""));
        return a;
    }
}
