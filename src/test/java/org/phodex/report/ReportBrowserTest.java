package org.phodex.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens the report of a real (synthetic-evaluator) search in headless Chromium: no console errors, one plotted
 * point per row of pareto.csv, a real mouse click on a Pareto design shows its breakdown (checked against the
 * CSV), brushing the parallel coordinates rings the same designs on the Pareto plot. Leaves a screenshot in
 * {@code target/report-browser-test.png}.
 */
class ReportBrowserTest {
    @TempDir
    Path tmp;

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .build())) {
            return p.getRecords();
        }
    }

    /** Polls every 50 ms; fails naming what it waited for. */
    static void waitFor(int seconds, java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                org.junit.jupiter.api.Assertions.fail("waited " + seconds + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theReportWorksInARealBrowser() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, RunFolders.search(tmp, dir, 16, 6).code());
        List<CSVRecord> pareto = csv(dir.resolve("pareto.csv"));
        List<CSVRecord> evaluations = csv(dir.resolve("evaluations.csv"));
        ChromeDriver d = Chromium.start(tmp, 1400, 1500);
        try {
            d.get(dir.resolve(RunReport.FILE).toUri().toString());
            waitFor(30, () -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")),
                    "the page's script to finish");
            waitFor(30, () -> d.executeScript("return window.phodexReport.finishedMs()") != null,
                    "the charts to finish rendering");

            // every Pareto design is plotted, once
            assertEquals((long) pareto.size(), d.executeScript("return window.phodexReport.frontPoints()"));
            assertTrue(d.findElement(By.id("verdict")).getText().contains("no verdict yet"));

            // a real click on the Pareto design farthest from its neighbours
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) d.executeScript("""
                    var r = window.phodexReport, n = r.frontRows(), best = null, bestGap = -1;
                    for (var k = 0; k < n; k++) {
                      var p = r.frontPixel(k), gap = Infinity;
                      for (var j = 0; j < n; j++) { if (j !== k) { var q = r.frontPixel(j);
                        gap = Math.min(gap, Math.hypot(p.x - q.x, p.y - q.y)); } }
                      if (gap > bestGap) { bestGap = gap; best = p; }
                    }
                    return best;""");
            new Actions(d).moveToLocation(((Number) target.get("x")).intValue(), ((Number) target.get("y")).intValue())
                    .pause(Duration.ofMillis(200)).click().perform();
            long row = ((Number) target.get("row")).longValue();
            waitFor(10, () -> Long.valueOf(row).equals(d.executeScript("return window.phodexReport.shownRow()")),
                    "the clicked design's details");
            String detail = d.findElement(By.id("detail")).getText();
            assertTrue(detail.contains("Energy breakdown") && detail.contains("Link budget"), detail);

            // the breakdown drawn is that design's, as pareto.csv has it (front rows come first, in file order)
            CSVRecord design = pareto.get((int) row);
            assertTrue(detail.contains("#" + design.get("eval_id")), detail);
            @SuppressWarnings("unchecked")
            List<Object> bars = (List<Object>) d.executeScript("return echarts.getInstanceByDom("
                    + "document.getElementById('breakdown')).getOption().series[0].data");
            List<String> components = List.of("laser", "adc", "tuning");
            assertEquals(components.size(), bars.size());
            for (int i = 0; i < components.size(); i++) {
                double expected = Double.parseDouble(design.get("breakdown_" + components.get(i) + "_j"));
                assertEquals(expected, ((Number) bars.get(i)).doubleValue(), 1e-4 * expected, components.get(i));
            }
            String command = d.findElement(By.id("command")).getText();
            assertTrue(command.startsWith("phodex evaluate -a ") && command.contains(" -w synthetic --seed 5")
                    && command.contains("--set laser_margin_db=" + design.get("laser_margin_db")), command);

            // brushing mesh_size in [4, 20] on the parallel coordinates rings those designs on the Pareto plot
            long brushed = (Long) d.executeScript("""
                    var par = echarts.getInstanceByDom(document.getElementById('parallel'));
                    var axis = par.getOption().parallelAxis.filter(function (a) { return a.name === 'mesh_size'; })[0];
                    par.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: axis.id, intervals: [[4, 20]] });
                    return window.phodexReport.brushedRows().length;""");
            long expected = evaluations.stream().filter(r -> r.get("feasible").equals("true")
                    && Double.parseDouble(r.get("mesh_size")) <= 20).count();
            assertEquals(expected, brushed, "feasible designs with mesh_size <= 20");
            assertEquals(brushed, d.executeScript("""
                    var p = echarts.getInstanceByDom(document.getElementById('pareto'));
                    return p.getOption().series.filter(function (s) { return s.id === 'brushed'; })[0].data.length;"""));

            // a verdict with no photonic design within the tolerance names the closest one and the digital best
            Files.writeString(dir.resolve("verdict.json"), """
                    {"workload": "synthetic", "float_accuracy": 0.975, "tolerance": 0.5, "best": null,
                     "closest": {"architecture": "mrr-bank", "energy_j": 2.6e-8, "accuracy": 0.957},
                     "digital_best": {"architecture": "digital-systolic", "energy_j": 1.18e-9, "accuracy": 0.98},
                     "baselines": [], "more_accurate_than_float": {"claimed": false, "p_value": 0.5}}
                    """);
            Path withVerdict = tmp.resolve("with-verdict.html");
            assertEquals(0, org.phodex.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(new java.io.StringWriter()), "report", dir.toString(), "-o",
                    withVerdict.toString()));
            d.get(withVerdict.toUri().toString());
            waitFor(30, () -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")),
                    "the report with a verdict");
            String verdictText = d.findElement(By.id("verdict")).getText();
            assertTrue(verdictText.contains("No photonic design is within the tolerance")
                    && verdictText.contains("Closest: mrr-bank, 26.0 nJ per inference, accuracy 95.70 %")
                    && verdictText.contains("Lowest-energy digital design within the tolerance: digital-systolic"),
                    verdictText);

            Path shot = Path.of("target", "report-browser-test.png");
            Files.createDirectories(shot.getParent());
            Files.copy(d.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);

            List<String> errors = new ArrayList<>();
            for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(e.getMessage());
                }
            }
            assertEquals(List.of(), errors, "console errors");
        } finally {
            d.quit();
        }
    }
}
