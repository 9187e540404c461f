package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phodex figures --quick}: every gallery figure is written, labelled, and listed from the data. */
class FiguresCommandTest {
    @TempDir
    static Path dir;
    static Path gallery;
    static String out;
    static int code;

    @BeforeAll
    static void generate() {
        gallery = dir.resolve("plots");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        code = Main.run(new PrintWriter(o), new PrintWriter(e), "figures", "--quick", "--threads", "2", "-o",
                gallery.toString());
        out = o + e.toString();
    }

    /** Figure base names per entry folder, and text each SVG must contain (axis labels, legend entries). */
    static final Map<String, Map<String, List<String>>> EXPECTED = Map.of(
            "search-digits-mlp", Map.of(
                    "pareto", List.of("Energy per inference (J, log scale)", "Top-1 accuracy (%)", "Pareto front",
                            "all evaluated (faded)", "100x less energy", "10x less energy", "H100",
                            "float reference"),
                    "convergence", List.of("Evaluations (designs scored)", "Hypervolume"),
                    "energy_breakdown", List.of("Energy per MAC (fJ/MAC)", "controller")), // every family has one
            "sweep-adc-bits", Map.of(
                    "sweep_accuracy", List.of("ADC resolution (bits)", "Top-1 accuracy (%)", "mzi-clements",
                            "mrr-bank", "float reference"),
                    "sweep_energy", List.of("ADC resolution (bits)", "Energy per inference (J, log scale)",
                            "100x less energy"),
                    "sweep_error", List.of("ADC resolution (bits)", "Relative output error")),
            "sweep-margin-adc", Map.of(
                    "sweep_accuracy_heatmap_mzi-clements", List.of("Laser margin (dB)", "ADC resolution (bits)",
                            "Top-1 accuracy (%)"),
                    "sweep_energy_heatmap_mrr-bank", List.of("Laser margin (dB)", "Energy per inference (J)")),
            "sweep-phase-error", Map.of(
                    "sweep_accuracy", List.of("Phase error σ (rad)", "mzi-clements", "mzi-reck"),
                    "sweep_error", List.of("Phase error σ (rad)", "mzi-reck")),
            "mesh-clements-16", Map.of("mesh", List.of("Clements mesh, N = 16", "Phase (rad)",
                    "120 MZIs, 16 columns, 16 modes")),
            "mesh-butterfly-16", Map.of("mesh", List.of("Butterfly mesh, N = 16", "waveguide permutations")));

    @Test
    void everyFigureIsWrittenInThreeFormatsWithItsCsvAndLabels() throws Exception {
        assertEquals(0, code, out);
        EXPECTED.forEach((entry, figures) -> figures.forEach((name, texts) -> {
            try {
                Path base = gallery.resolve(entry);
                for (String ext : List.of("png", "svg", "pdf", "csv")) {
                    Path f = base.resolve(name + "." + ext);
                    assertTrue(Files.isRegularFile(f) && Files.size(f) > (ext.equals("csv") ? 30 : 2000),
                            f + " missing or nearly empty");
                }
                String svg = Files.readString(base.resolve(name + ".svg"), StandardCharsets.UTF_8);
                for (String t : texts) {
                    assertTrue(svg.contains(t), entry + "/" + name + ".svg lacks '" + t + "'");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        assertTrue(Files.isRegularFile(gallery.resolve("search-digits-mlp/data/pareto.csv")));
        // the legend names every architecture that has a design in the figure's data
        String pareto = Files.readString(gallery.resolve("search-digits-mlp/pareto.svg"), StandardCharsets.UTF_8);
        List<String> rows = Files.readAllLines(gallery.resolve("search-digits-mlp/pareto.csv"));
        int arch = List.of(rows.get(0).split(",")).indexOf("architecture");
        long named = rows.stream().skip(1).map(r -> r.split(",")).filter(r -> r.length > arch && !r[arch].isEmpty())
                .map(r -> r[arch]).distinct().peek(a -> assertTrue(pareto.contains(">" + a + "<"), "legend lacks " + a))
                .count();
        assertTrue(named >= 1, "some architecture in pareto.csv");
        assertTrue(Files.isRegularFile(gallery.resolve("sweep-adc-bits/data/sweep.csv")));
    }

    @Test
    void readmeListsEveryFigureWithFindingsFromTheData() throws Exception {
        assertEquals(0, code, out);
        String readme = Files.readString(gallery.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("Quick mode"), "quick galleries say so");
        try (Stream<Path> files = Files.walk(gallery)) {
            for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                assertTrue(readme.contains("`" + png.getFileName() + "`"), "README lacks " + png);
                assertTrue(readme.contains("`" + png.getParent().getFileName() + "/`"), "README lacks folder of "
                        + png);
            }
        }
        // numbers in the README are the data's: the search line gives the evaluations in indicators.csv
        List<String> indicators = Files.readAllLines(gallery.resolve("search-digits-mlp/data/indicators.csv"));
        String[] header = indicators.get(0).split(",");
        String[] last = indicators.get(indicators.size() - 1).split(",");
        int col = List.of(header).indexOf("evaluations");
        assertTrue(readme.contains("- " + last[col] + " designs scored in "), readme);
        long mzis = Files.readAllLines(gallery.resolve("mesh-butterfly-16/mesh.csv")).stream()
                .filter(l -> l.startsWith("mzi,")).count();
        assertTrue(readme.contains("- " + mzis + " MZIs in 4 columns on 16 waveguides"), readme);
        assertFalse(readme.contains("NaN"), readme);
    }

    @Test
    void oneEntryIsRegeneratedAloneAndTheOthersKeepTheirSections() throws Exception {
        assertEquals(0, code, out);
        String before = Files.readString(gallery.resolve("README.md"), StandardCharsets.UTF_8);
        Path searchSection = gallery.resolve("search-digits-mlp/" + FiguresCommand.SECTION);
        String searchBefore = Files.readString(searchSection, StandardCharsets.UTF_8);
        StringWriter o = new StringWriter();
        int c = Main.run(new PrintWriter(o), new PrintWriter(o), "figures", "--quick", "--only", "mesh-butterfly-16",
                "-o", gallery.toString());
        assertEquals(0, c, o.toString());
        assertTrue(o.toString().contains("1 entries made"), o.toString());
        String after = Files.readString(gallery.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(searchBefore, Files.readString(searchSection, StandardCharsets.UTF_8));
        assertTrue(after.contains(searchBefore), "the search's section is still in the index");
        // same entries in the same order
        assertEquals(before.lines().filter(l -> l.startsWith("## ")).toList(),
                after.lines().filter(l -> l.startsWith("## ")).toList());
    }

    @Test
    void anUnknownEntryIsAUsageError() {
        StringWriter o = new StringWriter();
        int c = Main.run(new PrintWriter(o), new PrintWriter(o), "figures", "--quick", "--only", "no-such-entry",
                "-o", dir.resolve("other").toString());
        assertEquals(2, c);
        assertTrue(o.toString().contains("search-mnist-vit"), "lists the entries: " + o);
    }
}
