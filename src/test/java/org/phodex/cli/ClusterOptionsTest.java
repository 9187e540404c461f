package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.cluster.Cluster;
import org.phodex.cluster.EvalContext;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.GenerationEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.search.Evaluators;
import org.phodex.search.Synthetic;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;

/**
 * {@code search/resume --cluster} as the command line sees it, with an injected connector: without --cluster the
 * connector is never asked (nothing of the cluster starts); with it, every generation goes through the
 * connector's evaluator and the results equal a local run's; bad options are usage errors.
 */
class ClusterOptionsTest extends CliTest {
    @TempDir
    Path tmp;
    Path arch;
    Path secret;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger remoteDesigns = new AtomicInteger();
    final List<Cluster.Settings> settings = new ArrayList<>();
    final List<EvalContext> contexts = new ArrayList<>();
    final AtomicInteger rescoredRemotely = new AtomicInteger();
    /** Stands in for the cluster: evaluates through the local pool, counting what it was handed. */
    final Cluster.Connector fake = (s, context, local, log) -> {
        opened.incrementAndGet();
        settings.add(s);
        contexts.add(context);
        return fakeEvaluator(local, remoteDesigns);
    };

    Cluster.Evaluator fakeEvaluator(GenerationEvaluator local, AtomicInteger count) {
        return new Cluster.Evaluator() {
            @Override
            public List<Outcome> evaluateAll(List<Design> designs) {
                count.addAndGet(designs.size());
                return local.evaluateAll(designs);
            }

            @Override
            public int workers() {
                return 3;
            }

            @Override
            public Cluster.Evaluator with(EvalContext context, GenerationEvaluator otherLocal) {
                contexts.add(context);
                return fakeEvaluator(otherLocal, rescoredRemotely);
            }

            @Override
            public void close() {
            }
        };
    }

    Wiring wiring = Wiring.defaults().withEvaluators((archs, workload, seed) -> Synthetic.evaluator())
            .withResolver(Evaluators.FILES).withEvalClock(() -> 0L).withCluster(fake);

    @Override
    protected Wiring wiring() {
        return wiring;
    }

    @BeforeEach
    void setUp() throws IOException {
        arch = tmp.resolve("synth-a.yaml");
        Files.writeString(arch, Synthetic.YAML);
        secret = tmp.resolve("secret");
        Files.writeString(secret, "0123456789abcdef0123456789abcdef\n");
    }

    private int search(Path dir, String... extra) {
        List<String> a = new ArrayList<>(List.of("search", "-a", arch.toString(), "-w", "synthetic",
                "--population", "12", "--generations", "3", "--seed", "5", "--threads", "2", "-o", dir.toString()));
        a.addAll(List.of(extra));
        return run(a.toArray(String[]::new));
    }

    @Test
    void aLocalSearchNeverAsksForTheCluster() {
        assertEquals(0, search(tmp.resolve("local")), err);
        assertEquals(0, opened.get());
    }

    @Test
    void aClusterSearchSendsEveryGenerationThroughTheClusterAndEqualsTheLocalRun() throws IOException {
        assertEquals(0, search(tmp.resolve("local")), err);
        assertEquals(0, search(tmp.resolve("remote"), "--cluster", "127.0.0.1:5701, node2:5702", "--cluster-name",
                "lab", "--secret-file", secret.toString()), err);
        assertEquals(1, opened.get());
        assertEquals(List.of("127.0.0.1:5701", "node2:5702"), settings.get(0).members());
        assertEquals("lab", settings.get(0).clusterName());
        long rows = Files.readAllLines(tmp.resolve("remote/evaluations.csv")).size() - 1;
        assertEquals(rows, remoteDesigns.get(), "every evaluation went through the cluster evaluator");
        for (String f : List.of("pareto.csv", "evaluations.csv")) {
            assertEquals(Files.readString(tmp.resolve("local/" + f)), Files.readString(tmp.resolve("remote/" + f)),
                    f);
        }
        // resume --cluster goes through it too
        int before = remoteDesigns.get();
        assertEquals(0, run("resume", tmp.resolve("remote").toString(), "--generations", "5", "--cluster",
                "127.0.0.1:5701", "--secret-file", secret.toString()), err);
        assertEquals(2, opened.get());
        assertTrue(remoteDesigns.get() > before);
    }

    @Test
    void theEndOfRunRescoringGoesThroughTheClusterToo() throws IOException {
        wiring = wiring.withEvaluators(new Evaluators.Factory() {
            @Override
            public DesignEvaluator create(List<ArchitectureSpec> archs, String workload, long seed) {
                return Synthetic.evaluator();
            }

            @Override
            public DesignEvaluator rescorer(List<ArchitectureSpec> archs, String workload, long seed, int chips) {
                return Synthetic.evaluator();
            }
        });
        assertEquals(0, search(tmp.resolve("local"), "--final-chips", "4"), err);
        assertEquals(0, search(tmp.resolve("remote"), "--final-chips", "4", "--cluster", "127.0.0.1:5701",
                "--secret-file", secret.toString()), err);
        assertEquals(2, contexts.size(), "the search's context, then the re-scoring's");
        assertFalse(contexts.get(0).rescore());
        assertTrue(contexts.get(1).rescore());
        assertEquals(4, contexts.get(1).chips());
        assertTrue(rescoredRemotely.get() > 0, "the archive was re-scored through the cluster evaluator");
        assertEquals(Files.readString(tmp.resolve("local/pareto.csv")), Files.readString(tmp.resolve(
                "remote/pareto.csv")));
    }

    @Test
    void badClusterOptionsAreUsageErrors() throws IOException {
        assertEquals(2, search(tmp.resolve("a"), "--secret-file", secret.toString()));
        assertTrue(err.contains("add --cluster"), err);
        assertEquals(2, search(tmp.resolve("b"), "--cluster", "localhost", "--secret-file", secret.toString()));
        assertTrue(err.contains("is not HOST:PORT"), err);
        assertEquals(2, search(tmp.resolve("c"), "--cluster", "h:99999", "--secret-file", secret.toString()));
        assertTrue(err.contains("1 to 65535"), err);
        Path weak = tmp.resolve("weak");
        Files.writeString(weak, "short\n");
        assertEquals(2, search(tmp.resolve("d"), "--cluster", "h:5701", "--secret-file", weak.toString()));
        assertTrue(err.contains("at least 16"), err);
        assertEquals(2, search(tmp.resolve("e"), "--cluster", "h:5701", "--secret-file",
                tmp.resolve("missing").toString()));
        assertTrue(err.contains("cannot read the cluster secret file"), err);
        assertEquals(0, opened.get());
    }

    @Test
    void aClusterThatAcceptsNothingIsAUsageErrorAndLeavesNoRunFolder() {
        wiring = wiring.withCluster((s, context, local, log) -> {
            throw new IllegalArgumentException("--cluster: no worker accepted this search; worker x refused");
        });
        Path dir = tmp.resolve("refused");
        assertEquals(2, search(dir, "--cluster", "127.0.0.1:5701", "--secret-file", secret.toString()));
        assertTrue(err.contains("no worker accepted this search"), err);
        assertFalse(Files.exists(dir.resolve("plots")), "no run folder prepared for a refused search");
    }
}
