package org.phodex.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Drawable;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * One figure: something that draws itself (a JFreeChart or a {@link MeshDiagram}), its printed size in points,
 * and the data it shows. {@link #writeAll} writes {@code name.png}, {@code .svg}, {@code .pdf} and {@code .csv}.
 *
 * @param name     base file name, e.g. "pareto"
 * @param drawing  draws the figure into a rectangle of widthPt x heightPt
 * @param widthPt  printed width in points (1/72 inch)
 * @param heightPt printed height in points
 * @param data     the figure's data, written as CSV beside it
 */
record Figure(String name, Drawable drawing, double widthPt, double heightPt, DataTable data) {

    static {
        // JFreeChart's default draws rotated text (y-axis labels) as glyph outlines; plain drawString keeps it as
        // <text> in SVG (searchable, editable). The workaround was for Java 1.4-era bugs.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Writes the four files into {@code dir} and returns them (png, svg, pdf, csv). */
    List<Path> writeAll(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(writePng(drawing, widthPt, heightPt, dir.resolve(name + ".png")));
        out.add(writeSvg(drawing, widthPt, heightPt, dir.resolve(name + ".svg")));
        out.add(writePdf(drawing, widthPt, heightPt, dir.resolve(name + ".pdf")));
        Path csv = dir.resolve(name + ".csv");
        data.write(csv);
        out.add(csv);
        return out;
    }

    /** PNG drawn {@link Style#PNG_SCALE} times the point size, tagged with the matching resolution (dpi). */
    static Path writePng(Drawable drawing, double widthPt, double heightPt, Path file) throws IOException {
        double scale = Style.PNG_SCALE;
        int w = (int) Math.round(widthPt * scale);
        int h = (int) Math.round(heightPt * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            drawing.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        } finally {
            g.dispose();
        }
        writePngWithDpi(image, 72.0 * scale, file);
        return file;
    }

    /** SVG with text kept as text (searchable, editable), sized in points. */
    static Path writeSvg(Drawable drawing, double widthPt, double heightPt, Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(widthPt, heightPt);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        drawing.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
        return file;
    }

    /**
     * PDF page of the figure's size, text as text in the PNG's font, embedded ({@link EmbeddedFontPdf}). Only
     * where that font file cannot be found is text drawn as vector outlines (the PDF's standard fonts lack the
     * Greek letters and the micro sign).
     */
    static Path writePdf(Drawable drawing, double widthPt, double heightPt, Path file) throws IOException {
        var fonts = EmbeddedFontPdf.fonts();
        if (fonts.isPresent()) {
            Files.write(file, EmbeddedFontPdf.write(drawing, widthPt, heightPt,
                    file.getFileName().toString().replaceFirst("\\.pdf$", ""), fonts.get()));
            return file;
        }
        PDFDocument pdf = new PDFDocument();
        pdf.setTitle(file.getFileName().toString().replaceFirst("\\.pdf$", ""));
        pdf.setAuthor("phodex");
        Page page = pdf.createPage(new Rectangle2D.Double(0, 0, widthPt, heightPt));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        drawing.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        Files.write(file, pdf.getPDFBytes());
        return file;
    }

    private static void writePngWithDpi(BufferedImage image, double dpi, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            double pixelsPerMetre = dpi / 0.0254;
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String ppm = String.format(Locale.ROOT, "%d", Math.round(pixelsPerMetre));
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, meta), param);
            }
        } finally {
            writer.dispose();
        }
    }

    /** Writes one drawing as SVG or PNG (or PDF) according to the file's extension. */
    static Path writeByExtension(Drawable drawing, double widthPt, double heightPt, Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (n.endsWith(".svg")) {
            return writeSvg(drawing, widthPt, heightPt, file);
        } else if (n.endsWith(".png")) {
            return writePng(drawing, widthPt, heightPt, file);
        } else if (n.endsWith(".pdf")) {
            return writePdf(drawing, widthPt, heightPt, file);
        }
        throw new PlotInputException(file + ": unknown figure format; use a file name ending in .svg, .png or .pdf");
    }
}
