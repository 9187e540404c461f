package org.phodex.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ui.Drawable;

/**
 * Draws a programmed MZI mesh: one horizontal line per waveguide (mode 0 on top), each MZI as a box between its
 * two modes at its column, filled by its internal phase theta, with a small square on its upper input arm filled
 * by its external phase phi; a cyclic colour map over [0, 2 pi) with a colour bar. Fixed waveguide permutations
 * between columns (a butterfly's shuffles) are drawn as crossing waveguides; an output phase screen, if given, as
 * one square per waveguide after the last column. Sized so that N = 16 reads well; larger meshes get tighter
 * spacing.
 */
public final class MeshDiagram implements Drawable {
    private static final double MARGIN_LEFT_PT = 34;
    private static final double MARGIN_RIGHT_PT = 34;
    private static final double TITLE_PT = 30;
    private static final double COLOUR_BAR_BLOCK_PT = 62;

    private final List<MeshCell> cells;
    private final int modes;
    private final int columns;
    private final String title;
    private final double modePitchPt;
    private final double columnPitchPt;
    private final int[][] permutationBefore;
    private final double[] outputPhaseRad;
    private final double permutationWidthPt;
    private final double squarePt;

    /**
     * @param cells MZIs; each must have 0 &lt;= topMode &lt;= modes - 2 and column &gt;= 0
     * @param modes number of waveguides N (at least 2)
     * @param title drawn above the mesh; null or empty for none
     */
    public MeshDiagram(List<MeshCell> cells, int modes, String title) {
        this(cells, modes, List.of(), null, title);
    }

    /**
     * @param permutationBefore entry c (may be null, the list may be shorter than the mesh) is the waveguide
     *                          permutation before column c: after it, waveguide i carries what waveguide
     *                          {@code perm[i]} carried
     * @param outputPhaseRad    the output phase screen, one phase per waveguide, or null for none
     */
    public MeshDiagram(List<MeshCell> cells, int modes, List<int[]> permutationBefore, double[] outputPhaseRad,
                       String title) {
        if (modes < 2) {
            throw new IllegalArgumentException("a mesh needs at least 2 modes, got " + modes);
        }
        int maxColumn = -1;
        for (MeshCell c : cells) {
            if (c.topMode() < 0 || c.topMode() > modes - 2) {
                throw new IllegalArgumentException("MZI at column " + c.column() + " has topMode " + c.topMode()
                        + ", outside 0.." + (modes - 2) + " for " + modes + " modes");
            }
            if (c.column() < 0) {
                throw new IllegalArgumentException("MZI with negative column " + c.column());
            }
            maxColumn = Math.max(maxColumn, c.column());
        }
        if (outputPhaseRad != null && outputPhaseRad.length != modes) {
            throw new IllegalArgumentException("output phase screen has " + outputPhaseRad.length
                    + " phases for " + modes + " modes");
        }
        this.cells = List.copyOf(cells);
        this.modes = modes;
        this.columns = Math.max(maxColumn + 1, permutationBefore.size());
        this.permutationBefore = new int[columns][];
        for (int c = 0; c < permutationBefore.size(); c++) {
            int[] perm = permutationBefore.get(c);
            if (perm == null) {
                continue;
            }
            checkPermutation(perm, modes, c);
            if (!isIdentity(perm)) {
                this.permutationBefore[c] = perm.clone();
            }
        }
        this.outputPhaseRad = outputPhaseRad == null ? null : outputPhaseRad.clone();
        this.title = title == null ? "" : title;
        this.modePitchPt = Math.max(7, Math.min(24, 380.0 / modes));
        int permutations = permutationCount();
        double available = 640.0 / Math.max(1, columns + 2.5 * permutations);
        this.columnPitchPt = Math.max(this.modePitchPt * 1.5, Math.min(40, available));
        this.permutationWidthPt = Math.max(2 * columnPitchPt, 0.3 * modes * modePitchPt);
        this.squarePt = Math.min(modePitchPt * 0.55, columnPitchPt * 0.22);
    }

    private static void checkPermutation(int[] perm, int modes, int column) {
        if (perm.length != modes) {
            throw new IllegalArgumentException("permutation before column " + column + " has " + perm.length
                    + " entries for " + modes + " modes");
        }
        boolean[] seen = new boolean[modes];
        for (int p : perm) {
            if (p < 0 || p >= modes || seen[p]) {
                throw new IllegalArgumentException("permutation before column " + column + " is not a permutation "
                        + "of 0.." + (modes - 1));
            }
            seen[p] = true;
        }
    }

    private static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    private int permutationCount() {
        int n = 0;
        for (int[] p : permutationBefore) {
            if (p != null) {
                n++;
            }
        }
        return n;
    }

    /** Writes the diagram as SVG, PNG or PDF, chosen by the file name's extension; returns the file. */
    public static Path write(List<MeshCell> cells, int modes, String title, Path file) throws IOException {
        return new MeshDiagram(cells, modes, title).write(file);
    }

    /** Writes this diagram as SVG, PNG or PDF, chosen by the file name's extension; returns the file. */
    public Path write(Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        return Figure.writeByExtension(this, widthPt(), heightPt(), file);
    }

    /** True if the file name ends in an extension {@link #write(Path)} knows (.svg, .png, .pdf). */
    public static boolean knownFormat(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".svg") || n.endsWith(".png") || n.endsWith(".pdf");
    }

    private double meshWidthPt() {
        double w = Math.max(1, columns) * columnPitchPt + permutationCount() * (permutationWidthPt + squarePt);
        return w + (outputPhaseRad == null ? 0 : columnPitchPt * 0.8);
    }

    public double widthPt() {
        return Math.max(340, MARGIN_LEFT_PT + MARGIN_RIGHT_PT + meshWidthPt() + 20);
    }

    public double heightPt() {
        return (title.isEmpty() ? 10 : TITLE_PT) + (modes - 1) * modePitchPt + 2 * modePitchPt + COLOUR_BAR_BLOCK_PT
                + (outputPhaseRad == null ? 0 : 13);
    }

    @Override
    public void draw(Graphics2D g0, Rectangle2D area) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.translate(area.getX(), area.getY());
            g.scale(area.getWidth() / widthPt(), area.getHeight() / heightPt());
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(0, 0, widthPt(), heightPt()));
            drawMesh(g);
        } finally {
            g.dispose();
        }
    }

    private void drawMesh(Graphics2D g) {
        double width = widthPt();
        double top = title.isEmpty() ? 10 : TITLE_PT;
        if (!title.isEmpty()) {
            g.setFont(Style.TITLE_FONT);
            g.setColor(Color.BLACK);
            drawCentred(g, title, width / 2, 18);
        }
        double y0 = top + modePitchPt;
        double meshWidth = meshWidthPt();
        double x0 = MARGIN_LEFT_PT + (width - MARGIN_LEFT_PT - MARGIN_RIGHT_PT - meshWidth) / 2;
        double x1 = x0 + meshWidth;

        // horizontal layout: [permutation + gap] column, [permutation + gap] column, ..., [output screen]
        double[] permStart = new double[columns];
        double[] columnCentre = new double[columns];
        double cursor = x0;
        for (int c = 0; c < columns; c++) {
            permStart[c] = Double.NaN;
            if (permutationBefore[c] != null) {
                permStart[c] = cursor;
                cursor += permutationWidthPt + squarePt;
            }
            columnCentre[c] = cursor + columnPitchPt / 2;
            cursor += columnPitchPt;
        }
        double screenX = cursor + columnPitchPt * 0.4;

        Font labelFont = new Font(Style.FONT_FAMILY, Font.PLAIN, (int) Math.max(6, Math.min(10, modePitchPt * 0.6)));
        g.setFont(labelFont);
        g.setStroke(new BasicStroke(1.0f));
        Color waveguide = new Color(0x444444);
        for (int m = 0; m < modes; m++) {
            double y = y0 + m * modePitchPt;
            g.setColor(waveguide);
            double from = x0 - 12;
            for (int c = 0; c < columns; c++) {
                if (permutationBefore[c] != null) {
                    g.draw(new Line2D.Double(from, y, permStart[c], y));
                    from = permStart[c] + permutationWidthPt;
                }
            }
            g.draw(new Line2D.Double(from, y, x1 + 12, y));
            g.setColor(Color.DARK_GRAY);
            drawRight(g, Integer.toString(m), x0 - 16, y);
            drawLeft(g, Integer.toString(m), x1 + 16, y);
        }
        // crossings: waveguide i after the permutation carries what waveguide perm[i] carried before it
        g.setColor(waveguide);
        g.setStroke(new BasicStroke(0.8f));
        for (int c = 0; c < columns; c++) {
            int[] perm = permutationBefore[c];
            if (perm == null) {
                continue;
            }
            double xa = permStart[c];
            double xb = xa + permutationWidthPt;
            double xm = (xa + xb) / 2;
            for (int i = 0; i < modes; i++) {
                double ya = y0 + perm[i] * modePitchPt;
                double yb = y0 + i * modePitchPt;
                Path2D.Double path = new Path2D.Double();
                path.moveTo(xa, ya);
                path.curveTo(xm, ya, xm, yb, xb, yb);
                g.draw(path);
            }
        }
        g.setFont(new Font(Style.FONT_FAMILY, Font.PLAIN, 9));
        g.setColor(Color.DARK_GRAY);
        drawCentred(g, "in", x0 - 20, top + modePitchPt * 0.2);
        drawCentred(g, "out", x1 + 20, top + modePitchPt * 0.2);

        double boxWidth = columnPitchPt * 0.62;
        BasicStroke outline = new BasicStroke(0.6f);
        for (MeshCell c : cells) {
            double cx = columnCentre[c.column()];
            double yTop = y0 + c.topMode() * modePitchPt;
            double yBottom = yTop + modePitchPt;
            double pad = modePitchPt * 0.28;
            RoundRectangle2D box = new RoundRectangle2D.Double(cx - boxWidth / 2, yTop - pad, boxWidth,
                    modePitchPt + 2 * pad, 4, 4);
            g.setColor(ColorMaps.phase(c.thetaRad()));
            g.fill(box);
            g.setColor(new Color(0x333333));
            g.setStroke(outline);
            g.draw(box);
            // the two waveguides couple inside the MZI: drawn as a crossing
            Path2D.Double cross = new Path2D.Double();
            double xa = cx - boxWidth / 2;
            double xb = cx + boxWidth / 2;
            cross.moveTo(xa, yTop);
            cross.curveTo(cx, yTop, cx, yBottom, xb, yBottom);
            cross.moveTo(xa, yBottom);
            cross.curveTo(cx, yBottom, cx, yTop, xb, yTop);
            g.setColor(new Color(0x222222, false));
            g.setStroke(new BasicStroke(0.7f));
            g.draw(cross);
            // external phase shifter on the upper input arm
            Rectangle2D square = new Rectangle2D.Double(xa - squarePt - 1.5, yTop - squarePt / 2, squarePt, squarePt);
            g.setColor(ColorMaps.phase(c.phiRad()));
            g.fill(square);
            g.setColor(new Color(0x333333));
            g.setStroke(outline);
            g.draw(square);
        }
        if (outputPhaseRad != null) {
            for (int m = 0; m < modes; m++) {
                double y = y0 + m * modePitchPt;
                Rectangle2D square = new Rectangle2D.Double(screenX - squarePt / 2, y - squarePt / 2, squarePt,
                        squarePt);
                g.setColor(ColorMaps.phase(outputPhaseRad[m]));
                g.fill(square);
                g.setColor(new Color(0x333333));
                g.setStroke(outline);
                g.draw(square);
            }
        }
        g.setFont(new Font(Style.FONT_FAMILY, Font.PLAIN, 9));
        g.setColor(Color.DARK_GRAY);
        double yLast = y0 + (modes - 1) * modePitchPt;
        int permutations = permutationCount();
        drawCentred(g, cells.size() + " MZIs, " + columns + " columns, " + modes + " modes"
                        + (permutations > 0 ? ", " + permutations + " waveguide permutations (crossings)" : ""),
                width / 2, yLast + modePitchPt * 0.75 + 6);
        drawColourBar(g, width, yLast + modePitchPt + 14);
    }

    private void drawColourBar(Graphics2D g, double width, double y) {
        double barWidth = Math.min(260, width - 80);
        double bx = (width - barWidth) / 2;
        double barHeight = 9;
        int steps = 180;
        for (int i = 0; i < steps; i++) {
            double phase = 2 * Math.PI * (i + 0.5) / steps;
            g.setColor(ColorMaps.phase(phase));
            g.fill(new Rectangle2D.Double(bx + barWidth * i / steps, y, barWidth / steps + 0.3, barHeight));
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(bx, y, barWidth, barHeight));
        String[] ticks = {"0", "π/2", "π", "3π/2", "2π"};
        g.setFont(Style.TICK_FONT);
        g.setColor(Color.BLACK);
        for (int i = 0; i < ticks.length; i++) {
            double x = bx + barWidth * i / 4.0;
            g.draw(new Line2D.Double(x, y + barHeight, x, y + barHeight + 3));
            drawCentred(g, ticks[i], x, y + barHeight + 11);
        }
        g.setFont(Style.LEGEND_FONT);
        drawCentred(g, "Phase (rad): box = θ (internal), small square = φ (external)", width / 2,
                y + barHeight + 26);
        if (outputPhaseRad != null) {
            drawCentred(g, "column of squares after the last MZI = output phase screen", width / 2,
                    y + barHeight + 39);
        }
    }

    private static void drawCentred(Graphics2D g, String s, double x, double yMiddle) {
        FontMetrics fm = g.getFontMetrics();
        float w = fm.stringWidth(s);
        g.drawString(s, (float) (x - w / 2), (float) (yMiddle + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    private static void drawRight(Graphics2D g, String s, double xRight, double yMiddle) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) (xRight - fm.stringWidth(s)), (float) (yMiddle + (fm.getAscent() - fm.getDescent())
                / 2.0));
    }

    private static void drawLeft(Graphics2D g, String s, double xLeft, double yMiddle) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) xLeft, (float) (yMiddle + (fm.getAscent() - fm.getDescent()) / 2.0));
    }
}
