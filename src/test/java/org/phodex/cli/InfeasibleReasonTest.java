package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result files say why a design is infeasible, not only that it is. */
class InfeasibleReasonTest {
    @TempDir
    Path tmp;

    @Test
    void sweepRowsCarryTheReasonOfInfeasibleDesigns() throws Exception {
        Path out = tmp.resolve("s");
        // a 16-port Clements tile loses ~40 dB on its worst path: at 0 dB margin one laser line would need watts
        CliRun run = CliRun.of("sweep", "-a", "mzi-clements", "-w", "digits-mlp", "--vary", "mesh_size=8:16:8",
                "--set", "laser_margin_db=0", "-o", out.toString());
        assertEquals(0, run.code(), run.err());
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(out.resolve("sweep.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        assertEquals(2, rows.size());
        CSVRecord small = rows.get(0);
        CSVRecord large = rows.get(1);
        assertEquals("8", small.get("mesh_size"));
        assertEquals("true", small.get("feasible"));
        assertEquals("", small.get("infeasible_reason"));
        assertEquals("16", large.get("mesh_size"));
        assertEquals("false", large.get("feasible"));
        assertTrue(large.get("infeasible_reason").contains("max_optical_power_w"), large.get("infeasible_reason"));
        // no laser can drive the 16-port design: the CSV keeps its reason and leaves every figure that prices the
        // impossible laser empty, rather than a number of joules no device delivers
        for (String col : List.of("energy_j", "power_w", "energy_per_mac_j", "laser_power_w", "breakdown_laser_j",
                "optical_energy_per_mac_j", "baseline_ratio")) {
            assertEquals("", large.get(col), col);
            assertTrue(Double.parseDouble(small.get(col)) > 0, col + " of the buildable design");
        }
        // what it does price honestly stays: its converters, latency and path loss
        assertTrue(Double.parseDouble(large.get("breakdown_adc_j")) > 0);
        assertTrue(Double.parseDouble(large.get("path_loss_db")) > 39);
        // the sweep's energy figure draws only the buildable design
        try (Reader r = Files.newBufferedReader(out.resolve("plots/sweep_energy.csv"))) {
            List<CSVRecord> plotted = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(r).getRecords().stream().filter(x -> !x.get("mesh_size").isEmpty()).toList();
            assertEquals(1, plotted.size());
            assertEquals("8", plotted.get(0).get("mesh_size"));
        }
    }

    @Test
    void evaluateGivesNoEnergyForADesignNoLaserCanDrive() throws Exception {
        // a 64-port Reck mesh: 2N - 3 = 125 MZIs per unitary on the worst path, hundreds of dB
        CliRun run = CliRun.of("evaluate", "-a", "mzi-reck", "-w", "digits-mlp", "--set", "mesh_size=64", "--chips",
                "1");
        assertEquals(0, run.code(), run.err());
        String text = run.out();
        assertTrue(text.contains("INFEASIBLE: 1 limit broken"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("energy per inference") && l.contains("n/a")), text);
        assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("laser ") && l.contains("n/a")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("power ") && l.contains("n/a")), text);
        // the JSON keeps the link budget's figures for scripts (they show how far off the design is) and says that
        // they price a laser no device can be
        CliRun json = CliRun.of("evaluate", "-a", "mzi-reck", "-w", "digits-mlp", "--set", "mesh_size=64", "--chips",
                "1", "--json");
        assertEquals(0, json.code(), json.err());
        com.fasterxml.jackson.databind.JsonNode o = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out());
        assertFalse(o.get("buildable").asBoolean());
        assertFalse(o.get("feasible").asBoolean());
        // the only joules and watts left are the real lines: nothing near the 1e18 J the impossible laser would cost
        assertTrue(text.lines().filter(l -> !l.startsWith("  - ")).noneMatch(l -> l.matches(".*e\\+\\d\\d [JW].*")),
                text);
    }
}
