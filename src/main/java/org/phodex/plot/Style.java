package org.phodex.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every phodex figure: print-ready sizes in points, a sans-serif logical font (DejaVu Sans on
 * Linux), the Okabe-Ito colour-blind-safe palette, white background, light grid, no 3-D and no gradients.
 *
 * <p>Figures are laid out at their printed size ({@link #WIDTH_PT} x {@link #HEIGHT_PT} points, about 8.3 x 5.6
 * inches) so that fonts keep their size in PDF and SVG; PNGs are the same layout drawn {@link #PNG_SCALE} times
 * larger (2400 px wide, tagged 288 dpi).
 */
public final class Style {
    public static final double WIDTH_PT = 600;
    public static final double HEIGHT_PT = 400;
    public static final double PNG_SCALE = 4.0;

    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 13);
    public static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 10);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 10);
    public static final Font ANNOTATION_FONT = new Font(FONT_FAMILY, Font.PLAIN, 9);

    // Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies.
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color BLACK = Color.BLACK;
    public static final Color GREY = new Color(0x999999);

    /** Series colours in order; yellow last because it is weak on white. */
    public static final List<Color> PALETTE = List.of(
            BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK, YELLOW);

    /** More categories than the palette has (energy components): the palette, then its darker shades. */
    public static Color categoryColour(int index) {
        Color base = PALETTE.get(index % PALETTE.size());
        int round = index / PALETTE.size();
        Color c = base;
        for (int i = 0; i < round; i++) {
            c = new Color((int) (c.getRed() * 0.6), (int) (c.getGreen() * 0.6), (int) (c.getBlue() * 0.6));
        }
        return c;
    }

    public static final Color GRID = new Color(0xE0E0E0);
    public static final Color REFERENCE_LINE = new Color(0x555555);

    /**
     * Baseline lines (a digital reference and its 10x, 100x ... lines) are dark grey, told apart by dash pattern,
     * never by a family's colour: colour means architecture in every phodex figure.
     */
    public static final Color BASELINE_COLOUR = new Color(0x333333);
    private static final float[][] BASELINE_DASHES = {
        null,                       // the reference itself: solid
        {6f, 3f},                   // dashed
        {9f, 3f, 2f, 3f},           // dash-dot
        {1.5f, 2.5f},               // dotted
        {12f, 4f},                  // long dash
        {9f, 3f, 2f, 3f, 2f, 3f},   // dash-dot-dot
    };

    /** The stroke of the i-th baseline line: solid, dashed, dash-dot, dotted, long dash, dash-dot-dot, ... */
    public static Stroke baselineStroke(int index) {
        float[] dash = BASELINE_DASHES[index % BASELINE_DASHES.length];
        float width = index == 0 ? 1.2f : 1.0f;
        return dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    public static final Stroke SERIES_STROKE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke REFERENCE_STROKE = new BasicStroke(1.0f);
    public static final Stroke DASHED_STROKE = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {5f, 3f}, 0f);
    public static final Stroke DOTTED_STROKE = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
            10f, new float[] {1f, 3f}, 0f);

    private Style() {
    }

    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** Marker shapes in order, centred on the origin, about {@code size} points across. */
    public static Shape marker(int index, double size) {
        double r = size / 2;
        switch (index % 6) {
            case 0:
                return new Ellipse2D.Double(-r, -r, size, size);
            case 1:
                return new Rectangle2D.Double(-r * 0.9, -r * 0.9, size * 0.9, size * 0.9);
            case 2:
                return polygon(new double[] {0, r * 1.1, -r * 1.1}, new double[] {-r * 1.2, r * 0.8, r * 0.8});
            case 3:
                return polygon(new double[] {0, r * 1.2, 0, -r * 1.2}, new double[] {-r * 1.2, 0, r * 1.2, 0});
            case 4:
                return polygon(new double[] {0, r * 1.1, -r * 1.1}, new double[] {r * 1.2, -r * 0.8, -r * 0.8});
            default:
                double a = r * 0.35;
                return polygon(new double[] {-a, a, a, r, r, a, a, -a, -a, -r, -r, -a},
                        new double[] {-r, -r, -a, -a, a, a, r, r, a, a, -a, -a});
        }
    }

    /** An "x" cross, for infeasible designs. */
    public static Shape cross(double size) {
        double r = size / 2;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-r, -r);
        p.lineTo(r, r);
        p.moveTo(-r, r);
        p.lineTo(r, -r);
        return new BasicStroke(0.8f).createStrokedShape(p);
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        return p;
    }

    /**
     * Applies the look to a chart whose renderers are already configured: fonts, white background, thin light
     * grid, legend without border, flat bars. (JFreeChart's ChartTheme is not used: it resets series colours.)
     */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPadding(new RectangleInsets(0, 0, 6, 0));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND_FONT);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemLabelPadding(new RectangleInsets(2, 2, 2, 8));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineStroke(new BasicStroke(0.8f));
        plot.setOutlinePaint(Color.GRAY);
        Stroke grid = new BasicStroke(0.5f);
        if (plot instanceof XYPlot) {
            XYPlot xy = (XYPlot) plot;
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(grid);
            xy.setRangeGridlineStroke(grid);
            xy.setDomainMinorGridlinePaint(new Color(0xF0F0F0));
            xy.setRangeMinorGridlinePaint(new Color(0xF0F0F0));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot) {
            CategoryPlot cp = (CategoryPlot) plot;
            cp.setDomainGridlinePaint(GRID);
            cp.setRangeGridlinePaint(GRID);
            cp.setDomainGridlineStroke(grid);
            cp.setRangeGridlineStroke(grid);
            axis(cp.getDomainAxis());
            axis(cp.getRangeAxis());
            if (cp.getRenderer() instanceof BarRenderer) {
                BarRenderer br = (BarRenderer) cp.getRenderer();
                br.setShadowVisible(false);
                br.setBarPainter(new StandardBarPainter());
                br.setDrawBarOutline(false);
            }
        }
        return chart;
    }

    static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
    }
}
