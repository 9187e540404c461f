package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshDiagramTest {
    @TempDir
    Path tmp;

    @Test
    void drawsSvgWithTitleModesAndPhaseScale() throws IOException {
        Path svg = MeshDiagram.write(Fixtures.clements(16, 1), 16, "Clements mesh, N = 16", tmp.resolve("m.svg"));
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") || text.contains("<svg"));
        for (String t : List.of("Clements mesh, N = 16", "120 MZIs, 16 columns, 16 modes", "θ (internal)",
                "φ (external)", "3π/2", ">15<")) {
            assertTrue(text.contains(t), "mesh svg lacks " + t);
        }
    }

    @Test
    void pngShowsPhaseColoursAtHighResolution() throws IOException {
        // all theta = pi: every box is the darkest colour of the cyclic map
        List<MeshCell> cells = List.of(new MeshCell(0, 0, Math.PI, 0), new MeshCell(1, 1, Math.PI, 0),
                new MeshCell(2, 0, Math.PI, 0));
        Path png = MeshDiagram.write(cells, 3, "", tmp.resolve("sub/m.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        MeshDiagram d = new MeshDiagram(cells, 3, "");
        assertEquals(Math.round(d.widthPt() * Style.PNG_SCALE), image.getWidth());
        Color dark = ColorMaps.phase(Math.PI);
        int matches = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (image.getRGB(x, y) == dark.getRGB()) {
                    matches++;
                }
            }
        }
        assertTrue(matches > 500, "boxes filled with the colour of theta = pi: " + matches);
    }

    @Test
    void rejectsBadCellsAndUnknownFormats() {
        assertThrows(IllegalArgumentException.class,
                () -> new MeshDiagram(List.of(new MeshCell(0, 3, 0, 0)), 4, "t"));
        assertThrows(IllegalArgumentException.class, () -> new MeshDiagram(List.of(), 1, "t"));
        PlotInputException e = assertThrows(PlotInputException.class,
                () -> MeshDiagram.write(Fixtures.clements(4, 1), 4, "t", tmp.resolve("m.jpg")));
        assertTrue(e.getMessage().contains(".svg, .png"), e.getMessage());
    }
}
