package org.phodex.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The value written in each heat-map cell, fitted at drawing time from the font metrics: the full text ("1.29 µJ
 * ✗"), else the number alone (the unit is on the colour bar), else the same in a smaller font down to 6 pt; when
 * even that does not fit inside its cell, only infeasible cells keep their ✗ (the values are in the figure's CSV). A label
 * therefore never runs into its neighbour or past the plot. The boxes of the last drawing are kept for tests.
 */
final class CellLabels extends AbstractXYAnnotation {
    /** One cell: centre (in cell units), full text, short text, text colour. */
    record Cell(double x, double y, String full, String brief, String mark, Color colour) {
        String text(int variant) {
            return variant == 0 ? full : variant == 1 ? brief : mark;
        }
    }

    private static final double MIN_FONT_PT = 6;
    private final List<Cell> cells = new ArrayList<>();
    private final Font font;
    private transient List<Rectangle2D> boxes = List.of();
    private transient List<Rectangle2D> cellAreas = List.of();

    CellLabels(Font font) {
        this.font = font;
    }

    /** @param mark what is left when no value fits: "✗" for an infeasible cell, "" otherwise */
    void add(double x, double y, String full, String brief, String mark, Color colour) {
        cells.add(new Cell(x, y, full, brief, mark, colour));
    }

    List<Rectangle2D> boxes() {
        return boxes;
    }

    List<Rectangle2D> cellAreas() {
        return cellAreas;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        List<Rectangle2D> cellBoxes = new ArrayList<>();
        for (Cell c : cells) {
            double x0 = domainAxis.valueToJava2D(c.x() - 0.5, area, plot.getDomainAxisEdge());
            double x1 = domainAxis.valueToJava2D(c.x() + 0.5, area, plot.getDomainAxisEdge());
            double y0 = rangeAxis.valueToJava2D(c.y() - 0.5, area, plot.getRangeAxisEdge());
            double y1 = rangeAxis.valueToJava2D(c.y() + 0.5, area, plot.getRangeAxisEdge());
            cellBoxes.add(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0),
                    Math.abs(y1 - y0)));
        }
        Font saved = g2.getFont();
        List<Rectangle2D> drawn = new ArrayList<>();
        // the largest font, and the fuller text, with which every cell's label fits inside its cell
        outer:
        for (float size = font.getSize2D(); size >= MIN_FONT_PT; size -= 1) {
            g2.setFont(font.deriveFont(size));
            FontMetrics fm = g2.getFontMetrics();
            for (int variant = 0; variant < 3; variant++) {
                if (variant == 2 && size > MIN_FONT_PT) {
                    continue; // the marks alone only when no value fits even at the smallest size
                }
                List<Rectangle2D> trial = new ArrayList<>();
                boolean fits = true;
                for (int i = 0; i < cells.size() && fits; i++) {
                    String t = cells.get(i).text(variant);
                    Rectangle2D cell = cellBoxes.get(i);
                    double w = fm.stringWidth(t);
                    double h = fm.getAscent() + fm.getDescent();
                    Rectangle2D box = new Rectangle2D.Double(cell.getCenterX() - w / 2, cell.getCenterY() - h / 2,
                            w, h);
                    fits = w <= cell.getWidth() - 2 && h <= cell.getHeight() - 1;
                    trial.add(box);
                }
                if (fits) {
                    for (int i = 0; i < cells.size(); i++) {
                        Cell c = cells.get(i);
                        Rectangle2D b = trial.get(i);
                        g2.setPaint(c.colour());
                        if (c.text(variant).isEmpty()) {
                            continue;
                        }
                        g2.drawString(c.text(variant), (float) b.getX(),
                                (float) (b.getY() + fm.getAscent()));
                    }
                    for (int i = 0; i < cells.size(); i++) {
                        if (!cells.get(i).text(variant).isEmpty()) {
                            drawn.add(trial.get(i));
                        }
                    }
                    break outer;
                }
            }
        }
        g2.setFont(saved);
        boxes = List.copyOf(drawn);
        cellAreas = List.copyOf(cellBoxes);
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
