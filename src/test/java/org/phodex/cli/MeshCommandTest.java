package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static double[][] readCsv(Path p) throws Exception {
        List<String> lines = Files.readAllLines(p);
        double[][] m = new double[lines.size()][];
        for (int i = 0; i < m.length; i++) {
            String[] c = lines.get(i).split(",");
            m[i] = new double[c.length];
            for (int j = 0; j < c.length; j++) {
                m[i][j] = Double.parseDouble(c[j]);
            }
        }
        return m;
    }

    @Test
    void clementsExportMatchesTheTarget() throws Exception {
        Path json = dir.resolve("t.json");
        Path target = dir.resolve("u.csv");
        CliRun r = run("mesh", "--layout", "clements", "--size", "16", "--export", json.toString(), "--save-target",
                target.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MZIs: 120, depth: 16"), r.out());
        JsonNode t = new ObjectMapper().readTree(json.toFile());
        double[][] u = readCsv(target);
        assertEquals(16, t.get("re").size());
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                assertEquals(u[i][j], t.get("re").get(i).get(j).asDouble(), 1e-10);
                assertEquals(0, t.get("im").get(i).get(j).asDouble(), 1e-10);
            }
        }
        // the saved target reads back through --matrix with the same result
        Path json2 = dir.resolve("t2.json");
        CliRun again = run("mesh", "--layout", "reck", "--matrix", target.toString(), "--export", json2.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("MZIs: 120, depth: 29"), again.out());
        JsonNode t2 = new ObjectMapper().readTree(json2.toFile());
        assertEquals(u[3][5], t2.get("re").get(3).get(5).asDouble(), 1e-10);
    }

    @Test
    void errorsMoveTheRealizedMatrix() {
        CliRun r = run("mesh", "--layout", "clements", "--size", "8", "--phase-error", "0.05", "--coupler-error", "0.02");
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("max |realized")).findFirst().orElseThrow();
        double err = Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
        assertTrue(err > 1e-3 && err < 1, line);
    }

    @Test
    void readsComplexUnitaryCsv() throws Exception {
        Path csv = dir.resolve("h.csv");
        double s = Math.sqrt(0.5);
        Files.writeString(csv, s + "," + s + "i\n" + s + "i," + s + "\n");
        CliRun r = run("mesh", "--layout", "clements", "--matrix", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MZIs: 1"), r.out());
    }

    @Test
    void nonUnitaryMatrixIsAUsageError() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "1,1\n0,1\n");
        CliRun r = run("mesh", "--layout", "clements", "--matrix", csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not unitary"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void badInputsAreUsageErrors() throws Exception {
        assertEquals(2, run("mesh", "--layout", "butterfly", "--size", "12").code());
        assertEquals(2, run("mesh", "--layout", "clements").code());
        assertEquals(2, run("mesh", "--layout", "hexagonal", "--size", "4").code());
        Path csv = dir.resolve("text.csv");
        Files.writeString(csv, "1,x\n0,1\n");
        CliRun r = run("mesh", "--layout", "clements", "--matrix", csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(":1: column 2"), r.err());
    }

    @Test
    void butterflyReportsItsFitError() {
        CliRun r = run("mesh", "--layout", "butterfly", "--size", "8", "--stacks", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MZIs: 12, depth: 3"), r.out());
        assertTrue(r.out().contains("fit error"), r.out());
    }
}
