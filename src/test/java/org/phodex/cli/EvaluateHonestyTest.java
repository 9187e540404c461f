package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 items 6-9 through the real command: an infeasible design shows its reasons first and no ratio; every
 * broken limit is listed; ratios compare the design and the GPU at the same batch; energies carry readable
 * units.
 */
class EvaluateHonestyTest extends CliTest {

    private String evaluate(String... args) {
        List<String> a = new ArrayList<>(List.of("evaluate", "--chips", "1", "--samples", "100"));
        a.addAll(List.of(args));
        assertEquals(0, run(a.toArray(String[]::new)), err);
        return out;
    }

    @Test
    void anInfeasibleDesignShowsEveryReasonFirstAndNoRatio() throws Exception {
        // a 256-port Clements tile: 4,191 mm2 of chip, and a worst path of more than 500 dB that no laser feeds
        String t = evaluate("-a", "mzi-clements", "-w", "mnist-mlp", "--set", "mesh_size=256");
        List<String> lines = t.lines().toList();
        int infeasible = indexOf(lines, "INFEASIBLE");
        int energy = indexOf(lines, "energy per inference");
        assertTrue(infeasible >= 0 && infeasible < energy, "reasons before any figure:\n" + t);
        assertTrue(t.contains("2 limits broken"), t);
        assertTrue(t.contains("max_area_mm2") && t.contains("max_optical_power_w") && t.contains(" dB"), t);
        assertFalse(t.contains("x less") || t.contains("x more"), "no headline ratio for an infeasible design:\n" + t);
        assertFalse(t.contains("PW") || t.contains("PJ"), "no peta prefixes:\n" + t);

        assertEquals(0, run("evaluate", "--chips", "1", "--samples", "100", "-a", "mzi-clements", "-w",
                "mnist-mlp", "--set", "mesh_size=256", "--json"), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertFalse(j.get("feasible").asBoolean());
        assertEquals(2, j.get("infeasible_reasons").size());
        for (JsonNode b : j.get("baseline")) {
            assertTrue(b.get("ratio").isNull(), "no ratio for a design that cannot be built: " + b);
        }
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The design is priced at the GPU's batch. Independent check: when the memory placement does not change with
     * the batch, the cost model amortizes weight loading over the batch, so energy per inference is E(b) = A + B / b; A and B follow from the design's own batch (1000)
     * and batch 1, and predict the energy at the GPU's 4096.
     */
    @Test
    void ratiosCompareLikeWithLikeAndSayTheBatches() throws Exception {
        // a 64 MB global buffer (2048 banks) holds the activations at every batch compared and never limits the
        // bandwidth, so the data stay where they are and only the weight loads amortize (with 32 KB the batch's
        // activations would move to DRAM above batch ~300, and at batch 1 the weight reads would set the latency)
        assertEquals(0, run("evaluate", "--chips", "1", "--samples", "100", "-a", "mrr-bank", "-w", "digits-mlp",
                "--set", "global_buffer_kb=65536", "--json"), err);
        JsonNode j = new ObjectMapper().readTree(out);
        JsonNode best = HonestFrontAcceptanceTest.kind(j.get("baseline"), "measured-gpu", "batch 4096 (measured)");
        JsonNode one = HonestFrontAcceptanceTest.kind(j.get("baseline"), "measured-gpu", "batch 1 (measured)");
        assertEquals(4096, best.get("batch").asInt());
        assertEquals(4096, best.get("design_batch").asInt());
        assertEquals(1, one.get("batch").asInt());
        assertEquals(1, one.get("design_batch").asInt());
        double e1000 = j.get("energy_j").asDouble();
        double e1 = one.get("design_energy_j").asDouble();
        double b = (e1 - e1000) / (1 - 1.0 / 1000);
        double a = e1 - b;
        assertEquals(a + b / 4096, best.get("design_energy_j").asDouble(), 1e-9 * e1000);
        assertEquals(one.get("energy_j").asDouble() / e1, one.get("ratio").asDouble(), 1e-9 * one.get("ratio")
                .asDouble());
        // the number: about 218x at batch 1, not the 200,000x of batch 1000 against batch 1
        assertTrue(one.get("ratio").asDouble() > 100 && one.get("ratio").asDouble() < 1000, one.toString());

        String t = evaluate("-a", "mrr-bank", "-w", "digits-mlp");
        assertTrue(t.contains("batch 4096 (measured)") && t.contains("design at batch 4096"), t);
        assertTrue(t.contains("batch 1 (measured)") && t.contains("design at batch 1:"), t);
        assertFalse(t.contains("e+05x"), t);
    }
}
