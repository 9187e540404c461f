package org.phodex.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The text labels of a plot, placed together at drawing time so that none overlaps another or runs past the
 * plot's edge: the label of each vertical reference line (rotated, along the line), of each horizontal reference
 * line (at its right end) and of each marked design (beside its marker, with a leader line when it has to move
 * away). Sizes come from the font metrics of the graphics being drawn on; each label tries a list of places and
 * takes the first that is free. The boxes of the last drawing are kept ({@link #placed()}) so that tests can
 * check them.
 */
final class LabelLayer extends AbstractXYAnnotation {
    private static final double PAD = 1.5;

    private record Line(double x, String text, Color colour, boolean preferBottom) {
    }

    private record Row(double y, String text, Color colour) {
    }

    private record Point(double x, double y, String text) {
    }

    /** A label as drawn: its text, its box in the chart's coordinates, and whether a free place was found. */
    record Placed(String text, Rectangle2D box, boolean free) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private final Font font;
    private final Font pointFont;
    private final boolean pointsUp;
    private transient List<Placed> placed = List.of();
    private transient Rectangle2D lastArea;

    /** @param pointsUp true when better designs lie up and left (accuracy), so labels prefer that side */
    LabelLayer(Font font, Font pointFont, boolean pointsUp) {
        this.font = font;
        this.pointFont = pointFont;
        this.pointsUp = pointsUp;
    }

    void verticalLine(double x, String text, Color colour, boolean preferBottom) {
        lines.add(new Line(x, text, colour, preferBottom));
    }

    void horizontalLine(double y, String text, Color colour) {
        rows.add(new Row(y, text, colour));
    }

    void point(double x, double y, String text) {
        points.add(new Point(x, y, text));
    }

    List<Placed> placed() {
        return placed;
    }

    Rectangle2D lastDataArea() {
        return lastArea;
    }

    /**
     * A vertical label that fits the plot's height: as it is; else without its parenthetical details; else its
     * name cut with an ellipsis before the ": value" part (the full text is in the figure's CSV).
     */
    static String fitted(String text, FontMetrics fm, double maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        String shorter = text.replaceAll("\\s*\\([^()]*\\)", "");
        if (fm.stringWidth(shorter) <= maxWidth) {
            return shorter;
        }
        int colon = shorter.lastIndexOf(": ");
        String value = colon >= 0 ? shorter.substring(colon) : "";
        String name = colon >= 0 ? shorter.substring(0, colon) : shorter;
        while (name.length() > 1 && fm.stringWidth(name + "\u2026" + value) > maxWidth) {
            name = name.substring(0, name.length() - 1);
        }
        return name.strip() + "\u2026" + value;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        List<Placed> out = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        Rectangle2D inner = new Rectangle2D.Double(area.getX() + 1, area.getY() + 1, area.getWidth() - 2,
                area.getHeight() - 2);
        // the markers of labelled designs are obstacles too: a label must not hide a neighbour's marker
        List<double[]> pts = new ArrayList<>();
        for (Point p : points) {
            double px = domainAxis.valueToJava2D(p.x(), area, plot.getDomainAxisEdge());
            double py = rangeAxis.valueToJava2D(p.y(), area, plot.getRangeAxisEdge());
            pts.add(new double[] {px, py});
            taken.add(new Rectangle2D.Double(px - 4, py - 4, 8, 8));
        }
        Font saved = g2.getFont();
        g2.setFont(font);
        FontMetrics fm = g2.getFontMetrics();
        double th = fm.getAscent() + fm.getDescent() + 2 * PAD;
        for (Line l : lines) {
            if (!domainAxis.getRange().contains(l.x())) {
                continue; // the line is outside the range drawn: no label either
            }
            double xs = domainAxis.valueToJava2D(l.x(), area, plot.getDomainAxisEdge());
            String text = fitted(l.text(), fm, inner.getHeight() - 2 * PAD - 2);
            double len = fm.stringWidth(text) + 2 * PAD;
            double left = xs - th - 1;
            List<Rectangle2D> candidates = new ArrayList<>();
            double step = Math.max(4, len / 6);
            for (double off = 0; off <= inner.getHeight() - len; off += step) {
                double yBottom = inner.getMaxY() - len - off;
                double yTop = inner.getY() + off;
                Rectangle2D b = new Rectangle2D.Double(left, yBottom, th, len);
                Rectangle2D t = new Rectangle2D.Double(left, yTop, th, len);
                candidates.add(l.preferBottom() ? b : t);
                candidates.add(l.preferBottom() ? t : b);
                // the right side of the line when the left one is taken
                candidates.add(new Rectangle2D.Double(xs + 1, l.preferBottom() ? yBottom : yTop, th, len));
            }
            // lines a few pixels apart: their labels stand side by side, further right, rather than overlap
            for (int column = 1; column <= 4; column++) {
                for (double off = 0; off <= inner.getHeight() - len; off += step) {
                    double y = l.preferBottom() ? inner.getMaxY() - len - off : inner.getY() + off;
                    candidates.add(new Rectangle2D.Double(xs + 1 + column * th, y, th, len));
                }
            }
            Rectangle2D box = choose(candidates, taken, inner);
            boolean free = box != null;
            if (box == null) {
                box = candidates.isEmpty() ? new Rectangle2D.Double(left, inner.getY(), th, len) : candidates.get(0);
            }
            taken.add(box);
            out.add(new Placed(text, box, free));
            background(g2, box);
            g2.setPaint(l.colour());
            AffineTransform t = g2.getTransform();
            g2.rotate(-Math.PI / 2, box.getX(), box.getMaxY());
            g2.drawString(text, (float) (box.getX() + PAD), (float) (box.getMaxY() + PAD + fm.getAscent()));
            g2.setTransform(t);
        }
        for (Row r : rows) {
            if (!rangeAxis.getRange().contains(r.y())) {
                continue;
            }
            double ys = rangeAxis.valueToJava2D(r.y(), area, plot.getRangeAxisEdge());
            double len = fm.stringWidth(r.text()) + 2 * PAD;
            List<Rectangle2D> candidates = new ArrayList<>();
            for (double off = 0; off <= inner.getWidth() - len; off += Math.max(4, len / 4)) {
                double x = inner.getMaxX() - len - off;
                candidates.add(new Rectangle2D.Double(x, ys + 1, len, th));      // below the line
                candidates.add(new Rectangle2D.Double(x, ys - th - 1, len, th)); // above it
            }
            place(g2, fm, r.text(), r.colour(), candidates, taken, inner, out, null);
        }
        g2.setFont(pointFont);
        FontMetrics pm = g2.getFontMetrics();
        double ph = pm.getAscent() + pm.getDescent() + 2 * PAD;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double px = pts.get(i)[0];
            double py = pts.get(i)[1];
            double w = pm.stringWidth(p.text()) + 2 * PAD;
            List<Rectangle2D> candidates = new ArrayList<>();
            // directions in order of preference: towards the empty side of the front first
            double[][] dirs = pointsUp
                    ? new double[][] {{-1, -1}, {-1, 0}, {0, -1}, {-1, 1}, {1, -1}, {1, 0}, {0, 1}, {1, 1}}
                    : new double[][] {{-1, 1}, {-1, 0}, {0, 1}, {-1, -1}, {1, 1}, {1, 0}, {0, -1}, {1, -1}};
            for (double r : new double[] {5, 10, 16, 24, 34, 46, 60}) {
                for (double[] d : dirs) {
                    double cx = px + d[0] * r;
                    double cy = py + d[1] * r;
                    double x = d[0] < 0 ? cx - w : d[0] > 0 ? cx : cx - w / 2;
                    double y = d[1] < 0 ? cy - ph : d[1] > 0 ? cy : cy - ph / 2;
                    candidates.add(new Rectangle2D.Double(x, y, w, ph));
                }
            }
            List<Rectangle2D> others = withoutOwnMarker(taken, px, py);
            place(g2, pm, p.text(), Color.BLACK, candidates, others, inner, out, new double[] {px, py});
            taken.add(out.get(out.size() - 1).box());
        }
        g2.setFont(saved);
        placed = List.copyOf(out);
        lastArea = (Rectangle2D) area.clone();
    }

    /** The obstacles without the marker of the design being labelled (its label may touch it). */
    private static List<Rectangle2D> withoutOwnMarker(List<Rectangle2D> taken, double px, double py) {
        List<Rectangle2D> out = new ArrayList<>();
        for (Rectangle2D r : taken) {
            if (!(r.getWidth() == 8 && Math.abs(r.getCenterX() - px) < 1e-9 && Math.abs(r.getCenterY() - py) < 1e-9)) {
                out.add(r);
            }
        }
        return out;
    }

    private void place(Graphics2D g2, FontMetrics fm, String text, Color colour, List<Rectangle2D> candidates,
                       List<Rectangle2D> taken, Rectangle2D inner, List<Placed> out, double[] anchor) {
        Rectangle2D box = choose(candidates, taken, inner);
        boolean free = box != null;
        if (box == null) {
            box = candidates.get(0);
        }
        taken.add(box);
        out.add(new Placed(text, box, free));
        if (anchor != null && distance(box, anchor) > 6) {
            // a leader from the marker to the label that had to move away
            g2.setPaint(new Color(0x777777));
            g2.setStroke(new java.awt.BasicStroke(0.5f));
            double lx = Math.max(box.getMinX(), Math.min(anchor[0], box.getMaxX()));
            double ly = Math.max(box.getMinY(), Math.min(anchor[1], box.getMaxY()));
            g2.draw(new Line2D.Double(anchor[0], anchor[1], lx, ly));
        }
        background(g2, box);
        g2.setPaint(colour);
        g2.drawString(text, (float) (box.getX() + PAD), (float) (box.getY() + PAD + fm.getAscent()));
    }

    private static double distance(Rectangle2D box, double[] p) {
        double dx = Math.max(0, Math.max(box.getMinX() - p[0], p[0] - box.getMaxX()));
        double dy = Math.max(0, Math.max(box.getMinY() - p[1], p[1] - box.getMaxY()));
        return Math.hypot(dx, dy);
    }

    private static Rectangle2D choose(List<Rectangle2D> candidates, List<Rectangle2D> taken, Rectangle2D inner) {
        for (Rectangle2D c : candidates) {
            if (!inner.contains(c)) {
                continue;
            }
            boolean clear = true;
            for (Rectangle2D t : taken) {
                if (t.intersects(c)) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                return c;
            }
        }
        return null;
    }

    private static void background(Graphics2D g2, Rectangle2D box) {
        g2.setPaint(new Color(255, 255, 255, 210));
        g2.fill(box);
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
