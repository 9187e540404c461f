package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void badFolderExitsTwoWithOneMessage() {
        CliRun r = run("plot", tmp.resolve("nope").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("phodex: ") && r.err().contains("no such folder"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void plotsARunFolderAndListsTheFiles() throws Exception {
        Files.writeString(tmp.resolve("evaluations.csv"),
                "eval_id,generation,architecture,adc_bits,feasible,energy_j,accuracy,design_key\n"
                        + "0,0,mzi-clements,4,true,2e-10,0.85,a\n"
                        + "1,0,mzi-clements,6,true,5e-10,0.95,b\n"
                        + "2,0,mzi-clements,8,false,9e-10,0.96,c\n");
        CliRun r = run("plot", tmp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pareto.png") && r.out().contains("pareto.svg")
                && r.out().contains("pareto.pdf") && r.out().contains("pareto.csv"), r.out());
        assertTrue(r.err().contains("note:"), "skipped figures are noted: " + r.err());
        assertTrue(Files.size(tmp.resolve("plots/pareto.png")) > 1000);
    }
}
