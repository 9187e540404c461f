package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshDrawCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void drawsA16ModeClementsMeshInEveryFormatWithItsPhases() throws Exception {
        Path svg = dir.resolve("m.svg");
        Path png = dir.resolve("sub/m.png");
        Path pdf = dir.resolve("m.pdf");
        Path phases = dir.resolve("p.csv");
        CliRun r = run("mesh", "--layout", "clements", "--size", "16", "--seed", "3", "--draw", svg.toString(),
                "--draw", png.toString(), "--draw", pdf.toString(), "--phases", phases.toString());
        assertEquals(0, r.code(), r.err());
        for (Path p : List.of(svg, png, pdf)) {
            assertTrue(Files.size(p) > 5000, p + " nearly empty");
            assertTrue(r.out().contains("mesh drawn to " + p), r.out());
        }
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        for (String t : List.of("Clements mesh, N = 16: random orthogonal target, seed 3",
                "Phase (rad): box = θ (internal)", "120 MZIs, 16 columns, 16 modes", "output phase screen")) {
            assertTrue(text.contains(t), "svg lacks " + t);
        }
        List<String> lines = Files.readAllLines(phases);
        assertEquals("element,column,top_mode,bottom_mode,theta_rad,phi_rad", lines.get(0));
        assertEquals(120, lines.stream().filter(l -> l.startsWith("mzi,")).count());
        assertEquals(16, lines.stream().filter(l -> l.startsWith("output_phase,")).count());
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void butterflyDrawsThePermutationsBetweenStages() throws Exception {
        Path svg = dir.resolve("b.svg");
        CliRun r = run("mesh", "--layout", "butterfly", "--size", "16", "--draw", svg.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("32 MZIs, 4 columns, 16 modes, 4 waveguide permutations (crossings)"), text.length()
                + " chars");
        Path clements = dir.resolve("c.svg");
        assertEquals(0, run("mesh", "--layout", "clements", "--size", "16", "--draw", clements.toString()).code());
        assertFalse(Files.readString(clements).contains("permutations"));
    }

    @Test
    void unknownDrawingFormatIsOneUsageMessageAndWritesNothing() throws Exception {
        Path jpg = dir.resolve("m.jpg");
        Path json = dir.resolve("t.json");
        CliRun r = run("mesh", "--layout", "clements", "--size", "4", "--export", json.toString(), "--draw",
                jpg.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("m.jpg") && r.err().contains(".svg, .png or .pdf"), r.err());
        assertFalse(Files.exists(jpg));
        assertFalse(Files.exists(json), "nothing written before the usage error");
    }
}
