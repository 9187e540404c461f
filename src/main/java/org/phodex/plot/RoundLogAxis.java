package org.phodex.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis whose labelled ticks sit at round values (decades, or 1-2-5, 1..9 or tenths times a power of
 * ten when the range is narrow; see {@link Log10ValueAxis#tickLogs}), instead of JFreeChart's evenly spaced
 * exponents, which label a narrow range with values such as 0.7943.
 */
final class RoundLogAxis extends LogAxis {
    RoundLogAxis(String label) {
        super(label);
        setBase(10);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List ticks(TextAnchor anchor) {
        List ticks = new ArrayList();
        double low = Math.log10(getLowerBound());
        double high = Math.log10(getUpperBound());
        List<Double> major = Log10ValueAxis.tickLogs(low, high);
        for (double v : major) {
            double value = Math.pow(10, v);
            // a plain String label (NumberTick), not LogTick's AttributedString: SVG and PDF then keep it as text
            ticks.add(new NumberTick(TickType.MAJOR, value, label(value), anchor, TextAnchor.CENTER, 0));
        }
        if (isMinorTickMarksVisible() && high - low >= 1) {
            for (int k = (int) Math.floor(low); k <= (int) Math.ceil(high); k++) {
                for (int m = 2; m <= 9; m++) {
                    double v = k + Math.log10(m);
                    if (v > low && v < high) {
                        ticks.add(new NumberTick(TickType.MINOR, Math.pow(10, v), "", anchor, TextAnchor.CENTER, 0));
                    }
                }
            }
        }
        return ticks;
    }

    private String label(double value) {
        java.text.NumberFormat f = getNumberFormatOverride();
        return f != null ? f.format(value) : SiFormat.plain(value);
    }
}
