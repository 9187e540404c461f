package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
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
        StringWriter err = new StringWriter();
        // a 16-port Clements tile loses ~40 dB on its worst path: at 0 dB margin one laser line would need watts
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "sweep", "-a", "mzi-clements",
                "-w", "digits-mlp", "--vary", "mesh_size=8:16:8", "--set", "laser_margin_db=0", "-o", out.toString());
        assertEquals(0, code, err.toString());
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
    }
}
