package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code phodex bench --json}: the fields exist and hold positive numbers (no timing assertions). */
class BenchCommandTest {

    @Test
    void jsonCarriesEveryFieldAsPositiveNumbers() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "bench", "--json", "--quick", "--reps", "1",
                "--samples", "100", "-c", "mnist,digits,torchonn-equivalent,search", "--search-evaluations", "2",
                "--search-architecture", "mzi-clements,mrr-bank", "--threads", "1,2");
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        for (String field : List.of("mnist_candidate_ms", "digits_candidate_ms", "dense_floor_ms", "ratio_to_floor",
                "search_evals_per_s", "torchonn_equivalent_ms", "torchonn_full_model_ms")) {
            JsonNode o = j.get(field);
            assertTrue(o != null && o.isObject(), field + " missing in " + out);
            for (String t : List.of("1", "2")) {
                assertTrue(o.path(t).isNumber() && o.get(t).asDouble() > 0, field + "[" + t + "] in " + out);
            }
        }
        assertTrue(j.path("machine").path("peak_gflops_per_core_measured").asDouble() > 0, out.toString());
        assertTrue(j.path("parts_cpu_ms").path("2").path("noise_adc").asDouble() > 0, out.toString());
        assertTrue(j.path("search_cores_used").path("1").asDouble() > 0, out.toString());
        JsonNode parts = j.get("parts_ms");
        for (String p : List.of("build", "dac", "product", "noise_adc", "other")) {
            assertTrue(parts.path(p).isNumber() && parts.get(p).asDouble() >= 0, p + " in " + out);
        }
        assertTrue(parts.get("product").asDouble() > 0 && parts.get("noise_adc").asDouble() > 0, out.toString());
        // the tables went to stderr, so stdout is the JSON document alone
        assertTrue(err.toString().contains("dense float64 floor"), err.toString());
    }

    @Test
    void unknownCaseIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "bench", "-c", "nonsense");
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown case 'nonsense'"), err.toString());
    }
}
