package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFiguresTest {
    @TempDir
    Path tmp;

    @Test
    void oneParameterSweepDrawsAccuracyAndEnergyLines() throws IOException {
        Fixtures.writeSweep(tmp, false);
        List<Path> files = RunFigures.write(tmp);
        assertEquals(12, files.size(), "accuracy, energy and output error, 4 files each: " + files);
        Path plots = tmp.resolve("plots");
        RunFiguresTest.assertFigure(plots, "sweep_accuracy");
        RunFiguresTest.assertFigure(plots, "sweep_energy");
        RunFiguresTest.assertFigure(plots, "sweep_error");
        String acc = Files.readString(plots.resolve("sweep_accuracy.svg"));
        for (String t : List.of("ADC resolution (bits)", "Top-1 accuracy (%)", "mzi-clements", "mrr-bank",
                "float reference 97.2 %")) {
            assertTrue(acc.contains(t), "sweep_accuracy.svg lacks " + t);
        }
        // mzi-butterfly is in the manifest but not in the sweep: no empty legend entry
        assertTrue(!acc.contains("mzi-butterfly"));
        String energy = Files.readString(plots.resolve("sweep_energy.svg"));
        assertTrue(energy.contains("Energy per inference (J, log scale)"));
        assertTrue(energy.contains(Fixtures.BASELINE_NAME));
        CsvTable csv = CsvTable.read(plots.resolve("sweep_accuracy.csv"));
        assertEquals(2 * 7 + 1, csv.size(), "7 ADC settings x 2 architectures + the reference line");
    }

    @Test
    void aSweepOfDesignsNoLaserCanDriveStillDrawsItsAccuracy() throws IOException {
        Fixtures.writeSweep(tmp, true);
        Path csv = tmp.resolve("sweep.csv");
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int energy = header.indexOf("energy_j");
        int feasible = header.indexOf("feasible");
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[energy] = "";
            cells[feasible] = "false";
            out.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(csv, out);
        List<Path> files = RunFigures.write(tmp);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("sweep_accuracy_heatmap")),
                files.toString());
        assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().contains("energy")),
                "no energy map without a buildable design: " + files);
    }

    @Test
    void twoParameterSweepDrawsHeatMapsWithColourScale() throws IOException {
        Fixtures.writeSweep(tmp, true);
        List<Path> files = RunFigures.write(tmp);
        assertEquals(16, files.size(), "2 metrics x 2 architectures x 4 files: " + files);
        Path plots = tmp.resolve("plots");
        RunFiguresTest.assertFigure(plots, "sweep_energy_heatmap_mzi-clements");
        RunFiguresTest.assertFigure(plots, "sweep_accuracy_heatmap_mrr-bank");
        String svg = Files.readString(plots.resolve("sweep_energy_heatmap_mzi-clements.svg"));
        for (String t : List.of("ADC resolution (bits)", "Laser margin (dB)", "Energy per inference (J)", "pJ")) {
            assertTrue(svg.contains(t), "heat map lacks " + t);
        }
        assertEquals(49, CsvTable.read(plots.resolve("sweep_accuracy_heatmap_mrr-bank.csv")).size());
    }

    @Test
    void unknownSweptParameterIsAClearError() throws IOException {
        Fixtures.writeSweep(tmp, false);
        Files.writeString(tmp.resolve("manifest.json"), "{\"kind\": \"sweep\", \"vary\": [\"adc_bitz\"]}");
        PlotInputException e = assertThrows(PlotInputException.class, () -> RunFigures.write(tmp));
        assertTrue(e.getMessage().contains("'adc_bitz'") && e.getMessage().contains("adc_bits"), e.getMessage());
    }

    @Test
    void sweepWithoutVaryInfersTheChangingParameter() throws IOException {
        Fixtures.writeSweep(tmp, false);
        Files.writeString(tmp.resolve("manifest.json"), "{\"kind\": \"sweep\"}");
        RunFigures.write(tmp);
        assertTrue(Files.readString(tmp.resolve("plots/sweep_energy.svg")).contains("ADC resolution"));
    }

    @Test
    void categoricalParameterGetsNamedTicks() throws IOException {
        StringBuilder csv = new StringBuilder(Fixtures.header(false)).append('\n');
        java.util.Random rnd = new java.util.Random(2);
        for (String shifter : List.of("thermo-optic", "mems", "pcm")) {
            Fixtures.Row r = Fixtures.design(rnd, "mzi-clements", 6, 8, 16, 3, shifter, 1, false);
            csv.append(Fixtures.line(r, null, null)).append('\n');
        }
        Files.writeString(tmp.resolve("sweep.csv"), csv);
        Files.writeString(tmp.resolve("manifest.json"), "{\"kind\": \"sweep\", \"vary\": [\"phase_shifter\"]}");
        RunFigures.write(tmp);
        String svg = Files.readString(tmp.resolve("plots/sweep_energy.svg"));
        for (String t : List.of(">thermo-optic<", ">mems<", ">pcm<", "Phase shifter")) {
            assertTrue(svg.contains(t), "sweep_energy.svg lacks " + t);
        }
    }
}
