package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.moo.DesignEvaluator;
import org.phodex.search.Evaluators;
import org.phodex.search.Synthetic;
import org.phodex.spec.ArchitectureSpec;

/** Issue 14 item 14: several architectures in one sweep and one figure; --chips reaches the evaluator. */
class SweepSeveralAndChipsTest extends CliTest {
    @TempDir
    Path tmp;
    Path a;
    Path b;
    final List<Integer> chipsAsked = new ArrayList<>();
    final List<Integer> samplesAsked = new ArrayList<>();
    Wiring wiring;

    @Override
    protected Wiring wiring() {
        return wiring;
    }

    @BeforeEach
    void setUp() throws IOException {
        a = tmp.resolve("synth-a.yaml");
        b = tmp.resolve("synth-b.yaml");
        Files.writeString(a, Synthetic.YAML);
        Files.writeString(b, Synthetic.YAML.replace("name: synth-a", "name: synth-b"));
        Evaluators.Factory recording = new Evaluators.Factory() {
            @Override
            public DesignEvaluator create(List<ArchitectureSpec> archs, String workload, long seed) {
                return create(archs, workload, seed, 1);
            }

            @Override
            public DesignEvaluator create(List<ArchitectureSpec> archs, String workload, long seed, int chips) {
                chipsAsked.add(chips);
                return Synthetic.evaluator();
            }

            @Override
            public DesignEvaluator create(List<ArchitectureSpec> archs, String workload, long seed, int chips,
                                          int samples) {
                samplesAsked.add(samples);
                return create(archs, workload, seed, chips);
            }
        };
        wiring = Wiring.defaults().withEvaluators(recording).withResolver(Evaluators.FILES).withEvalClock(() -> 0L);
    }

    @Test
    void samplesReachTheEvaluatorAndBadCountsAreUsageErrors() {
        assertEquals(0, run("sweep", "-a", a.toString(), "-w", "synthetic", "--vary", "adc_bits=2:4:2", "-o",
                tmp.resolve("default").toString()), err);
        assertEquals(0, run("sweep", "-a", a.toString(), "-w", "synthetic", "--vary", "adc_bits=2:4:2", "--samples",
                "all", "-o", tmp.resolve("all").toString()), err);
        assertEquals(0, run("sweep", "-a", a.toString(), "-w", "synthetic", "--vary", "adc_bits=2:4:2", "--samples",
                "1000", "-o", tmp.resolve("n").toString()), err);
        assertEquals(List.of(400, Integer.MAX_VALUE, 1000), samplesAsked,
                "the search's subset by default, the whole split for 'all'");
        assertEquals(2, run("sweep", "-a", a.toString(), "-w", "synthetic", "--vary", "adc_bits=2:4:2", "--samples",
                "0", "-o", tmp.resolve("zero").toString()));
        assertTrue(err.contains("--samples"), err);
        assertEquals(3, samplesAsked.size(), "a refused sweep evaluates nothing");
    }

    @Test
    void twoArchitecturesShareOneGridAndOneSetOfFigures() throws IOException {
        Path dir = tmp.resolve("both");
        assertEquals(0, run("sweep", "-a", a.toString(), "-a", b.toString(), "-w", "synthetic", "--vary",
                "adc_bits=2:6:2", "--chips", "2", "--threads", "2", "-o", dir.toString()), err);
        List<String> rows = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(1 + 2 * 3, rows.size(), "3 points for each of 2 architectures");
        Set<String> archs = new TreeSet<>();
        for (String r : rows.subList(1, rows.size())) {
            archs.add(r.split(",")[0]);
        }
        assertEquals(Set.of("synth-a", "synth-b"), archs);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(2, m.get("architectures").size());
        assertTrue(Files.isRegularFile(dir.resolve("synth-a/sweep.csv")), "each architecture's own sweep kept");
        assertTrue(Files.isRegularFile(dir.resolve("plots/sweep_accuracy.png")), "one figure for both");
        assertEquals(List.of(2, 2), chipsAsked);
        assertEquals(2, run("sweep", "-a", a.toString(), "-a", a.toString(), "--vary", "adc_bits=2:3", "-o",
                tmp.resolve("twice").toString()));
        assertTrue(err.contains("given twice"), err);
        assertEquals(2, run("sweep", "-a", a.toString(), "--vary", "adc_bits=2:3", "--chips", "0", "-o",
                tmp.resolve("zero").toString()));
    }

    @Test
    void searchChipsReachTheEvaluatorAndSurviveAResume() {
        Path dir = tmp.resolve("run");
        assertEquals(0, run("search", "-a", a.toString(), "-w", "synthetic", "--population", "8", "--generations",
                "1", "--chips", "3", "--threads", "1", "-o", dir.toString()), err);
        assertEquals(0, run("resume", dir.toString(), "--generations", "2"), err);
        assertEquals(List.of(3, 3), chipsAsked, "the resumed run keeps the run's chip count");
        assertEquals(2, run("search", "-a", a.toString(), "--chips", "0", "-o", tmp.resolve("z").toString()));
        assertTrue(err.contains("--chips"), err);
    }
}
