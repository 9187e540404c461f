package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<Fixtures.Row> front;
    static List<Path> written;
    static List<String> notes = new ArrayList<>();

    @BeforeAll
    static void drawRun() throws IOException {
        System.setProperty("java.awt.headless", "true");
        run = tmp.resolve("run");
        front = Fixtures.writeRun(run, 6, 30, false, 42);
        written = RunFigures.write(run, notes::add);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Every figure in the three formats with its CSV; PNG 2400 px wide, PDF a PDF, SVG an SVG. */
    static void assertFigure(Path plots, String name) throws IOException {
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            Path f = plots.resolve(name + "." + ext);
            assertTrue(Files.isRegularFile(f), f + " missing");
            assertTrue(Files.size(f) > 2000, f + " nearly empty");
        }
        assertTrue(CsvTable.read(plots.resolve(name + ".csv")).size() > 0, name + ".csv has no data rows");
        BufferedImage png = ImageIO.read(plots.resolve(name + ".png").toFile());
        assertEquals(2400, png.getWidth(), name + ".png width");
        byte[] pdf = Files.readAllBytes(plots.resolve(name + ".pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(read(plots.resolve(name + ".svg")).contains("<svg"));
    }

    @Test
    void writesParetoConvergenceAndBreakdownInAllFormats() throws IOException {
        Path plots = run.resolve("plots");
        for (String name : List.of("pareto", "convergence", "energy_breakdown")) {
            assertFigure(plots, name);
        }
        assertEquals(12, written.size(), "3 figures x (png, svg, pdf, csv): " + written);
        assertTrue(written.stream().allMatch(Files::isRegularFile));
        assertTrue(notes.isEmpty(), "nothing skipped: " + notes);
    }

    @Test
    void paretoSvgHasAxisLabelsLegendAndReferenceLines() throws IOException {
        String svg = read(run.resolve("plots/pareto.svg"));
        for (String text : List.of("Energy per inference (J, log scale)", "Top-1 accuracy (%)", "mzi-clements",
                "mzi-butterfly", "mrr-bank", "Pareto front", "infeasible", "float reference 97.2 %",
                Fixtures.BASELINE_NAME, "10x less energy", "100x less energy", "digits-mlp")) {
            assertTrue(svg.contains(text), "pareto.svg lacks '" + text + "'");
        }
    }

    @Test
    void paretoCsvHoldsEveryFrontPointAndTheReferenceLines() throws IOException {
        CsvTable csv = CsvTable.read(run.resolve("plots/pareto.csv"));
        Set<String> frontKeys = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (int r = 0; r < csv.size(); r++) {
            kinds.add(csv.text(r, "kind"));
            if (csv.text(r, "kind").equals("front")) {
                frontKeys.add(csv.text(r, "design_key"));
            }
        }
        assertFalse(front.isEmpty());
        for (Fixtures.Row r : front) {
            assertTrue(frontKeys.contains(Fixtures.key(r)), "front design missing from pareto.csv: " + Fixtures.key(r));
        }
        assertTrue(kinds.containsAll(List.of("evaluated", "front", "reference_accuracy", "baseline",
                "baseline_10x", "baseline_100x")), kinds.toString());
        int baselineRow = -1;
        for (int r = 0; r < csv.size(); r++) {
            if (csv.text(r, "kind").equals("baseline_100x")) {
                baselineRow = r;
            }
        }
        assertEquals(Fixtures.BASELINE_J / 100, csv.number(baselineRow, "energy_j"), 1e-20);
    }

    @Test
    void convergenceSvgAndCsv() throws IOException {
        String svg = read(run.resolve("plots/convergence.svg"));
        assertTrue(svg.contains("Hypervolume"));
        assertTrue(svg.contains("Evaluations"));
        CsvTable csv = CsvTable.read(run.resolve("plots/convergence.csv"));
        assertEquals(6, csv.size());
        assertEquals(180, csv.number(5, "evaluations"));
    }

    @Test
    void breakdownBarsSumToEnergyPerMacAndAreCapped() throws IOException {
        String svg = read(run.resolve("plots/energy_breakdown.svg"));
        for (String text : List.of("Energy per MAC (fJ/MAC)", "laser", "ADC", "DAC", "detector + TIA", "DRAM")) {
            assertTrue(svg.contains(text), "energy_breakdown.svg lacks '" + text + "'");
        }
        CsvTable csv = CsvTable.read(run.resolve("plots/energy_breakdown.csv"));
        assertTrue(csv.size() >= 1 && csv.size() <= BreakdownFigure.MAX_BARS, "bars: " + csv.size());
        for (int r = 0; r < csv.size(); r++) {
            double sum = 0;
            for (String c : Fixtures.COMPONENTS) {
                sum += csv.number(r, c + "_fj_per_mac");
            }
            assertEquals(csv.number(r, "total_fj_per_mac"), sum, 1e-9 * sum, "row " + r);
            assertEquals(Fixtures.MACS, csv.number(r, "macs"));
        }
    }

    @Test
    void breakdownFallsBackToEnergyPerMacColumnWithoutManifestMacs() throws IOException {
        Path dir = tmp.resolve("no-manifest");
        Fixtures.writeRun(dir, 3, 20, false, 5);
        Files.delete(dir.resolve("manifest.json"));
        List<String> myNotes = new ArrayList<>();
        RunFigures.write(dir, myNotes::add);
        CsvTable csv = CsvTable.read(dir.resolve("plots/energy_breakdown.csv"));
        assertEquals(Fixtures.MACS, csv.number(0, "macs"), 1e-6);
        assertTrue(myNotes.stream().anyMatch(n -> n.contains("manifest.json")), myNotes.toString());
        assertFalse(read(dir.resolve("plots/pareto.svg")).contains("100x less energy"));
    }

    @Test
    void shapeOnlyWorkloadPlotsRelativeError() throws IOException {
        Path dir = tmp.resolve("shape");
        Fixtures.writeRun(dir, 3, 20, true, 9);
        RunFigures.write(dir);
        String svg = read(dir.resolve("plots/pareto.svg"));
        assertTrue(svg.contains("Relative output error (RMS, lower is better)"));
        assertFalse(svg.contains("Top-1 accuracy"));
        assertFalse(svg.contains("float reference"));
        assertEquals("relative_error", CsvTable.read(dir.resolve("plots/pareto.csv")).columns().get(4));
    }

    @Test
    void missingParetoAndIndicatorsAreNotedNotFatal() throws IOException {
        Path dir = tmp.resolve("partial");
        List<Fixtures.Row> expectedFront = Fixtures.writeRun(dir, 3, 20, false, 11);
        Files.delete(dir.resolve("pareto.csv"));
        Files.delete(dir.resolve("indicators.csv"));
        List<String> myNotes = new ArrayList<>();
        List<Path> files = RunFigures.write(dir, myNotes::add);
        assertTrue(files.contains(dir.resolve("plots/pareto.png")));
        assertFalse(Files.exists(dir.resolve("plots/convergence.png")));
        assertTrue(myNotes.stream().anyMatch(n -> n.contains("indicators.csv")), myNotes.toString());
        CsvTable csv = CsvTable.read(dir.resolve("plots/pareto.csv"));
        long frontRows = 0;
        for (int r = 0; r < csv.size(); r++) {
            frontRows += csv.text(r, "kind").equals("front") ? 1 : 0;
        }
        assertEquals(expectedFront.size(), frontRows, "front recomputed from evaluations.csv");
    }

    @Test
    void missingFolderIsAClearError() {
        Path nowhere = tmp.resolve("does-not-exist");
        PlotInputException e = assertThrows(PlotInputException.class, () -> RunFigures.write(nowhere));
        assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("no such folder"),
                e.getMessage());
    }

    @Test
    void folderWithoutResultsIsAClearError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        PlotInputException e = assertThrows(PlotInputException.class, () -> RunFigures.write(empty));
        assertTrue(e.getMessage().contains("evaluations.csv") && e.getMessage().contains("sweep.csv"),
                e.getMessage());
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        Path dir = tmp.resolve("bad-number");
        Fixtures.writeRun(dir, 2, 10, false, 1);
        Path csv = dir.resolve("evaluations.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] cells = lines.get(2).split(",", -1);
        cells[header.indexOf("energy_j")] = "lots";
        lines.set(2, String.join(",", cells));
        Files.write(csv, lines);
        PlotInputException e = assertThrows(PlotInputException.class, () -> RunFigures.write(dir));
        assertTrue(e.getMessage().contains("evaluations.csv line 3, column energy_j: 'lots' is not a number"),
                e.getMessage());
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("no-energy"));
        Files.writeString(dir.resolve("evaluations.csv"), "eval_id,generation,architecture,adc_bits,feasible,"
                + "accuracy\n0,0,mzi-clements,6,true,0.9\n");
        PlotInputException e = assertThrows(PlotInputException.class, () -> RunFigures.write(dir));
        assertTrue(e.getMessage().contains("missing column energy_j"), e.getMessage());
    }

    @Test
    void truncatedRowAndHeaderOnlyFilesAreClearErrors() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("truncated"));
        Files.writeString(dir.resolve("evaluations.csv"), Fixtures.header(true) + "\n0,0,mzi-clements,6\n");
        PlotInputException e = assertThrows(PlotInputException.class, () -> RunFigures.write(dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("cells"), e.getMessage());

        Files.writeString(dir.resolve("evaluations.csv"), Fixtures.header(true) + "\n");
        e = assertThrows(PlotInputException.class, () -> RunFigures.write(dir));
        assertTrue(e.getMessage().contains("no evaluations yet"), e.getMessage());
    }

    @Test
    void brokenManifestIsAClearError() throws IOException {
        Path dir = tmp.resolve("bad-manifest");
        Fixtures.writeRun(dir, 2, 10, false, 1);
        Files.writeString(dir.resolve("manifest.json"), "{\"workload\": ");
        PlotInputException e = assertThrows(PlotInputException.class, () -> RunFigures.write(dir));
        assertTrue(e.getMessage().contains("manifest.json: not valid JSON"), e.getMessage());
    }
}
