package org.phodex.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * An axis over log10 of a quantity (a heat map's colour bar for energy or error) whose ticks sit at the
 * quantity's round values, 1, 2 and 5 times a power of ten, labelled in the quantity's unit ("200 pJ").
 */
final class Log10ValueAxis extends NumberAxis {
    private final String unit;

    /** @param unit SI unit for the labels ("J"), or "" for a dimensionless number */
    Log10ValueAxis(String label, String unit) {
        super(label);
        this.unit = unit;
        setAutoRangeIncludesZero(false);
    }

    /** Tick values (log10 of 1, 2, 5 x 10^k) inside [lowLog, highLog]; decades only when the range is wide. */
    static List<Double> tickLogs(double lowLog, double highLog) {
        double[] mantissas = highLog - lowLog > 2.5 ? new double[] {1} : new double[] {1, 2, 5};
        List<Double> out = new ArrayList<>();
        for (int k = (int) Math.floor(lowLog) - 1; k <= (int) Math.ceil(highLog); k++) {
            for (double m : mantissas) {
                double v = Math.log10(m) + k;
                if (v >= lowLog - 1e-9 && v <= highLog + 1e-9) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor;
        if (edge == RectangleEdge.LEFT) {
            anchor = TextAnchor.CENTER_RIGHT;
        } else if (edge == RectangleEdge.RIGHT) {
            anchor = TextAnchor.CENTER_LEFT;
        } else if (edge == RectangleEdge.TOP) {
            anchor = TextAnchor.BOTTOM_CENTER;
        } else {
            anchor = TextAnchor.TOP_CENTER;
        }
        List ticks = new ArrayList();
        for (double v : tickLogs(getLowerBound(), getUpperBound())) {
            String label = unit.isEmpty() ? SiFormat.plain(Math.pow(10, v)) : SiFormat.format(Math.pow(10, v), unit);
            ticks.add(new NumberTick(TickType.MAJOR, v, label, anchor, anchor, 0.0));
        }
        return ticks;
    }
}
