package org.phodex.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.Serializable;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.search.Synthetic;
import org.phodex.spec.Design;
import org.phodex.spec.Repo;

/**
 * Hazelcast in process: a worker member and the search's client on loopback. The cluster's results equal local
 * evaluation, in order; Hazelcast refuses Java-serialized classes other than phodex's task; a worker that
 * crashes mid-generation has its evaluations resubmitted to the other.
 */
class ClusterEvaluatorTest {
    static final Secret SECRET = WorkerServiceTest.SECRET;
    static final EvalContext CONTEXT = WorkerServiceTest.CONTEXT;
    static Worker first;
    static int firstPort;
    static final List<String> log = new CopyOnWriteArrayList<>();

    /** The real fingerprint of this checkout, the synthetic evaluator (optionally slowed down by a latch). */
    static WorkerService.Local local(CountDownLatch started, CountDownLatch release) {
        return new WorkerService.Local() {
            @Override
            public Fingerprint fingerprint(EvalContext context, byte[] contextBytes) {
                return Fingerprint.local(contextBytes, context.workload(), Repo.locate());
            }

            @Override
            public DesignEvaluator evaluator(EvalContext context) {
                return d -> {
                    if (started != null) {
                        started.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Synthetic.evaluate(d);
                };
            }
        };
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void startWorker() throws IOException {
        firstPort = freePort();
        first = Worker.start(new Worker.Settings("phodex-test", "127.0.0.1", firstPort, List.of(), 2, SECRET),
                local(null, null), log::add);
    }

    @AfterAll
    static void stopWorker() {
        first.close();
    }

    static List<Design> designs(int n) {
        List<Design> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Synthetic.spec().defaults().with("adc_bits", 2 + i % 9).with("mesh_size", 4 + 4 * (i / 9)));
        }
        return out;
    }

    static void assertSameAsLocal(List<Design> designs, List<Outcome> got) {
        assertEquals(designs.size(), got.size());
        for (int i = 0; i < designs.size(); i++) {
            Outcome expected = Synthetic.evaluate(designs.get(i));
            assertEquals(designs.get(i), got.get(i).design(), "in input order");
            assertEquals(expected.energyJ(), got.get(i).energyJ());
            assertEquals(expected.accuracy(), got.get(i).accuracy());
            assertEquals(expected.columns(), got.get(i).columns());
        }
    }

    static Cluster.Settings settings(String members) {
        return new Cluster.Settings(List.of(members.split(",")), "phodex-test", SECRET);
    }

    @Test
    void aGenerationOnTheClusterEqualsLocalEvaluation() {
        try (ThreadPoolEvaluator fallback = new ThreadPoolEvaluator(d -> {
            throw new AssertionError("nothing runs locally while a worker is there");
        }, 1); Cluster.Evaluator ce = Cluster.HAZELCAST.open(settings("127.0.0.1:" + firstPort), CONTEXT, fallback,
                log::add)) {
            assertEquals(1, ce.workers());
            List<Design> designs = designs(12);
            assertSameAsLocal(designs, ce.evaluateAll(designs));
        }
    }

    @Test
    void aWorkerThatJoinsLaterIsUsedFromTheNextTask() throws IOException {
        try (ThreadPoolEvaluator fallback = new ThreadPoolEvaluator(Synthetic.evaluator(), 1);
             Cluster.Evaluator ce = Cluster.HAZELCAST.open(settings("127.0.0.1:" + firstPort), CONTEXT, fallback,
                     log::add)) {
            int port = freePort();
            Worker late = Worker.start(new Worker.Settings("phodex-test", "127.0.0.1", port,
                    List.of("127.0.0.1:" + firstPort), 1, SECRET), local(null, null), log::add);
            try {
                // the search learns of the new member through Hazelcast's membership events: a few generations
                for (int gen = 0; gen < 200 && late.service().evaluated() == 0; gen++) {
                    List<Design> designs = designs(6);
                    assertSameAsLocal(designs, ce.evaluateAll(designs));
                }
                assertTrue(late.service().evaluated() > 0, "the late worker got designs");
                assertEquals(2, ce.workers());
            } finally {
                late.close();
            }
        }
    }

    @Test
    void hazelcastRefusesJavaSerializedClassesOtherThanPhodexsTask() throws Exception {
        HazelcastInstance client = HazelcastClient.newHazelcastClient(Configs.client("phodex-test",
                List.of("127.0.0.1:" + firstPort), 10_000));
        try {
            Member m = client.getCluster().getMembers().iterator().next();
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.getExecutorService(
                    Configs.EXECUTOR).submitToMember(new Sneaky(), m).get(30, TimeUnit.SECONDS));
            assertTrue(String.valueOf(e.getCause()).contains("is not allowed"), String.valueOf(e.getCause()));
            assertTrue(Sneaky.CALLS.isEmpty(), "never ran");
        } finally {
            client.shutdown();
        }
    }

    /** What an attacker would send: any Serializable class with code that runs when called. */
    static final class Sneaky implements Callable<String>, Serializable {
        static final List<String> CALLS = new CopyOnWriteArrayList<>();

        @Override
        public String call() {
            CALLS.add("ran");
            return "ran";
        }
    }

    @Test
    void aWorkerThatCrashesMidGenerationLosesNoDesign() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int port = freePort();
        Worker second = Worker.start(new Worker.Settings("phodex-test", "127.0.0.1", port,
                List.of("127.0.0.1:" + firstPort), 1, SECRET), local(started, release), log::add);
        List<String> searchLog = new CopyOnWriteArrayList<>();
        try (ThreadPoolEvaluator fallback = new ThreadPoolEvaluator(Synthetic.evaluator(), 1);
             Cluster.Evaluator ce = Cluster.HAZELCAST.open(settings("127.0.0.1:" + port), CONTEXT, fallback,
                     searchLog::add)) {
            assertEquals(2, ce.workers());
            List<Design> designs = designs(10);
            CompletableFuture<List<Outcome>> result = CompletableFuture.supplyAsync(() -> ce.evaluateAll(designs));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the second worker got a design");
            second.crash();
            release.countDown();
            assertSameAsLocal(designs, result.get(60, TimeUnit.SECONDS));
            assertTrue(searchLog.stream().anyMatch(l -> l.contains("left the cluster or cannot be reached")
                    && l.contains("resubmitted to the remaining workers")), searchLog.toString());
            assertEquals(1, ce.workers());
        } finally {
            release.countDown();
            second.close();
        }
    }
}
