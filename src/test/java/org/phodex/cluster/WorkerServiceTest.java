package org.phodex.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.search.ArchitectureSnapshot;
import org.phodex.search.Synthetic;
import org.phodex.spec.Design;

/**
 * A worker's checks without Hazelcast: the MAC before anything is deserialized, the fingerprint before anything
 * is evaluated, the deserialization filter on every payload; refused tasks are answered with the reason.
 */
class WorkerServiceTest {
    static final Secret SECRET = Secret.of("the cluster's shared secret".getBytes(StandardCharsets.UTF_8));
    static final Secret OTHER = Secret.of("somebody else's secret!!".getBytes(StandardCharsets.UTF_8));
    static final EvalContext CONTEXT = new EvalContext(new ArrayList<>(List.of(ArchitectureSnapshot.of(
            Synthetic.spec()))), "synthetic", 5, 1);
    static final byte[] CONTEXT_BYTES = Codec.write(CONTEXT);
    static final Fingerprint SEARCH = new Fingerprint("1.0", Fingerprint.sha256(CONTEXT_BYTES), "devices-a",
            "workload-a");

    final AtomicInteger evaluations = new AtomicInteger();
    final List<String> log = new CopyOnWriteArrayList<>();
    Fingerprint workerFingerprint = SEARCH;

    final WorkerService service = new WorkerService(SECRET, new WorkerService.Local() {
        @Override
        public Fingerprint fingerprint(EvalContext context, byte[] contextBytes) {
            assertEquals(CONTEXT.workload(), context.workload());
            assertEquals(CONTEXT.seed(), context.seed());
            return workerFingerprint;
        }

        @Override
        public DesignEvaluator evaluator(EvalContext context) {
            return d -> {
                evaluations.incrementAndGet();
                return Synthetic.evaluate(d);
            };
        }
    }, log::add);

    static Design design() {
        return Synthetic.spec().defaults();
    }

    static EvalTask task(Secret s, long id, byte[] design) {
        return EvalTask.signed(s, id, CONTEXT_BYTES, Codec.write(SEARCH), design);
    }

    @Test
    void aSignedTaskFromAMatchingSearchIsEvaluatedAndItsReplyVerifies() {
        byte[] reply = service.handle(task(SECRET, 7, Codec.write(design())));
        assertNull(Reply.refusal(reply));
        Outcome o = Reply.outcome(SECRET, 7, reply);
        Outcome expected = Synthetic.evaluate(design());
        assertEquals(expected.design(), o.design());
        assertEquals(expected.energyJ(), o.energyJ());
        assertEquals(expected.accuracy(), o.accuracy());
        assertEquals(1, evaluations.get());
        // the reply is bound to its task: another id, or another secret, does not verify
        assertThrows(IllegalArgumentException.class, () -> Reply.outcome(SECRET, 8, reply));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reply.outcome(OTHER, 7, reply)).getMessage()
                .contains("does not verify"));
    }

    @Test
    void aTaskSignedWithAnotherSecretIsRefusedAndNothingIsEvaluated() {
        byte[] reply = service.handle(task(OTHER, 1, Codec.write(design())));
        assertTrue(Reply.refusal(reply).contains("signature does not verify"), Reply.refusal(reply));
        assertEquals(0, evaluations.get());
        assertTrue(log.stream().anyMatch(l -> l.contains("refused task 1")), log.toString());
    }

    @Test
    void aTaskAlteredAfterSigningIsRefused() {
        EvalTask t = task(SECRET, 2, Codec.write(design()));
        t.design = Codec.write(design().with("adc_bits", 3)); // swapped in transit
        assertTrue(Reply.refusal(service.handle(t)).contains("signature does not verify"));
        assertEquals(0, evaluations.get());
    }

    @Test
    void aFingerprintMismatchIsRefusedNamingWhatDiffers() {
        workerFingerprint = new Fingerprint("1.0", SEARCH.spec(), "devices-b", "workload-a");
        String why = Reply.refusal(service.handle(task(SECRET, 3, Codec.write(design()))));
        assertNotNull(why);
        assertTrue(why.contains("device library"), why);
        assertTrue(why.contains("devices-b") && why.contains("devices-a"), why);
        assertEquals(0, evaluations.get());
        // a probe (no design) gets the same answer
        assertTrue(Reply.refusal(service.handle(task(SECRET, 4, null))).contains("device library"));
    }

    @Test
    void versionAndWorkloadMismatchesAreNamedToo() {
        String why = new Fingerprint("1.1", "s", "d", "w1").mismatch(new Fingerprint("1.0", "s", "d", "w2"));
        assertTrue(why.contains("phodex version (worker 1.1, search 1.0)"), why);
        assertTrue(why.contains("workload data"), why);
        assertNull(SEARCH.mismatch(SEARCH));
    }

    @Test
    void aSignedPayloadOfAForeignClassIsNeverDeserialized() {
        // even with a valid MAC (a holder of the secret gone rogue), only phodex's value classes are read
        String why = Reply.refusal(service.handle(task(SECRET, 5, Codec.write(new File("/etc/passwd")))));
        assertTrue(why.contains("class java.io.File is not allowed"), why);
        assertEquals(0, evaluations.get());
    }

    @Test
    void theFilterAdmitsPhodexValuesAndRefusesOtherClasses() {
        Outcome o = Synthetic.evaluate(design());
        Outcome back = Codec.read(Codec.write(o), Outcome.class);
        assertEquals(o.design(), back.design());
        assertEquals(o.columns(), back.columns());
        EvalContext c = Codec.read(CONTEXT_BYTES, EvalContext.class);
        assertEquals(CONTEXT.architectures().get(0).name(), c.architectures().get(0).name());
        assertEquals(CONTEXT.specs().get(0).searchSpace().keySet(), c.specs().get(0).searchSpace().keySet());
        Set<String> set = new HashSet<>(Set.of("x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Codec.read(Codec.write(
                (HashSet<String>) set), Object.class)).getMessage().contains("java.util.HashSet is not allowed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Codec.read(Codec.write(new Foreign(1)),
                Object.class)).getMessage().contains("Foreign is not allowed"), "a Serializable class of phodex's "
                + "tests is not on the list either");
        assertThrows(IllegalArgumentException.class, () -> Codec.read(Codec.write(design()), Outcome.class),
                "the wrong type");
    }

    record Foreign(int x) implements java.io.Serializable {
    }
}
