package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixes made while checking real search and sweep figures. */
class FigureFixesTest {
    @TempDir
    Path tmp;

    private static DesignPoint point(String arch, boolean feasible, double energyJ, double accuracy,
                                     Map<String, Double> breakdown) {
        return new DesignPoint("", arch, Map.of("adc_bits", "6"), feasible, energyJ, accuracy, 0.05, energyJ / 2368,
                breakdown, arch + energyJ);
    }

    private static RunInfo info() {
        return new RunInfo("run", "digits-mlp", List.of("mzi-clements"), "1", List.of(),
                Optional.of(new RunInfo.Baseline("H100", 1.6e-6)), Optional.of(new RunInfo.Baseline("H100 b1", 8e-3)),
                0.975, 2368);
    }

    @Test
    void absurdInfeasibleDesignsSitAtTheEdgeInsteadOfStretchingTheEnergyAxis() throws IOException {
        List<DesignPoint> evaluated = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            evaluated.add(point("mzi-clements", true, 2e-9 * (1 + i), 0.5 + 0.02 * i, Map.of()));
        }
        evaluated.add(point("mzi-clements", false, 3e-7, 0.9, Map.of()));      // near: drawn where it is
        evaluated.add(point("mzi-clements", false, 4e19, 0.1, Map.of()));      // absurd: off scale
        Figure f = ParetoFigure.create("pareto", evaluated, evaluated.subList(0, 20), info(), "t");
        XYPlot plot = ((JFreeChart) f.drawing()).getXYPlot();
        double upper = plot.getDomainAxis().getUpperBound();
        assertTrue(upper < 1, "energy axis reaches " + upper + " J");
        assertTrue(upper > 8e-3, "the batch-1 baseline (8 mJ) stays in view: " + upper);
        assertTrue(plot.getDomainAxis().getLowerBound() < 1.6e-8, "the 100x line stays in view");
        long off = f.data().rows().stream().filter(r -> r.get(0).equals("infeasible_off_scale")).count();
        long near = f.data().rows().stream().filter(r -> r.get(0).equals("infeasible")).count();
        assertEquals(1, off);
        assertEquals(1, near);
        Path svg = Figure.writeSvg(f.drawing(), f.widthPt(), f.heightPt(), tmp.resolve("p.svg"));
        String text = Files.readString(svg);
        assertTrue(text.contains("1 infeasible off scale"), "legend names the off-scale design");
        assertTrue(text.contains("4e+19 J"), "legend gives how far off scale it is (no exa prefix: docs/cli.md, units)");
        assertTrue(text.contains("100x less energy") && text.contains("10x less energy"));
        assertTrue(text.contains("float reference 97.5 %"));
    }

    @Test
    void colourBarOfANarrowRangeStillHasSeveralTicks() {
        List<Double> t = Log10ValueAxis.tickLogs(Math.log10(1.29e-6), Math.log10(2.57e-6));
        assertTrue(t.size() >= 3 && t.size() <= 8, t.toString());
        for (double v : t) {
            double mantissa = Math.pow(10, v) / 1e-6;
            assertEquals(Math.round(mantissa * 10) / 10.0, mantissa, 1e-9, "round value " + mantissa);
        }
    }

    @Test
    void breakdownLegendSkipsComponentsThatAreZeroEverywhere() {
        DesignPoint a = point("mzi-clements", true, 2e-9, 0.9, Map.of("laser", 1e-9, "weight_hold", 0.0,
                "sram", 1e-9));
        assertEquals(List.of("laser", "sram"), BreakdownFigure.components(List.of(a)));
    }

    @Test
    void sweepsOfTwoArchitecturesJoinIntoOneFigureWithALinePerArchitecture() throws IOException {
        Fixtures.writeSweep(tmp.resolve("a"), false);
        Path b = tmp.resolve("b");
        Files.createDirectories(b);
        // a second architecture with one parameter column the first lacks
        Files.writeString(b.resolve("sweep.csv"), "architecture,adc_bits,ring_q,feasible,energy_j,accuracy,"
                + "relative_error,design_key\n"
                + "mzi-reck,4,5000,true,2e-8,0.80,0.1,k1\n"
                + "mzi-reck,6,5000,true,3e-8,0.95,0.03,k2\n");
        Files.writeString(b.resolve("manifest.json"), "{\"kind\": \"sweep\", \"vary\": [\"adc_bits\"], "
                + "\"architectures\": [\"mzi-reck\"], \"workload\": \"digits-mlp\"}");
        Path merged = tmp.resolve("merged");
        int rows = SweepMerge.merge(List.of(tmp.resolve("a"), b), merged);
        CsvTable a = CsvTable.read(tmp.resolve("a/sweep.csv"));
        CsvTable m = CsvTable.read(merged.resolve("sweep.csv"));
        assertEquals(a.size() + 2, rows);
        assertEquals(rows, m.size());
        assertTrue(m.has("ring_q") && m.has("mesh_size"), m.columns().toString());
        assertEquals("", m.text(0, "ring_q"));
        assertEquals("5000", m.text(rows - 1, "ring_q"));
        RunInfo info = RunInfo.read(merged.resolve("manifest.json"), "sweep");
        assertTrue(info.architectures().contains("mzi-reck"), info.architectures().toString());
        RunFigures.write(merged);
        String svg = Files.readString(merged.resolve("plots/sweep_accuracy.svg"));
        assertTrue(svg.contains("mzi-reck") && svg.contains("mzi-clements"), "one line per architecture");
        assertTrue(Files.size(merged.resolve("plots/sweep_error.png")) > 2000, "error figure beside accuracy");
        assertTrue(Files.readString(merged.resolve("plots/sweep_error.svg")).contains("Relative output error"));
        List<String> notes = GalleryNotes.sweep1d(merged, "adc_bits");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("mzi-reck: accuracy 80.0 % at adc_bits = 4, 95.0 % "
                + "at 6")), notes.toString());
        assertFalse(notes.stream().anyMatch(n -> n.contains("NaN")), notes.toString());
    }
}
