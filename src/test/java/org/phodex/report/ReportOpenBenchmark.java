package org.phodex.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.phodex.cli.Main;
import org.phodex.cli.Wiring;
import org.phodex.moo.DesignEvaluator;
import org.phodex.search.Evaluators;
import org.phodex.moo.Outcome;
import org.phodex.search.Synthetic;
import org.phodex.spec.Design;

/**
 * How long the report of a 10,000-design search takes to open in headless Chromium (a benchmark, not part of the
 * default suite): {@code mvn -B -ntp -o test -Dtest=ReportOpenBenchmark -Dphodex.bench=report}.
 *
 * <p>The run is real (the search command with 10 genes and the synthetic evaluator), and each design carries the
 * photonic evaluator's columns (energy breakdown, link budget, per-layer error), so the file is as large as a
 * photonic run's. It prints the file size and, for 5 loads, the time from navigation start until every chart has
 * rendered.
 */
@EnabledIfSystemProperty(named = "phodex.bench", matches = "report")
class ReportOpenBenchmark {
    private static final String YAML = Synthetic.YAML.replace("""
              phase_shifter: {choices: [thermo_optic, mems]}
            """, """
              phase_shifter: {choices: [thermo_optic, mems]}
              cores: {choices: [1, 4, 16]}
              wavelengths: {choices: [1, 2, 4, 8]}
              dac_bits: {min: 2, max: 8}
              weight_bits: {min: 4, max: 10}
              modulation_ghz: {choices: [1, 5, 10, 20]}
              coupler_error: {min: 0.001, max: 0.02}
            """);

    @TempDir
    Path tmp;

    /** The synthetic design with the photonic evaluator's extra columns, made up from its energy and accuracy. */
    static Outcome photonicShaped(Design d) {
        Outcome o = Synthetic.evaluate(d);
        double e = o.energyJ();
        LinkedHashMap<String, Object> c = new LinkedHashMap<>(o.columns());
        c.put("energy_per_mac_j", e / 2368);
        c.put("throughput_macs_per_s", 2368 / o.latencyS());
        c.put("relative_error", 1 - o.accuracy());
        c.put("accuracy_std", 0.004);
        c.put("laser_power_w", e * 1e7);
        c.put("received_power_w", e * 3e2);
        c.put("path_loss_db", 3 + d.getInt("mesh_size") * 0.6);
        c.put("mesh_fit_error", 0.0);
        c.put("baseline_ratio", 1.5855694963075767E-6 / e);
        String[] parts = {"dac", "modulator", "detector_tia", "digital", "weight_hold", "weight_program", "sram",
            "dram"};
        for (int i = 0; i < parts.length; i++) {
            c.put("breakdown_" + parts[i] + "_j", e * (i + 1) / 97.0);
        }
        c.put("layer1_relative_error", 0.8 * (1 - o.accuracy()));
        c.put("layer1_snr_db", 20 * o.accuracy());
        c.put("layer2_relative_error", 1.2 * (1 - o.accuracy()));
        c.put("layer2_snr_db", 18 * o.accuracy());
        c.put("infeasible_reason", "");
        return Outcome.of(d, e, o.accuracy(), o.latencyS(), o.areaMm2(), c);
    }

    /**
     * CPU seconds (user + system) used so far by this test's Chromium processes (those started with its profile
     * folder): on a loaded machine, a closer measure of the work a page takes than the wall clock.
     */
    static double chromiumCpuSeconds(Path tmp) throws IOException {
        String profile = tmp.resolve("chromium-profile").toString();
        double ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (!cmd.contains(profile)) {
                        continue;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks / 100.0; // USER_HZ
    }

    /** A real click on a design drawn in ECharts' large mode (over 2,000 points) shows its details too. */
    private static void clickADominatedDesign(ChromeDriver d) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> p = (java.util.Map<String, Object>) d.executeScript("""
                var r = window.phodexReport;
                for (var i = 0; i < 100000; i++) { var q = r.rowPixel(i); if (q && q.series.indexOf('all-') === 0
                    && q.x > 200 && q.y > 300) { return q; } }
                return null;""");
        if (p == null) {
            System.out.println("no dominated design to click");
            return;
        }
        new org.openqa.selenium.interactions.Actions(d).moveToLocation(((Number) p.get("x")).intValue(),
                ((Number) p.get("y")).intValue()).click().perform();
        long row = ((Number) p.get("row")).longValue();
        Object shown = d.executeScript("return window.phodexReport.shownRow()");
        System.out.println("clicked the dominated design in row " + row + " of series " + p.get("series")
                + ": the details show row " + shown);
    }

    @Test
    void openTenThousandDesigns() throws IOException {
        Path arch = tmp.resolve("synth-a.yaml");
        Files.writeString(arch, YAML);
        // -Dphodex.bench.dir=FOLDER keeps the run folder (and reuses it when it is there)
        String keep = System.getProperty("phodex.bench.dir");
        Path dir = keep != null ? Path.of(keep) : tmp.resolve("run");
        DesignEvaluator ev = new DesignEvaluator() {
            @Override
            public Outcome evaluate(Design design) {
                return photonicShaped(design);
            }

            @Override
            public java.util.Map<String, Object> runInfo() {
                return Synthetic.evaluator().runInfo();
            }
        };
        Wiring w = Wiring.defaults().withEvaluators((a, wl, s) -> ev).withResolver(Evaluators.FILES);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Files.exists(dir.resolve("evaluations.csv")) ? 0 : Main.run(w, new PrintWriter(out),
                new PrintWriter(err), "search", "-a", arch.toString(), "-w", "synthetic", "--population", "100",
                "--generations", "1000", "--max-evaluations", "10000", "--seed", "1", "-o", dir.toString());
        if (code != 0) {
            throw new AssertionError(err.toString());
        }
        long rows = Files.lines(dir.resolve("evaluations.csv")).count() - 1;
        long t0 = System.nanoTime();
        RunReport.write(dir);
        double writeS = (System.nanoTime() - t0) / 1e9;
        Path html = dir.resolve(RunReport.FILE);
        System.out.printf(Locale.ROOT, "report of %d designs (%d columns): %.2f MB, written in %.2f s%n", rows,
                Files.readAllLines(dir.resolve("evaluations.csv")).get(0).split(",").length,
                Files.size(html) / 1e6, writeS);
        ChromeDriver d = Chromium.start(tmp, 1400, 1500);
        List<Double> finished = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                double cpu0 = chromiumCpuSeconds(tmp);
                long s = System.nanoTime();
                d.get(html.toUri() + "?load=" + i);
                ReportBrowserTest.waitFor(60, () -> d.executeScript("return window.phodexReport && "
                        + "window.phodexReport.finishedMs()") != null, "the charts");
                double wall = (System.nanoTime() - s) / 1e6;
                double cpu = chromiumCpuSeconds(tmp) - cpu0;
                double nav = ((Number) d.executeScript("return window.phodexReport.finishedMs()")).doubleValue();
                double script = ((Number) d.executeScript("return window.phodexReport.readyMs")).doubleValue();
                long front = (Long) d.executeScript("return window.phodexReport.frontPoints()");
                System.out.printf(Locale.ROOT, "load %d: script done %.0f ms, all charts rendered %.0f ms after "
                        + "navigation start (%.0f ms wall clock incl. WebDriver; Chromium used %.2f s of CPU), %d "
                        + "front points, load average %s%n", i + 1, script, nav, wall, cpu, front,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                finished.add(nav);
                cpus.add(cpu);
                System.out.println("  stages (ms): " + d.executeScript("return JSON.stringify("
                        + "window.phodexReport.stages.map(function (m) { return m[0] + ' ' + Math.round(m[1]); }))"));
                if (i == 0) {
                    clickADominatedDesign(d);
                }
            }
        } finally {
            d.quit();
        }
        finished.sort(Double::compare);
        System.out.printf(Locale.ROOT, "median time to a fully rendered report: %.0f ms (max %.0f ms)%n",
                finished.get(2), finished.get(4));
        cpus.sort(Double::compare);
        System.out.printf(Locale.ROOT, "median Chromium CPU time per load: %.2f s%n", cpus.get(2));
    }
}
