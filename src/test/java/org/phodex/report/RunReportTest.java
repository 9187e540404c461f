package org.phodex.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html from real (synthetic-evaluator) run and sweep folders: written where promised, data complete. */
class RunReportTest {
    @TempDir
    Path tmp;

    private static JsonNode data(Path html) throws IOException {
        return new ObjectMapper().readTree(RunFolders.embeddedJson(Files.readString(html)));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .build())) {
            return p.getRecords();
        }
    }

    @Test
    void aSearchEndsByWritingTheReportAndNamingIt() throws IOException {
        Path dir = tmp.resolve("run");
        RunFolders.Result r = RunFolders.search(tmp, dir, 12, 4);
        assertEquals(0, r.code(), r.err());
        Path html = dir.resolve(RunReport.FILE);
        assertTrue(Files.isRegularFile(html));
        List<String> lines = r.out().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains(html.toString()), "the last line names report.html: " + last);
        assertTrue(lines.get(lines.size() - 2).startsWith("plots:"), "beside the plots line: " + r.out());

        JsonNode d = data(html);
        List<CSVRecord> evaluations = csv(dir.resolve("evaluations.csv"));
        List<CSVRecord> pareto = csv(dir.resolve("pareto.csv"));
        assertEquals(evaluations.size(), d.get("n").asInt(), "every evaluated design once (front rows included)");
        int front = 0;
        for (JsonNode f : d.get("front")) {
            front += f.asInt();
        }
        assertEquals(pareto.size(), front, "the front is pareto.csv's rows");
        assertEquals("pareto.csv", d.get("front_source").asText());
        // the front rows come first, in pareto.csv's order, with their energies (5 significant digits)
        for (int i = 0; i < pareto.size(); i++) {
            double e = Double.parseDouble(pareto.get(i).get("energy_j"));
            assertEquals(e, d.get("cols").get("energy_j").get(i).asDouble(), 1e-4 * e);
            JsonNode id = d.get("cols").get("eval_id");
            assertEquals(Long.parseLong(pareto.get(i).get("eval_id")), id.get(i).asLong());
        }
        // parameters keep their exact text: the evaluate command must reproduce the design
        JsonNode margin = d.get("cols").get("laser_margin_db");
        String firstMargin = margin.get("dict").get(margin.get("idx").get(0).asInt()).asText();
        assertEquals(pareto.get(0).get("laser_margin_db"), firstMargin);
        assertEquals("accuracy", d.get("quality").asText());
        assertEquals("5", d.get("evaluate").get("seed").asText());
        assertEquals("synthetic", d.get("evaluate").get("workload").asText());
        assertEquals(5, d.get("manifest").get("seed").asInt());
        assertTrue(d.get("verdict").isNull(), "no verdict.json yet");
        assertEquals(4, d.get("indicators").get("generation").size());
    }

    @Test
    void aSweepGetsAReportWithItsNonDominatedPointsMarked() throws IOException {
        Path dir = tmp.resolve("sweep");
        RunFolders.Result r = RunFolders.sweep(tmp, dir);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(dir.resolve(RunReport.FILE).toString()), r.out());
        JsonNode d = data(dir.resolve(RunReport.FILE));
        List<CSVRecord> rows = csv(dir.resolve("sweep.csv"));
        assertEquals(rows.size(), d.get("n").asInt());
        assertEquals("computed", d.get("front_source").asText());
        // brute force: a feasible point is on the front when no other feasible point is at least as good in both
        for (int i = 0; i < rows.size(); i++) {
            double ei = Double.parseDouble(rows.get(i).get("energy_j"));
            double ai = Double.parseDouble(rows.get(i).get("accuracy"));
            boolean dominated = false;
            for (CSVRecord o : rows) {
                double e = Double.parseDouble(o.get("energy_j"));
                double a = Double.parseDouble(o.get("accuracy"));
                if (o.get("feasible").equals("true") && e <= ei && a >= ai && (e < ei || a > ai)) {
                    dominated = true;
                }
            }
            boolean expected = rows.get(i).get("feasible").equals("true") && !dominated;
            assertEquals(expected ? 1 : 0, d.get("front").get(i).asInt(), "row " + i);
        }
        assertTrue(d.get("indicators").isNull(), "a sweep has no hypervolume history");
    }

    @Test
    void theVerdictIsEmbeddedWhenTheRunHasOne() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, RunFolders.search(tmp, dir, 8, 2).code());
        String verdict = """
                {"workload": "synthetic", "float_accuracy": 0.98, "tolerance": 0.5,
                 "best": {"architecture": "synth-a", "design": {"adc_bits": 8}, "energy_j": 1.2e-9,
                          "accuracy": 0.978, "accuracy_ci95": [0.97, 0.985]},
                 "baselines": [{"name": "electronic-synthetic", "kind": "measured-gpu", "energy_j": 1e-8,
                                "ratio": 8.3, "reaches_100x": false}],
                 "more_accurate_than_float": {"claimed": false, "p_value": 0.41},
                 "dominant_component": "laser", "assumptions": ["no device changed"]}
                """;
        Files.writeString(dir.resolve("verdict.json"), verdict);
        Path out = tmp.resolve("elsewhere/r.html");
        RunFolders.Result r = run("report", dir.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(out.toString()), r.out());
        assertEquals(new ObjectMapper().readTree(verdict), data(out).get("verdict"));
    }

    @Test
    void badFoldersAreOneLineAndExitCode2() throws IOException {
        RunFolders.Result r = run("report", tmp.resolve("nothing-here").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nothing-here") && r.err().strip().lines().count() == 1, r.err());
        Files.createDirectories(tmp.resolve("empty"));
        r = run("report", tmp.resolve("empty").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("neither a run folder"), r.err());
        assertThrows(ReportInputException.class, () -> RunReport.write(tmp.resolve("empty")));
    }

    @Test
    void textInTheDataCannotCloseTheScriptElement() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("note", "</script><script>alert(1)</script><!--");
        String html = RunReport.html(data);
        Matcher m = Pattern.compile("</script>").matcher(html);
        int closes = 0;
        while (m.find()) {
            closes++;
        }
        assertEquals(3, closes, "only the data, library and app elements close");
        assertFalse(html.contains("<!--"));
    }

    @Test
    void theReportLoadsNothingFromOutside() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, RunFolders.search(tmp, dir, 8, 2).code());
        String html = Files.readString(dir.resolve(RunReport.FILE));
        for (String external : List.of("<script src", "<link", "@import", "url(http", "src=\"http", "href=\"http")) {
            assertFalse(html.contains(external), external);
        }
        assertTrue(html.contains("Apache ECharts 5.6.0"));
        assertNotNull(RunReport.class.getResource("echarts-LICENSE.txt"));
        assertNotNull(RunReport.class.getResource("echarts-NOTICE.txt"));
        assertTrue(Files.size(dir.resolve(RunReport.FILE)) < 1_300_000, "library plus a small run");
    }

    private static RunFolders.Result run(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.phodex.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
        return new RunFolders.Result(code, out.toString(), err.toString());
    }
}
