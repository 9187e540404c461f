package org.phodex.plot;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Many markers of one style drawn as a single filled path: every evaluated design of a search, thousands of
 * them, becomes one SVG {@code <path>} and one PDF fill instead of one element per marker, which keeps a front
 * plot's SVG under a megabyte. Every point is drawn; nothing is thinned.
 */
final class PointCloud extends AbstractXYAnnotation {
    private final List<double[]> points = new ArrayList<>();
    private final Shape marker;
    private final Paint paint;

    PointCloud(Shape marker, Paint paint) {
        this.marker = marker;
        this.paint = paint;
    }

    void add(double x, double y) {
        points.add(new double[] {x, y});
    }

    int size() {
        return points.size();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        Path2D.Double all = new Path2D.Double(Path2D.WIND_NON_ZERO, points.size() * 6);
        for (double[] p : points) {
            double x = domainAxis.valueToJava2D(p[0], area, plot.getDomainAxisEdge());
            double y = rangeAxis.valueToJava2D(p[1], area, plot.getRangeAxisEdge());
            if (!area.contains(x, y)) {
                continue;
            }
            // rounded to a tenth of a point: invisible at any print size, and a third of the SVG's digits
            AffineTransform at = AffineTransform.getTranslateInstance(Math.round(x * 10) / 10.0,
                    Math.round(y * 10) / 10.0);
            all.append(at.createTransformedShape(marker), false);
        }
        g2.setPaint(paint);
        g2.fill(all);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
