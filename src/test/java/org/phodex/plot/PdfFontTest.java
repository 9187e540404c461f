package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 13: a figure's PDF keeps its text as text, in the figure's font, embedded. */
class PdfFontTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void pdfTextIsTextInAnEmbeddedFont() throws IOException {
        assumeTrue(EmbeddedFontPdf.fonts().isPresent(), "DejaVu Sans is not installed here");
        DesignPoint a = new DesignPoint("", "mzi-clements", Map.of("adc_bits", "6"), true, 2e-9, 0.9, 0.05,
                1e-12, Map.of(), "k1");
        DesignPoint b = new DesignPoint("", "mzi-clements", Map.of("adc_bits", "7"), true, 5e-9, 0.95, 0.05,
                2e-12, Map.of(), "k2");
        RunInfo info = new RunInfo("run", "digits-mlp", List.of("mzi-clements"), "1", List.of(),
                Optional.of(new RunInfo.Baseline("H100", 1.6e-6)), Optional.empty(), 0.975, 2368);
        Figure f = ParetoFigure.create("pareto", List.of(a, b), List.of(a, b), info, "µ test");
        Path pdf = Figure.writePdf(f.drawing(), f.widthPt(), f.heightPt(), tmp.resolve("p.pdf"));
        String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("/FontFile2"), "a TrueType font program is embedded");
        assertTrue(raw.contains("DejaVuSans"), "the figure's own font");
        assertTrue(raw.contains("DejaVuSans-Bold"), "and its bold face (the title)");
        assertTrue(raw.contains("Tj") || raw.contains("TJ") || raw.contains("/Type0"), "text operators");
        assertFalse(raw.contains("/Helvetica"), "no substituted standard font");
    }
}
