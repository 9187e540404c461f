package org.phodex.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGraphics2D;
import com.lowagie.text.pdf.PdfWriter;
import org.jfree.chart.ui.Drawable;

/**
 * Writes a figure as a one-page PDF whose text is text in the figure's own font, embedded (as a subset): the
 * sans-serif face the PNG is drawn with (DejaVu Sans on Linux, Java's logical "SansSerif"), found among the
 * usual font folders. Where no such font file exists, {@link #fonts()} is empty and the caller draws text as
 * outlines instead.
 */
final class EmbeddedFontPdf {
    private static final List<String> FOLDERS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF", "/usr/local/share/fonts", "/Library/Fonts", System.getProperty("user.home")
                    + "/Library/Fonts");

    /** The regular and bold font files, when present. */
    record Fonts(Path regular, Path bold) {
    }

    private EmbeddedFontPdf() {
    }

    static Optional<Fonts> fonts() {
        for (String folder : FOLDERS) {
            Path r = Path.of(folder, "DejaVuSans.ttf");
            Path b = Path.of(folder, "DejaVuSans-Bold.ttf");
            if (Files.isRegularFile(r) && Files.isRegularFile(b)) {
                return Optional.of(new Fonts(r, b));
            }
        }
        return Optional.empty();
    }

    static byte[] write(Drawable drawing, double widthPt, double heightPt, String title, Fonts fonts)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(new Rectangle((float) widthPt, (float) heightPt), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.addAuthor("phodex");
            doc.open();
            PdfContentByte cb = writer.getDirectContent();
            Graphics2D g = new PdfGraphics2D(cb, (float) widthPt, (float) heightPt, new Mapper(fonts), false, false,
                    0.95f);
            try {
                drawing.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
            } finally {
                g.dispose();
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Every AWT font of the figure to the embedded regular or bold face. */
    private static final class Mapper implements FontMapper {
        private final Fonts files;
        private BaseFont regular;
        private BaseFont bold;

        Mapper(Fonts files) {
            this.files = files;
        }

        @Override
        public BaseFont awtToPdf(Font font) {
            try {
                if (font.isBold()) {
                    if (bold == null) {
                        bold = BaseFont.createFont(files.bold().toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                    }
                    return bold;
                }
                if (regular == null) {
                    regular = BaseFont.createFont(files.regular().toString(), BaseFont.IDENTITY_H,
                            BaseFont.EMBEDDED);
                }
                return regular;
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("cannot embed " + files + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Font pdfToAwt(BaseFont font, int size) {
            return new Font(Style.FONT_FAMILY, Font.PLAIN, size);
        }
    }
}
