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

    /** Mantissa sets from coarse to fine: decades, 1-2-5, 1..9, then tenths. */
    private static final double[][] MANTISSAS = {
        {1}, {1, 2, 5}, {1, 1.5, 2, 3, 4, 5, 6, 8}, tenths()};

    private static double[] tenths() {
        double[] m = new double[90];
        for (int i = 0; i < m.length; i++) {
            m[i] = 1 + i / 10.0;
        }
        return m;
    }

    /**
     * Tick values (log10 of round values m x 10^k) inside [lowLog, highLog]: the coarsest set of mantissas that
     * gives at least three ticks (decades when the range is wide, 1-2-5, 1..9, tenths when it is narrow), thinned
     * to at most eight.
     */
    static List<Double> tickLogs(double lowLog, double highLog) {
        List<Double> out = new ArrayList<>();
        for (double[] mantissas : MANTISSAS) {
            out = ticks(lowLog, highLog, mantissas);
            if (out.size() >= 3) {
                break;
            }
        }
        if (out.size() < 2) {
            // too narrow for any round value: label the ends, so that the bar always says what it spans
            out = new ArrayList<>(List.of(lowLog, highLog));
        }
        if (out.size() > 8) {
            int step = (out.size() + 7) / 8;
            List<Double> thinned = new ArrayList<>();
            for (int i = 0; i < out.size(); i += step) {
                thinned.add(out.get(i));
            }
            out = thinned;
        }
        return out;
    }

    private static List<Double> ticks(double lowLog, double highLog, double[] mantissas) {
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
