package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.StopSignal;
import org.phodex.search.Evaluators;
import org.phodex.search.LockHolderMain;
import org.phodex.search.RunLock;
import org.phodex.search.Synthetic;

/**
 * Issue 14, items 1-5: a run folder has one writer, its manifest agrees with its CSV files, a time limit is the
 * run's budget across resumes, unwritable output and unused parameters are bad input (exit 2), and hints point
 * to commands that work.
 */
class RunSafetyTest extends CliTest {
    @TempDir
    Path tmp;
    Path arch;
    Wiring plain = Wiring.defaults().withEvaluators((archs, workload, seed) -> Synthetic.evaluator())
            .withResolver(Evaluators.FILES).withEvalClock(() -> 0L);
    Wiring wiring = plain;

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
        List<String> a = new ArrayList<>(List.of("search", "-a", arch.toString(), "-w", "synthetic",
                "--population", "12", "--generations", Integer.toString(generations), "--seed", "5",
                "--threads", "2", "-o", dir.toString()));
        a.addAll(List.of(extra));
        return run(a.toArray(String[]::new));
    }

    private static long dataRows(Path csv) throws IOException {
        return Files.readAllLines(csv).size() - 1;
    }

    @Test
    void aSecondProcessOnALockedRunFolderExitsTwoNamingTheHolder() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, search(dir, 2), err);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine());
            String before = Files.readString(dir.resolve("evaluations.csv"));
            assertEquals(2, run("resume", dir.toString(), "--generations", "4"));
            assertTrue(err.contains("in use by PID " + holder.pid()) && err.contains("on host "), err);
            assertEquals(2, search(dir, 2, "--force"));
            assertTrue(err.contains("in use by PID " + holder.pid()), err);
            assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bits=2:3", "-o", dir.toString(),
                    "--force"));
            assertTrue(err.contains("in use by PID " + holder.pid()), err);
            assertEquals(before, Files.readString(dir.resolve("evaluations.csv")), "the refused runs wrote nothing");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
        }
        assertEquals(0, run("resume", dir.toString(), "--generations", "4"), err);
        assertFalse(err.contains("stale"), "a lock released normally is not stale: " + err);
    }

    @Test
    void aStaleLockOfADeadProcessIsTakenOverWithAMessage() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        Path dir = tmp.resolve("stale");
        Files.createDirectories(dir);
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Files.writeString(dir.resolve(RunLock.FILE), "pid=" + gone.pid() + "\nhost=" + host
                + "\nsince=2026-01-01T00:00:00Z\ncommand=search\n");
        assertEquals(0, search(dir, 2), err);
        assertTrue(err.contains("taking over the stale lock of PID " + gone.pid()), err);
        assertEquals("", Files.readString(dir.resolve(RunLock.FILE)), "released at the end");

        Path other = tmp.resolve("other-host");
        Files.createDirectories(other);
        Files.writeString(other.resolve(RunLock.FILE), "pid=1\nhost=some-other-machine\nsince=x\ncommand=search\n");
        assertEquals(2, search(other, 2));
        assertTrue(err.contains("some-other-machine") && err.contains("delete"), err);
    }

    @Test
    void theLockIsHeldWithinOneProcessToo() throws IOException {
        Path dir = tmp.resolve("held");
        try (RunLock lock = RunLock.acquire(dir, "search", s -> { })) {
            assertEquals(2, search(dir, 2));
            assertTrue(err.contains("in use by PID " + ProcessHandle.current().pid()), err);
        }
        assertEquals(0, search(dir, 2), err);
    }

    /** The manifest reports what the CSV files hold: after a run, after an interrupt, after a resume. */
    @Test
    void manifestAndCsvFilesAgree() throws IOException {
        StopSignal stop = new StopSignal();
        AtomicInteger count = new AtomicInteger();
        DesignEvaluator interrupting = d -> {
            if (count.incrementAndGet() == 20) {
                stop.request();
            }
            return Synthetic.evaluate(d);
        };
        wiring = plain.withEvaluators((archs, workload, seed) -> interrupting).withStopSignals(() -> stop);
        Path dir = tmp.resolve("agree");
        assertEquals(130, search(dir, 5), err);
        checkAgreement(dir);
        wiring = plain;
        assertEquals(0, run("resume", dir.toString()), err);
        checkAgreement(dir);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(5, m.get("generations").asLong());
    }

    private static void checkAgreement(Path dir) throws IOException {
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(dataRows(dir.resolve("evaluations.csv")), m.get("evaluations").asLong());
        assertEquals(dataRows(dir.resolve("indicators.csv")), m.get("generations").asLong());
        assertEquals(dataRows(dir.resolve("pareto.csv")), m.get("front_size").asLong());
    }

    @Test
    void aTimeLimitIsTheRunsBudgetAcrossResumes() throws IOException {
        Path dir = tmp.resolve("budget");
        assertEquals(0, search(dir, 2), err);
        // a budget already used up stops a resume at once: see search.TimeBudgetTest
        // +DURATION extends it explicitly
        assertEquals(0, run("resume", dir.toString(), "--generations", "3", "--time-limit", "+1h"), err);
        assertTrue(out.contains("generation budget reached after 3 generations"), out);
        JsonNode o = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).get("options");
        assertTrue(o.get("time_limit_s").asDouble() > 3600 && o.get("time_limit_s").asDouble() < 3600 + 600,
                o.toString());
    }

    @Test
    void unwritableOutputIsBadInputNamingThePathAndTheReason() throws IOException {
        Path file = tmp.resolve("README.md");
        Files.writeString(file, "a file, not a folder\n");
        assertEquals(2, search(file.resolve("run"), 2));
        assertTrue(err.contains(file.resolve("run").toString()) && err.contains("not a"), err);
        assertFalse(err.contains("internal error") || err.contains("Exception"), err);
        assertEquals(2, search(file, 2));
        assertTrue(err.contains("exists and is not a folder"), err);
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bits=2:3", "-o",
                file.resolve("s").toString()));
        assertFalse(err.contains("internal error"), err);
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertEquals(2, search(Path.of("/proc/phodex-test"), 2));
            assertTrue(err.contains("/proc/phodex-test") && !err.contains("internal error"), err);
        }
    }

    @Test
    void hintsLeadSomewhere() throws IOException {
        Path sweep = tmp.resolve("sw");
        assertEquals(0, run("sweep", "-a", arch.toString(), "--vary", "adc_bits=2:3", "-o", sweep.toString()), err);
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bits=2:3", "-o", sweep.toString()));
        assertTrue(err.contains("--force") && !err.contains("resume"), "a sweep folder does not resume: " + err);
        assertEquals(2, run("resume", sweep.toString()));
        assertTrue(err.contains("sweep folder") && err.contains("--force"), err);

        Path run = tmp.resolve("search");
        assertEquals(0, search(run, 1), err);
        assertEquals(2, search(run, 1));
        assertTrue(err.contains("phodex resume " + run), "a search folder does: " + err);

        // ring_q belongs to microring banks: on an MZI mesh it would change nothing
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "ring_q=1000,5000", "-o",
                tmp.resolve("q").toString()));
        assertTrue(err.contains("does not use ring_q") && err.contains("adc_bits, cores"), err);
        assertFalse(Files.exists(tmp.resolve("q/sweep.csv")));
        assertEquals(2, run("sweep", "-a", arch.toString(), "--vary", "adc_bits=2:3", "--set", "ring_q=1000",
                "-o", tmp.resolve("q").toString()));
        assertTrue(err.contains("does not use ring_q"), err);
    }

    @Test
    void quickFiguresGoToAScratchFolderUnlessTold() throws IOException {
        Path scratch = FiguresCommand.defaultOutput(true);
        assertNotEquals(Path.of("plots").toAbsolutePath(), scratch.toAbsolutePath());
        assertTrue(scratch.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir"))
                .toAbsolutePath()), scratch.toString());
        Files.delete(scratch);
        assertEquals(Path.of("plots"), FiguresCommand.defaultOutput(false));
    }
}
