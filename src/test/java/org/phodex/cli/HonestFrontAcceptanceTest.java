package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.cli.SearchAcceptanceTest.Csv;

/**
 * Issue 12 on the real evaluator (digits-mlp, a tiny search): the archive is re-scored at the end on the whole
 * test split with several chips, the front is recomputed from the re-scored values, and pareto.csv carries the
 * interval, the 10th-percentile chip and the paired test against float.
 */
class HonestFrontAcceptanceTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void search() {
        run = tmp.resolve("run");
        String[] r = SearchAcceptanceTest.run("search", "-a", "mzi-clements", "-w", "digits-mlp", "--population",
                "12", "--generations", "4", "--seed", "5", "--threads", "2", "--final-chips", "3", "-o",
                run.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("re-scored on the whole test split"), r[1]);
    }

    static double num(Csv c, int row, String col) {
        return Double.parseDouble(c.get(row, col));
    }

    @Test
    void paretoCarriesTheRescoredColumns() throws IOException {
        Csv p = Csv.read(run.resolve("pareto.csv"));
        assertTrue(p.header.containsAll(List.of("accuracy", "accuracy_search", "accuracy_ci95_low",
                "accuracy_ci95_high", "accuracy_p10", "accuracy_samples", "accuracy_chips", "p_vs_float")), p.header
                .toString());
        boolean differs = false;
        for (int i = 0; i < p.rows.size(); i++) {
            double a = num(p, i, "accuracy");
            assertEquals(3, Integer.parseInt(p.get(i, "accuracy_chips")));
            assertEquals(400, Integer.parseInt(p.get(i, "accuracy_samples")), "digits-mlp's whole test split");
            assertTrue(num(p, i, "accuracy_ci95_low") <= a && a <= num(p, i, "accuracy_ci95_high"), "row " + i);
            assertTrue(num(p, i, "accuracy_p10") <= a + 1e-12, "the 10th-percentile chip is not above the mean");
            double pv = num(p, i, "p_vs_float");
            assertTrue(pv > 0 && pv <= 1, "p " + pv);
            differs |= a != num(p, i, "accuracy_search");
        }
        assertTrue(differs, "re-scoring with 3 independent chips changes some accuracy");
        // the search-time value is the one evaluations.csv recorded for the same design
        Csv ev = Csv.read(run.resolve("evaluations.csv"));
        Map<String, String> searchAcc = new HashMap<>();
        for (int i = 0; i < ev.rows.size(); i++) {
            searchAcc.put(ev.get(i, "design_key"), ev.get(i, "accuracy"));
        }
        for (int i = 0; i < p.rows.size(); i++) {
            assertEquals(Double.parseDouble(searchAcc.get(p.get(i, "design_key"))), num(p, i, "accuracy_search"), 0);
        }
    }

    /** Independent check on the re-scored values: the front is exactly the non-dominated rescored designs. */
    @Test
    void rescoredFrontIsNonDominatedInRescoredValues() throws IOException {
        Csv p = Csv.read(run.resolve("pareto.csv"));
        Csv all = Csv.read(run.resolve("rescored.csv"));
        assertTrue(all.rows.size() >= p.rows.size());
        for (int i = 0; i < p.rows.size(); i++) {
            for (int j = 0; j < all.rows.size(); j++) {
                boolean dominates = num(all, j, "energy_j") <= num(p, i, "energy_j")
                        && num(all, j, "accuracy") >= num(p, i, "accuracy")
                        && (num(all, j, "energy_j") < num(p, i, "energy_j")
                        || num(all, j, "accuracy") > num(p, i, "accuracy"));
                assertFalse(dominates, "front row " + i + " dominated by rescored row " + j);
            }
        }
        for (int j = 0; j < all.rows.size(); j++) {
            if (!"true".equals(all.get(j, "feasible"))) {
                continue;
            }
            boolean covered = false;
            for (int i = 0; i < p.rows.size(); i++) {
                covered |= num(p, i, "energy_j") <= num(all, j, "energy_j")
                        && num(p, i, "accuracy") >= num(all, j, "accuracy");
            }
            assertTrue(covered, "rescored design not covered by the front: " + all.lines.get(j));
        }
        JsonNode m = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals("done", m.path("rescoring").path("status").asText());
        assertEquals(all.rows.size(), m.path("rescoring").path("designs").asInt());
        assertTrue(m.path("accuracy_subset").asText().contains("stratified"), m.toString());
    }
}
