package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.moo.StopSignal;
import org.phodex.search.Evaluators;
import org.phodex.search.Synthetic;

/** The search, resume and sweep commands end to end, in process, with a synthetic evaluator. */
class SearchCommandsTest extends CliTest {
    @TempDir
    Path tmp;
    Path arch;
    /** Synthetic evaluator, the YAML files as they are (synthetic workloads are not repository workloads) and a
     *  constant evaluation clock for byte-identical CSV files; tests replace parts of it. */
    Wiring wiring = Wiring.defaults().withEvaluators((archs, workload, seed) -> Synthetic.evaluator())
            .withResolver(Evaluators.FILES).withEvalClock(() -> 0L);

    @Override
    protected Wiring wiring() {
        return wiring;
    }

    @BeforeEach
    void setUp() throws IOException {
        arch = tmp.resolve("synth-a.yaml");
        Files.writeString(arch, Synthetic.YAML);
    }

    private int search(Path dir, int generations, String... extra) {
        return search(dir, generations, 2, extra);
    }

    private int search(Path dir, int generations, int threads, String... extra) {
        List<String> a = new ArrayList<>(List.of("search", "-a", arch.toString(), "-w", "synthetic",
                "--population", "12", "--generations", Integer.toString(generations), "--seed", "5",
                "--threads", Integer.toString(threads), "-o", dir.toString()));
        a.addAll(List.of(extra));
        return run(a.toArray(String[]::new));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    @Test
    void searchWritesTheRunFolder() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, search(dir, 4), err);
        for (String f : List.of("spec.resolved.yaml", "manifest.json", "evaluations.csv", "pareto.csv",
                "indicators.csv", "checkpoint/state.ser")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTrue(Files.isDirectory(dir.resolve("plots")));
        List<String> ev = Files.readAllLines(dir.resolve("evaluations.csv"));
        assertEquals("eval_id,generation,architecture,adc_bits,cores,coupler_error,dac_bits,laser_margin_db,"
                + "layout,mesh_size,modulation_ghz,phase_error_rad,phase_shifter,wavelengths,weight_bits,"
                + "feasible,energy_j,accuracy,latency_s,area_mm2,power_w,breakdown_laser_j,breakdown_adc_j,"
                + "breakdown_tuning_j,phase_shifter_kind,eval_time_s,design_key", ev.get(0));
        List<String> pareto = Files.readAllLines(dir.resolve("pareto.csv"));
        assertEquals(ev.get(0), pareto.get(0));
        assertTrue(pareto.size() > 1);
        for (int i = 1; i < ev.size(); i++) {
            assertTrue(ev.get(i).startsWith((i - 1) + ","), "eval ids are consecutive: " + ev.get(i));
        }
        for (String row : pareto.subList(1, pareto.size())) {
            assertTrue(row.contains(",true,"), "only feasible designs in the front: " + row);
            assertTrue(ev.contains(row), "every front row is an evaluation row");
        }
        List<String> ind = Files.readAllLines(dir.resolve("indicators.csv"));
        assertEquals("generation,evaluations,hypervolume,front_size,elapsed_s", ind.get(0));
        assertEquals(5, ind.size());
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals("search", m.get("kind").asText());
        assertEquals("completed", m.get("status").asText());
        assertEquals(5, m.get("seed").asLong());
        assertEquals(ev.size() - 1, m.get("evaluations").asLong());
        assertEquals("synth-a", m.get("architectures").get(0).asText());
        assertEquals("synthetic", m.get("workload").asText());
        assertEquals("energy_j", m.get("objectives").get(0).get("column").asText());
        assertEquals("electronic-synthetic", m.get("baseline").get("name").asText(), "runInfo merged");
        assertTrue(m.get("hypervolume_normalization").get("axes").size() == 2);
        assertEquals(org.phodex.search.PhotonicSearchEvaluator.SEARCH_TRAINING_BUDGET,
                m.get("options").get("training_budget").asDouble(), "the search's co-design training budget");
        assertTrue(m.get("training_cache").has("trainings") && m.get("training_cache").has("hit_rate"),
                "the co-design training cache's counters are in the manifest");
        String spec = read(dir.resolve("spec.resolved.yaml"));
        assertTrue(spec.contains("seed: 5") && spec.contains("coupler_error: 0.01")
                && spec.contains("search_space:") && spec.contains("max_area_mm2: 30"), spec);
        assertTrue(out.contains("pareto.csv"), out);
    }

    @Test
    void sameParetoWhateverTheThreadCount() throws IOException {
        assertEquals(0, search(tmp.resolve("t2"), 5, 3), err);
        assertEquals(0, search(tmp.resolve("t1"), 5, 1), err);
        assertEquals(read(tmp.resolve("t2/pareto.csv")), read(tmp.resolve("t1/pareto.csv")));
        assertEquals(read(tmp.resolve("t2/evaluations.csv")), read(tmp.resolve("t1/evaluations.csv")));
    }

    /** 6 generations straight vs 3 + resume to 6, with rows a crash left after the checkpoint. */
    @Test
    void resumeReachesTheSameResultAsAnUninterruptedRun() throws IOException {
        Path straight = tmp.resolve("straight");
        Path split = tmp.resolve("split");
        assertEquals(0, search(straight, 6), err);
        assertEquals(0, search(split, 3), err);
        Files.writeString(split.resolve("evaluations.csv"), "999,4,synth-a,half-written row of a crash\n",
                StandardOpenOption.APPEND);
        assertEquals(0, run("resume", split.toString(), "--generations", "6"), err);
        assertEquals(read(straight.resolve("pareto.csv")), read(split.resolve("pareto.csv")));
        assertEquals(read(straight.resolve("evaluations.csv")), read(split.resolve("evaluations.csv")));
        assertArrayEquals(withoutElapsed(straight), withoutElapsed(split));
        JsonNode m = new ObjectMapper().readTree(split.resolve("manifest.json").toFile());
        assertEquals(1, m.get("resumed").size());
        assertEquals(6, m.get("generations").asLong());
    }

    /** A Ctrl-C in the middle of generation 3: exit 130 after a checkpoint, then resume to the same end. */
    @Test
    void interruptCheckpointsExits130AndResumes() throws IOException {
        Path straight = tmp.resolve("straight");
        assertEquals(0, search(straight, 5), err);
        StopSignal stop = new StopSignal();
        AtomicInteger count = new AtomicInteger();
        DesignEvaluator interrupting = d -> {
            if (count.incrementAndGet() == 20) {
                stop.request();
            }
            return Synthetic.evaluate(d);
        };
        Wiring plain = wiring;
        wiring = plain.withEvaluators((archs, workload, seed) -> interrupting).withStopSignals(() -> stop);
        Path cut = tmp.resolve("cut");
        assertEquals(130, search(cut, 5), err);
        assertTrue(out.contains("phodex resume"), out);
        JsonNode m = new ObjectMapper().readTree(cut.resolve("manifest.json").toFile());
        assertEquals("interrupted", m.get("status").asText());
        assertTrue(m.get("generations").asLong() < 5);
        wiring = plain;
        assertEquals(0, run("resume", cut.toString()), err);
        assertEquals(read(straight.resolve("pareto.csv")), read(cut.resolve("pareto.csv")));
        assertEquals(read(straight.resolve("evaluations.csv")), read(cut.resolve("evaluations.csv")));
    }

    /**
     * A Ctrl-C while an evaluation runs long (a co-design training): the evaluation in flight is interrupted (it
     * would otherwise wait a minute), the generation in flight is dropped, the finished generations stay, and a
     * resume reaches the uninterrupted run's results; also when the stop comes in the first generation.
     */
    @Test
    void aStopInterruptsTheEvaluationsInFlightAndTheRunResumes() throws IOException {
        Path straight = tmp.resolve("straight");
        assertEquals(0, search(straight, 4), err);
        Wiring plain = wiring;
        for (int at : new int[] {3, 20}) {
            StopSignal stop = new StopSignal();
            AtomicInteger count = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
            DesignEvaluator training = d -> {
                if (count.incrementAndGet() == at) {
                    stop.request();
                    try {
                        Thread.sleep(60_000); // a training that only an interrupt ends early
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw new java.util.concurrent.CancellationException("training interrupted");
                    }
                }
                return Synthetic.evaluate(d);
            };
            wiring = plain.withEvaluators((archs, workload, seed) -> training).withStopSignals(() -> stop);
            Path cut = tmp.resolve("cut" + at);
            assertEquals(130, search(cut, 4), err);
            assertTrue(interrupted.get(), "the evaluation in flight was interrupted");
            JsonNode m = new ObjectMapper().readTree(cut.resolve("manifest.json").toFile());
            assertEquals("interrupted", m.get("status").asText());
            long kept = Files.readAllLines(cut.resolve("evaluations.csv")).size();
            long before = Files.readAllLines(straight.resolve("indicators.csv")).stream().skip(1)
                    .filter(l -> Long.parseLong(l.split(",")[1]) < at).count(); // generations done before call `at`
            assertEquals(before, m.get("generations").asLong(), "the generation in flight is dropped");
            assertEquals(m.get("evaluations").asLong(), Math.max(0, kept - 1), "the finished generations' rows");
            wiring = plain;
            assertEquals(0, run("resume", cut.toString(), "--generations", "4"), err);
            assertEquals(read(straight.resolve("pareto.csv")), read(cut.resolve("pareto.csv")));
            assertEquals(read(straight.resolve("evaluations.csv")), read(cut.resolve("evaluations.csv")));
        }
    }

    private static String[] withoutElapsed(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("indicators.csv")).stream()
                .map(l -> l.substring(0, l.lastIndexOf(','))).toArray(String[]::new);
    }

    @Test
    void refusesANonEmptyRunFolderUnlessForced() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, search(dir, 2), err);
        assertEquals(2, search(dir, 2));
        assertTrue(err.contains("not empty") && err.contains("--force"), err);
        assertEquals(0, search(dir, 2, "--force"), err);
        assertEquals(3, Files.readAllLines(dir.resolve("indicators.csv")).size());
    }

    @Test
    void malformedOptionsExitTwoWithOneMessage() {
        Path dir = tmp.resolve("bad");
        assertEquals(2, search(dir, 2, "--population", "2"));
        assertTrue(err.contains("--population"), err);
        assertEquals(2, search(dir, 2, "--time-limit", "soon"));
        assertTrue(err.contains("not a duration"), err);
        assertEquals(2, search(dir, 2, "--objectives", "energy,acuracy"));
        assertTrue(err.contains("did you mean 'accuracy'"), err);
        assertEquals(2, search(dir, 2, "--objectives", "energy"));
        assertEquals(2, search(dir, 2, 0));
        assertEquals(2, run("search", "-a", "no-such-architecture", "-o", dir.toString()));
        assertTrue(err.contains("unknown architecture") || err.contains("no architecture named"), err);
        assertEquals(2, run("search", "--population", "many"));
        assertEquals(2, run("resume", tmp.resolve("nothing").toString()));
        assertTrue(err.contains("no checkpoint"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void timeLimitAndEvaluationBudgetsStopTheRun() throws IOException {
        Path dir = tmp.resolve("budget");
        assertEquals(0, run("search", "-a", arch.toString(), "--population", "12", "--max-evaluations", "30",
                "-o", dir.toString()), err);
        assertTrue(out.contains("evaluation budget reached"), out);
        long evals = Files.readAllLines(dir.resolve("evaluations.csv")).size() - 1;
        assertTrue(evals >= 30 && evals < 30 + 12, "evaluations " + evals);
        assertEquals(0, run("search", "-a", arch.toString(), "--population", "12", "--time-limit", "0.001s", "-o", tmp.resolve("t").toString()), err);
        assertTrue(out.contains("time limit reached"), out);
        assertEquals(0, run("search", "-a", arch.toString(), "--population", "12", "--stagnation", "2",
                "--max-evaluations", "5000", "-o", tmp.resolve("s").toString()), err);
        assertTrue(out.contains("stagnated") || out.contains("evaluation budget"), out);
    }

    @Test
    void sweepWritesTheGridInOrder() throws IOException {
        Path dir = tmp.resolve("sweep");
        assertEquals(0, run("sweep", "-a", arch.toString(), "-w", "synthetic", "--vary", "adc_bits=2:6:2",
                "--vary", "phase_shifter=thermo_optic,mems", "--set", "mesh_size=8", "--threads", "2", "-o",
                dir.toString()), err);
        List<String> rows = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals("architecture,adc_bits,cores,coupler_error,dac_bits,laser_margin_db,layout,mesh_size,"
                + "modulation_ghz,phase_error_rad,phase_shifter,wavelengths,weight_bits,feasible,energy_j,"
                + "accuracy,latency_s,area_mm2,power_w,breakdown_laser_j,breakdown_adc_j,breakdown_tuning_j,"
                + "phase_shifter_kind,eval_time_s,design_key", rows.get(0));
        assertEquals(7, rows.size());
        String[] expected = {"2,thermo_optic", "2,mems", "4,thermo_optic", "4,mems", "6,thermo_optic", "6,mems"};
        for (int i = 0; i < 6; i++) {
            String[] c = rows.get(i + 1).split(",");
            assertEquals(expected[i], c[1] + "," + c[10]);
            assertEquals("8", c[7]);
            Outcome o = Synthetic.evaluate(org.phodex.spec.Design.of("synth-a", java.util.Map.of(
                    "adc_bits", Integer.parseInt(c[1]), "phase_shifter", c[10], "mesh_size", 8,
                    "laser_margin_db", 0.0, "cores", 1)));
            assertEquals(o.energyJ(), Double.parseDouble(c[14]), 1e-25);
        }
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals("sweep", m.get("kind").asText());
        assertEquals("adc_bits", m.get("vary").get(0).asText());
        assertEquals("phase_shifter", m.get("vary").get(1).asText());
        assertEquals(6, m.get("points").asInt());
    }

    @Test
    void badVaryExitsTwo() {
        Path dir = tmp.resolve("sw");
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bitz=2:6", "-o", dir.toString()));
        assertTrue(err.contains("did you mean 'adc_bits'") && err.contains("valid:"), err);
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bits=6:2", "-o", dir.toString()));
        assertTrue(err.contains("below FROM"), err);
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bits=2:40", "-o", dir.toString()));
        assertTrue(err.contains("out of range"), err);
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "laser_margin_db=0:1:-1", "-o",
                dir.toString()));
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "layout=clements,hexagon", "-o",
                dir.toString()));
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bits", "-o", dir.toString()));
    }

    @Test
    void selftestFailsBelowThresholdWithATinyBudget() {
        assertEquals(1, run("selftest", "--problems", "zdt1", "--evaluations", "1000"));
        assertTrue(out.contains("zdt1") && out.contains("FAIL"), out);
        assertEquals(2, run("selftest", "--problems", "zdt9"));
    }
}
