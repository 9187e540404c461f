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
}
