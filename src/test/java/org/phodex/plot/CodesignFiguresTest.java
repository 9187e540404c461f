package org.phodex.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodesignFiguresTest {

    @Test
    void oneLinePerArchitectureAndTrainingModeFromASweep(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, String.join("\n",
                "architecture,phase_error_rad,training,feasible,accuracy",
                "mzi-clements,0.0,post-mapping,true,0.97",
                "mzi-clements,0.1,post-mapping,true,0.60",
                "mzi-clements,0.0,noise-aware,true,0.97",
                "mzi-clements,0.1,noise-aware,true,0.80",
                "mzi-butterfly,0.0,,true,0.50",
                "mzi-butterfly,0.1,,false,0.10",
                ""));
        List<String> notes = CodesignFigures.write(csv, "phase_error_rad", "phase error (rad)", false, "t", "fig",
                dir);
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(1).startsWith("mzi-clements, noise-aware: 97.0 % at phase_error_rad = 0.00, 80.0 % at 0.1"),
                notes.get(1));
        assertTrue(notes.get(2).startsWith("mzi-butterfly, post-mapping: 50.0 %"), "empty training is post-mapping, "
                + "infeasible rows left out: " + notes.get(2));
        for (String ext : List.of("png", "svg", "pdf", "csv")) {
            assertTrue(Files.size(dir.resolve("fig." + ext)) > 0, ext);
        }
        List<String> log = CodesignFigures.write(csv, "phase_error_rad", "x", true, "t", "log", dir);
        assertTrue(log.get(0).startsWith("mzi-clements, post-mapping: 60.0 % at phase_error_rad = 0.100"),
                "no x <= 0 on a log axis: " + log.get(0));
        assertEquals(2, log.size(), "butterfly has no feasible positive x: " + log);
    }

    @Test
    void intervalsFromTheSweepAreDrawnAndWrittenBesideEachAccuracy(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, String.join("\n",
                "architecture,laser_margin_db,training,feasible,accuracy,accuracy_ci95_low,accuracy_ci95_high,"
                        + "accuracy_samples,accuracy_chips,detected_photons_per_mac",
                "mzi-clements,-18,post-mapping,true,0.40,0.37,0.43,2000,3,70",
                "mzi-clements,0,post-mapping,true,0.94,0.93,0.95,2000,3,4400",
                "mzi-clements,-18,noise-aware,true,0.52,0.49,0.55,2000,3,70",
                "mzi-clements,0,noise-aware,true,0.94,0.925,0.955,2000,3,4400",
                ""));
        List<String> notes = CodesignFigures.write(csv, "detected_photons_per_mac", "photons", true, "t", "fig",
                dir);
        assertTrue(notes.get(1).startsWith("mzi-clements, noise-aware: 52.0 % (95 % CI 49.0-55.0) at "
                + "detected_photons_per_mac = 70.0"), notes.get(1));
        List<String> lines = Files.readAllLines(dir.resolve("fig.csv"));
        assertEquals("architecture,training,detected_photons_per_mac,accuracy_percent,ci95_low_percent,"
                + "ci95_high_percent,samples,chips,feasible", lines.get(0));
        String[] row = lines.get(3).split(",");
        assertEquals(70.0, Double.parseDouble(row[2]), 1e-12, "the CSV keeps the true x, not the dodged one");
        assertEquals(49.0, Double.parseDouble(row[4]), 1e-9);
        assertEquals("2000", row[6]);
        assertEquals("3", row[7]);
        String svg = Files.readString(dir.resolve("fig.svg"));
        assertTrue(svg.contains("2000 test samples x 3 chips"), "the subtitle says what the intervals rest on");
    }

    @Test
    void infeasibleDesignsAreDrawnOnlyWhenAskedAndThenSayWhy(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, String.join("\n",
                "architecture,phase_error_rad,training,feasible,accuracy,infeasible_reason",
                "mzi-butterfly,0.0,in-mesh,false,0.93,a laser line must launch 5e4 W",
                "mzi-butterfly,0.02,in-mesh,false,0.92,a laser line must launch 5e4 W",
                "mzi-clements,0.0,post-mapping,true,0.94,",
                ""));
        assertEquals(1, CodesignFigures.write(csv, "phase_error_rad", "x", false, "t", "a", dir).size());
        List<String> notes = CodesignFigures.write(csv, "phase_error_rad", "x", false, true, "t", "b", dir);
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("mzi-butterfly, in-mesh (infeasible): 93.0 %"), notes.get(0));
        assertTrue(notes.get(2).contains("a laser line must launch 5e4 W"), notes.get(2));
        assertTrue(Files.readAllLines(dir.resolve("b.csv")).get(1).endsWith(",false"));
    }

    @Test
    void theDodgeIsAFractionOfTheSmallestGridStep() {
        assertEquals(0.02, CodesignFigures.smallestStep(new java.util.TreeSet<>(List.of(0.0, 0.02, 0.06, 0.1))),
                1e-15);
        assertEquals(1.0, CodesignFigures.smallestStep(new java.util.TreeSet<>(List.of(5.0))), 0);
    }
}
