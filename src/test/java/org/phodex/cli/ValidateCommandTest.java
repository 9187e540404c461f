package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path repo;

    @AfterEach
    void clear() {
        System.clearProperty("phodex.home");
    }

    private void copy(String dir) throws IOException {
        Path src = Path.of(dir);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path dst = repo.resolve(dir).resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst);
                }
            }
        }
    }

    private int run(StringWriter out, StringWriter err) {
        System.setProperty("phodex.home", repo.toString());
        return Main.run(new PrintWriter(out), new PrintWriter(err), "validate");
    }

    @Test
    void shippedCasesPassAndTheTableShowsTheLighteningTransformerBudget() throws IOException {
        copy("architectures");
        copy("workloads/baseline");
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter()), out.toString());
        assertTrue(out.toString().contains("LT laser budget, 4 bits"));
        assertTrue(out.toString().contains("; 0 failed"), out.toString());
    }

    @Test
    void jsonSeparatesKindsAndCountsKnownDisagreements() throws IOException {
        copy("architectures");
        copy("workloads/baseline");
        StringWriter out = new StringWriter();
        System.setProperty("phodex.home", repo.toString());
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--json"));
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString());
        assertTrue(root.get("kinds").get("published-measurement").get("checks").asInt() >= 4, out.toString());
        assertTrue(root.get("kinds").get("consistency").get("checks").asInt() > 0);
        assertTrue(root.get("kinds").get("published-model").get("checks").asInt() > 0);
        for (com.fasterxml.jackson.databind.JsonNode c : root.get("cases")) {
            if (c.get("known_disagreement").asBoolean()) {
                assertTrue(c.get("explanation").asText().length() > 20, c.toString());
            }
        }
    }

    @Test
    void aKnownDisagreementIsListedButDoesNotFail() throws IOException {
        copy("architectures");
        copy("workloads/baseline");
        Path f = repo.resolve("architectures/reference/converters.yaml");
        Files.writeString(f, Files.readString(f).replace("    model: converter\n    inputs: {device: adc",
                "    model: converter\n    known_disagreement: true\n    explanation: a test of the listing\n"
                        + "    inputs: {device: adc").replace("value: 1.48e-12", "value: 1.70e-12"));
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter()), out.toString());
        assertTrue(out.toString().contains("Known disagreements"), out.toString());
        assertTrue(out.toString().contains("MISS (known)"), out.toString());
        assertTrue(out.toString().contains("a test of the listing"), out.toString());
    }

    @Test
    void aCaseOutsideItsToleranceExitsOne() throws IOException {
        copy("architectures");
        copy("workloads/baseline");
        Path f = repo.resolve("architectures/reference/converters.yaml");
        Files.writeString(f, Files.readString(f).replace("value: 1.48e-12", "value: 1.70e-12"));
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, new StringWriter()));
        assertTrue(out.toString().contains("FAIL"));
    }

    @Test
    void aMalformedCaseIsAUsageError() throws IOException {
        copy("architectures");
        copy("workloads/baseline");
        Path f = repo.resolve("architectures/reference/converters.yaml");
        Files.writeString(f, Files.readString(f).replace("rel_tolerance: 0.01}\n  - name: DAC",
                "rel_tolerence: 0.01}\n  - name: DAC"));
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err));
        assertTrue(err.toString().contains("converters.yaml:"), err.toString());
        assertTrue(err.toString().contains("rel_tolerance"), err.toString());
    }
}
