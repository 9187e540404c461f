package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 6 on the real evaluator (functional simulation + cost model, digits-mlp): the run folder, a front that is
 * really the non-dominated set of what was evaluated, thread-count independence, resume equivalence, and the
 * command's usage errors. The issue's own command is run at full size (24 x 6, ~90 evaluations, a few seconds).
 */
class SearchAcceptanceTest {
    @TempDir
    static Path tmp;
    private static Path straight;

    private String out;
    private String err;

    static String[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new String[] {Integer.toString(r.code()), r.out(), r.err()};
    }

    private int exec(String... args) {
        String[] r = run(args);
        out = r[1];
        err = r[2];
        return Integer.parseInt(r[0]);
    }

    /** Without the final re-scoring: these tests check the search's own front (RescoredFrontTest the other). */
    static String[] search(Path dir, int generations, int threads) {
        return run("search", "-a", "mzi-clements", "-a", "mrr-bank", "-w", "digits-mlp", "--population", "24",
                "--generations", Integer.toString(generations), "--seed", "7", "--threads",
                Integer.toString(threads), "--final-chips", "0", "-o", dir.toString());
    }

    @BeforeAll
    static void theIssueCommand() {
        straight = tmp.resolve("straight");
        String[] r = search(straight, 6, 2);
        assertEquals("0", r[0], r[2]);
    }

    @Test
    void writesTheFullRunFolder() throws IOException {
        for (String f : List.of("spec.resolved.yaml", "manifest.json", "evaluations.csv", "pareto.csv",
                "indicators.csv", "plots/pareto.png", "plots/pareto.svg")) {
            assertTrue(Files.size(straight.resolve(f)) > 0, f);
        }
        assertTrue(Files.isDirectory(straight.resolve("checkpoint")));
        try (var s = Files.list(straight.resolve("checkpoint"))) {
            assertTrue(s.findAny().isPresent(), "checkpoint/ is not empty");
        }
        byte[] png = Files.readAllBytes(straight.resolve("plots/pareto.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3));
        assertTrue(Files.readString(straight.resolve("plots/pareto.svg")).contains("<svg"));
        List<String> ind = Files.readAllLines(straight.resolve("indicators.csv"));
        assertEquals(7, ind.size(), "header + one row per generation");
        String spec = Files.readString(straight.resolve("spec.resolved.yaml"));
        assertTrue(spec.contains("mzi-clements") && spec.contains("mrr-bank") && spec.contains("seed: 7"), spec);
    }

    /** Independent check: the front is exactly the non-dominated set of the feasible evaluated designs. */
    @Test
    void paretoRowsAreMutuallyNonDominatedAndAreTheEvaluatedFront() throws IOException {
        Csv ev = Csv.read(straight.resolve("evaluations.csv"));
        Csv pf = Csv.read(straight.resolve("pareto.csv"));
        assertEquals(ev.header, pf.header);
        assertTrue(pf.rows.size() >= 2, "a front, not a point");
        Set<String> evRows = Set.copyOf(ev.lines);
        for (int i = 0; i < pf.rows.size(); i++) {
            assertTrue(evRows.contains(pf.lines.get(i)), "pareto row not in evaluations.csv: " + pf.lines.get(i));
            assertEquals("true", pf.get(i, "feasible"));
        }
        for (int i = 0; i < pf.rows.size(); i++) {
            for (int j = 0; j < pf.rows.size(); j++) {
                assertFalse(i != j && dominates(pf, j, pf, i), pf.lines.get(j) + "\n dominates\n" + pf.lines.get(i));
            }
        }
        // every feasible evaluated design is dominated by (or equal in objectives to) a front member
        for (int k = 0; k < ev.rows.size(); k++) {
            if (!ev.get(k, "feasible").equals("true")) {
                continue;
            }
            boolean covered = false;
            for (int i = 0; i < pf.rows.size() && !covered; i++) {
                covered = dominates(pf, i, ev, k) || (energy(pf, i) == energy(ev, k)
                        && accuracy(pf, i) == accuracy(ev, k));
            }
            assertTrue(covered, "not covered by the front: " + ev.lines.get(k));
        }
    }

    private static double energy(Csv c, int r) {
        return Double.parseDouble(c.get(r, "energy_j"));
    }

    private static double accuracy(Csv c, int r) {
        return Double.parseDouble(c.get(r, "accuracy"));
    }

    /** Energy minimized, accuracy maximized. */
    private static boolean dominates(Csv a, int i, Csv b, int j) {
        double ea = energy(a, i);
        double eb = energy(b, j);
        double aa = accuracy(a, i);
        double ab = accuracy(b, j);
        return ea <= eb && aa >= ab && (ea < eb || aa > ab);
    }

    @Test
    void oneThreadOrTwoGiveTheSameFront() throws IOException {
        Path one = tmp.resolve("one-thread");
        String[] r = search(one, 6, 1);
        assertEquals("0", r[0], r[2]);
        assertEquals(Csv.read(straight.resolve("pareto.csv")).without("eval_time_s"),
                Csv.read(one.resolve("pareto.csv")).without("eval_time_s"));
        assertEquals(Csv.read(straight.resolve("evaluations.csv")).without("eval_time_s"),
                Csv.read(one.resolve("evaluations.csv")).without("eval_time_s"));
    }

    @Test
    void threeGenerationsThenResumeToSixGiveTheSameFront() throws IOException {
        Path split = tmp.resolve("split");
        String[] r = search(split, 3, 2);
        assertEquals("0", r[0], r[2]);
        assertEquals(4, Files.readAllLines(split.resolve("indicators.csv")).size());
        assertEquals(0, exec("resume", split.toString(), "--generations", "6"), err);
        assertEquals(Csv.read(straight.resolve("pareto.csv")).without("eval_time_s"),
                Csv.read(split.resolve("pareto.csv")).without("eval_time_s"));
        assertEquals(Csv.read(straight.resolve("evaluations.csv")).without("eval_time_s"),
                Csv.read(split.resolve("evaluations.csv")).without("eval_time_s"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-w no-such-workload | unknown workload",
        "-a no-such-architecture | no architecture named",
        "--population 2 | --population",
        "--population many | many",
        "--generations 0 | --generations",
        "--threads 0 | --threads",
        "--time-limit soon | not a duration",
        "--objectives energy,acuracy | did you mean 'accuracy'",
        "--objectives energy | --objectives",
        "-w resnet18 --objectives energy,accuracy | shape-only"})
    void malformedSearchOptionsExitTwoWithOneMessage(String options, String hint) {
        List<String> a = new ArrayList<>(List.of("search", "-o", tmp.resolve("bad").toString()));
        a.addAll(List.of(options.split(" ")));
        assertEquals(2, exec(a.toArray(String[]::new)), out + err);
        assertTrue(err.contains(hint), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertFalse(Files.exists(tmp.resolve("bad/evaluations.csv")), "nothing was searched");
    }

    @Test
    void resumeOfAFolderWithoutACheckpointExitsTwo() {
        assertEquals(2, exec("resume", tmp.resolve("nothing-here").toString()));
        assertTrue(err.contains("no checkpoint"), err);
    }

    /** A minimal CSV reader (quoted fields may hold commas: the design key does). */
    static final class Csv {
        final List<String> header;
        final List<List<String>> rows = new ArrayList<>();
        final List<String> lines;

        private Csv(List<String> all) {
            header = split(all.get(0));
            lines = all.subList(1, all.size());
            for (String l : lines) {
                rows.add(split(l));
            }
        }

        static Csv read(Path p) throws IOException {
            return new Csv(Files.readAllLines(p));
        }

        String get(int row, String column) {
            int c = header.indexOf(column);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            return rows.get(row).get(c);
        }

        /** The table as text with one column left out. */
        String without(String column) {
            int c = header.indexOf(column);
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            return all.stream().map(r -> {
                List<String> k = new ArrayList<>(r);
                if (c >= 0) {
                    k.remove(c);
                }
                return String.join("|", k);
            }).collect(Collectors.joining("\n"));
        }

        static List<String> split(String line) {
            List<String> f = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    f.add(sb.toString());
                    sb.setLength(0);
                } else {
                    sb.append(ch);
                }
            }
            f.add(sb.toString());
            return f;
        }

        Map<String, String> row(int r) {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), rows.get(r).get(c));
            }
            return m;
        }
    }
}
