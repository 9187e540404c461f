package org.phodex.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.phodex.spec.SpecException;

/**
 * The measured digital baseline (docs/physics.md sec. 9): an NVIDIA H100's board energy per inference, measured
 * per workload at batch 1 and at a large batch (workloads/baseline/h100-workloads.json). The default reference
 * is the best measured case, bf16 at the large batch, so a ratio is never flattered by launch overhead.
 * A workload that was not measured falls back, by name, to the 8192^3 bf16 GEMM's energy per MAC times its MACs.
 */
public final class DigitalBaseline {

    /** One baseline figure. */
    public record Figure(String name, double energyJ, int batch, boolean measuredForWorkload) {
        public double ratio(double designEnergyJ) {
            return energyJ / designEnergyJ;
        }
    }

    private final JsonNode workloads;
    private final JsonNode gemms;
    private final String device;
    /** Idle board power measured before the GEMM runs (h100-measured.json). */
    private final double idleW;
    /** Idle board power measured before the workload runs (h100-workloads.json). */
    private final double workloadIdleW;

    private DigitalBaseline(JsonNode workloads, JsonNode gemms) {
        this.workloads = workloads.get("results");
        this.gemms = gemms.get("results");
        this.device = workloads.path("device").asText("H100");
        this.idleW = gemms.path("idle_power_w").asDouble(0);
        this.workloadIdleW = workloads.path("idle_power_w").asDouble(idleW);
    }

    public static DigitalBaseline load(Path dir) {
        ObjectMapper m = new ObjectMapper();
        Path w = dir.resolve("h100-workloads.json");
        Path g = dir.resolve("h100-measured.json");
        try {
            return new DigitalBaseline(m.readTree(w.toFile()), m.readTree(g.toFile()));
        } catch (IOException e) {
            throw new SpecException(Files.exists(w) ? g : w, 0, null, "cannot read the GPU baseline: " + e.getMessage(),
                    "workloads/baseline/ holds the measured H100 figures");
        }
    }

    /** Best measured case: bf16 at the largest measured batch. */
    public Figure best(String workload, long macs) {
        return find(workload, macs, true);
    }

    /** bf16 at batch 1 (launch-bound for small networks). */
    public Figure batchOne(String workload, long macs) {
        return find(workload, macs, false);
    }

    /**
     * As {@link #best} or {@link #batchOne} ({@code largest}), without the board's idle power: the measured
     * {@code joules_per_inference_above_idle}; empty when the workload was not measured.
     */
    public java.util.Optional<Figure> aboveIdle(String workload, boolean largest) {
        JsonNode pick = pick(workload, largest);
        if (pick == null || !pick.has("joules_per_inference_above_idle")) {
            return java.util.Optional.empty();
        }
        int b = pick.path("batch").asInt();
        return java.util.Optional.of(new Figure(String.format("%s bf16, batch %d (measured, above %.0f W idle)",
                shortName(), b, workloadIdleW), pick.path(
                "joules_per_inference_above_idle").asDouble(), b, true));
    }

    /**
     * The 8192^3 bf16 GEMM's measured energy per MAC at full load times {@code macs}: the least a GPU spends on
     * a network big enough to saturate it. {@code aboveIdle}: without the idle power over the GEMM's run time.
     */
    public Figure gemmSaturated(long macs, boolean aboveIdle) {
        JsonNode g = gemms.path("gemm_bf16_8192");
        double joules = g.path("joules").asDouble();
        if (aboveIdle) {
            joules -= idleW * g.path("seconds").asDouble();
        }
        double pjPerMac = joules / g.path("macs").asDouble() * 1e12;
        return new Figure(String.format("%s bf16 GEMM at saturation (%.2f pJ/MAC%s, measured 8192^3)", shortName(),
                pjPerMac, aboveIdle ? String.format(" above %.0f W idle", idleW) : ""), pjPerMac * 1e-12 * macs, 0,
                false);
    }

    /** Where the GPU figures come from. */
    public static final String SOURCE = "measured: NVIDIA H100 80GB HBM3, driver energy counter, PyTorch 2.11 "
            + "(workloads/baseline/h100-workloads.json and h100-measured.json; workloads/baseline/README.md)";

    private JsonNode pick(String workload, boolean largest) {
        JsonNode pick = null;
        int pickBatch = largest ? -1 : Integer.MAX_VALUE;
        for (Iterator<Map.Entry<String, JsonNode>> it = workloads.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!e.getKey().startsWith(workload + "_") || !v.path("dtype").asText().equals("bfloat16")) {
                continue;
            }
            int b = v.path("batch").asInt();
            if (largest ? b > pickBatch : b < pickBatch) {
                pick = v;
                pickBatch = b;
            }
        }
        return pick;
    }

    private Figure find(String workload, long macs, boolean largest) {
        JsonNode pick = pick(workload, largest);
        if (pick != null) {
            int pickBatch = pick.path("batch").asInt();
            return new Figure(String.format("%s bf16, batch %d (measured)", shortName(), pickBatch),
                    pick.path("joules_per_inference").asDouble(), pickBatch, true);
        }
        JsonNode gemm = gemms.path("gemm_bf16_8192");
        double pjPerMac = gemm.path("pj_per_mac").asDouble();
        return new Figure(String.format("%s bf16 8192^3 GEMM x MACs (%.2f pJ/MAC; workload not measured)",
                shortName(), pjPerMac), pjPerMac * 1e-12 * macs, 0, false);
    }

    private String shortName() {
        return device.contains("H100") ? "H100" : device;
    }
}
