package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phodex.cost.CostModel;
import org.phodex.devices.DeviceLibrary;
import org.phodex.evaluation.Catalog;
import org.phodex.spec.Param;
import org.phodex.spec.Params;

/**
 * Issue 5 through the real command: {@code phodex evaluate ... --json} on the shipped architectures, device
 * library and trained workloads. Expectations come from the CLI contract and the physics, not from the output.
 */
class EvaluateAcceptanceTest extends CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default command of the issue, run once (3 chips, the whole 2,000-sample MNIST test split). */
    private static JsonNode mnist;

    private JsonNode evaluate(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("evaluate", "--json"));
        a.addAll(List.of(args));
        assertEquals(0, run(a.toArray(String[]::new)), err);
        return JSON.readTree(out);
    }

    @BeforeAll
    static void runTheIssueCommand() throws IOException {
        CliRun r = CliRun.of("evaluate", "-a", "mzi-clements", "-w", "mnist-mlp", "--json");
        assertEquals(0, r.code(), r.err());
        mnist = JSON.readTree(r.out());
    }

    @Test
    void printsEveryContractFieldWithConsistentValues() {
        for (String f : List.of("architecture", "workload", "design", "energy_j", "energy_breakdown_j", "macs",
                "energy_per_mac_j", "latency_s", "throughput_macs_per_s", "power_w", "area_mm2", "laser_power_w",
                "received_power_w", "detected_photons_per_mac", "optical_energy_per_mac_j", "accuracy", "accuracy_std", "reference_accuracy", "relative_error",
                "baseline")) {
            assertTrue(mnist.has(f), "missing " + f);
        }
        assertTrue(mnist.get("baseline").isArray() && mnist.get("baseline").size() > 0, "baseline: a list");
        for (JsonNode b : mnist.get("baseline")) {
            for (String f : List.of("name", "kind", "energy_j", "ratio")) {
                assertTrue(b.has(f), "missing baseline." + f + " in " + b);
            }
        }
        assertEquals("mzi-clements", mnist.get("architecture").asText());
        assertEquals("mnist-mlp", mnist.get("workload").asText());
        // the design holds every parameter the spec fixes
        Set<String> design = new TreeSet<>();
        mnist.get("design").fieldNames().forEachRemaining(design::add);
        assertTrue(design.containsAll(List.of("layout", "mesh_size", "cores", "wavelengths", "dac_bits", "adc_bits",
                "weight_bits", "modulation_ghz", "phase_shifter", "laser_margin_db", "phase_error_rad",
                "coupler_error")), design.toString());
        // 784 x 128 + 128 x 10 multiply-accumulates per inference
        assertEquals(784 * 128 + 128 * 10, mnist.get("macs").asLong());
        double e = mnist.get("energy_j").asDouble();
        double sum = 0;
        for (Iterator<JsonNode> it = mnist.get("energy_breakdown_j").elements(); it.hasNext(); ) {
            double part = it.next().asDouble();
            assertTrue(part >= 0);
            sum += part;
        }
        assertEquals(e, sum, 1e-12 * e, "energy_breakdown_j sums to energy_j");
        assertEquals(e / 101_632, mnist.get("energy_per_mac_j").asDouble(), 1e-12 * e);
        double latency = mnist.get("latency_s").asDouble();
        assertEquals(101_632 / latency, mnist.get("throughput_macs_per_s").asDouble(), 1e-9 * 101_632 / latency);
        assertEquals(e / latency, mnist.get("power_w").asDouble(), 1e-9 * e / latency, "power = energy / latency");
        JsonNode b = HonestFrontAcceptanceTest.kind(mnist.get("baseline"), "measured-gpu", "batch 4096 (measured)");
        assertEquals(b.get("batch").asInt(), b.get("design_batch").asInt(), "like with like");
        assertEquals(b.get("energy_j").asDouble() / b.get("design_energy_j").asDouble(), b.get("ratio").asDouble(),
                1e-9 * b.get("ratio").asDouble());
        // accuracy: the whole 2,000-sample split, 3 chips, near the float network at the default 6-bit converters
        assertEquals(2000, mnist.get("accuracy_samples").asInt());
        assertEquals(3, mnist.get("chips").asInt());
        double acc = mnist.get("accuracy").asDouble();
        double ref = mnist.get("reference_accuracy").asDouble();
        assertTrue(ref > 0.92 && ref < 1, "float MNIST MLP " + ref);
        assertTrue(acc > ref - 0.03 && acc <= 1, "accuracy " + acc + " vs float " + ref);
        assertTrue(mnist.get("accuracy_std").asDouble() >= 0);
        double rel = mnist.get("relative_error").asDouble();
        assertTrue(rel > 0 && rel < 0.2, "relative error " + rel);
    }

    /** Unit suffixes that name a unit (SI or dB); documented dimensionless numbers are listed separately. */
    private static final List<String> UNIT_SUFFIXES = List.of("_j", "_s", "_w", "_mm2", "_db", "_hz", "_nm", "_ghz",
            "_rad", "_bits", "_per_s");
    private static final Set<String> DOCUMENTED = Set.of(
            "macs",                 // docs/cli.md: MACs per inference
            "accuracy", "accuracy_std", "reference_accuracy", // docs/cli.md: top-1 fraction, spread over chips
            "relative_error",       // docs/cli.md: RMS error relative to the exact product
            "ratio",                // docs/cli.md: baseline energy / this design's energy at the baseline's batch
            "batch", "design_batch", // inferences per weight load of the GPU figure and of the design beside it
            "accuracy_samples", "chips", "seed", // counts and the run seed
            "accuracy_ci95_low", "accuracy_ci95_high", "accuracy_p10", "accuracy_chips", // README "How accuracy is
            "p_vs_float",           // reported": interval, 10th-percentile chip, paired test against float
            "mesh_fit_error",       // relative approximation error of non-universal meshes
            "detected_photons_per_mac"); // docs/cli.md: photons per detector reading / MACs per reading
    /** action_counts: numbers of actions per inference (README "What an evaluation reports", ActionCounts). */
    private static final Set<String> COUNTS = Set.of("optical_shots", "dac_conversions", "modulator_symbols",
            "detector_readings", "adc_conversions", "partial_sum_adds", "tiles_static", "tiles_dynamic", "batch",
            "tiles_programmed", "weight_cells_per_core", "cells_programmed", "cell_seconds_held",
            "fp32_adds", "fp32_mults", "fp32_specials", "reprogrammings", "core_seconds",
            // words of each memory level per inference (docs/physics.md, memory hierarchy)
            "accumulator_reads", "accumulator_writes", "accumulator_accesses", "io_buffer_reads", "io_buffer_writes",
            "io_buffer_accesses", "global_buffer_reads", "global_buffer_writes", "global_buffer_accesses",
            "dram_reads", "dram_writes", "dram_accesses",
            "noc_words"); // words between the shared levels and the cores (docs/cli.md, action_counts)

    @Test
    void everyNumberHasAUnitInItsNameOrADocumentedMeaning() {
        List<String> undocumented = new ArrayList<>();
        walk(mnist, "", null, undocumented);
        assertTrue(undocumented.isEmpty(), "numbers without a unit or a documented meaning: " + undocumented);
    }

    private static void walk(JsonNode n, String path, String key, List<String> bad) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                walk(f.getValue(), path + "." + f.getKey(), f.getKey(), bad);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", key, bad);
            }
        } else if (n.isNumber()) {
            if (path.startsWith(".energy_breakdown_j.")) {
                return; // joules: the unit is in the parent's name
            }
            if (path.startsWith(".design.")) {
                Param p = Params.all().get(key);
                if (p == null || p.description().isBlank()) {
                    bad.add(path + " (not a documented parameter)");
                }
                return;
            }
            if (path.startsWith(".action_counts.") && COUNTS.contains(key)) {
                return;
            }
            if (UNIT_SUFFIXES.stream().noneMatch(key::endsWith) && !DOCUMENTED.contains(key)) {
                bad.add(path);
            }
        }
    }

    @Test
    void everyBreakdownComponentNamesItsEstimatorAndTheCountsAreThere() {
        JsonNode est = mnist.get("estimators");
        for (Iterator<String> it = mnist.get("energy_breakdown_j").fieldNames(); it.hasNext(); ) {
            String component = it.next();
            assertTrue(est.has(component) && !est.get(component).asText().isBlank(), component);
        }
        JsonNode counts = mnist.get("action_counts");
        assertEquals(mnist.get("macs").asLong(), counts.get("macs").asLong());
        assertEquals(mnist.get("latency_s").asDouble(), counts.get("latency_s").asDouble());
        assertTrue(counts.get("optical_shots").asDouble() > 0 && counts.get("adc_conversions").asDouble() > 0);
    }

    @Test
    void devicesUsedNamesLibraryEntriesForEveryBreakdownComponent() {
        DeviceLibrary lib = Catalog.locate().devices();
        JsonNode used = mnist.get("devices_used");
        Set<String> components = new TreeSet<>();
        mnist.get("energy_breakdown_j").fieldNames().forEachRemaining(components::add);
        assertEquals(new TreeSet<>(CostModel.COMPONENTS), components);
        for (String c : components) {
            assertTrue(used.has(c) && used.get(c).size() > 0, "devices_used." + c);
            for (JsonNode d : used.get(c)) {
                assertTrue(lib.has(d.asText()), c + " names '" + d.asText() + "', not a device library entry");
            }
        }
        // spot checks from the physics: the laser line is charged to the laser, holding to the phase shifter
        assertTrue(contains(used.get("laser"), "laser"));
        assertTrue(contains(used.get("adc"), "adc"));
        assertTrue(contains(used.get("weight_hold"), mnist.get("design").get("phase_shifter").asText()));
    }

    private static boolean contains(JsonNode array, String s) {
        for (JsonNode n : array) {
            if (n.asText().equals(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The accuracy comes from the functional simulation at the link budget's received power: lowering the laser
     * margin scales laser power, laser energy and received power by exactly 10^(dB/10), and the layer error grows
     * like thermal-noise-limited detection predicts (SNR ~ P^2, so RMS error ~ 1/P: ~4x per 6 dB) until accuracy
     * collapses. Positive and negative margins go through the same evaluator.
     */
    @Test
    void laserMarginMovesLaserEnergyReceivedPowerAndAccuracyTogether() throws IOException {
        double[] margins = {6, 0, -12, -18};
        JsonNode[] r = new JsonNode[margins.length];
        for (int i = 0; i < margins.length; i++) {
            r[i] = evaluate("-a", "mzi-clements", "-w", "mnist-mlp", "--samples", "500", "--chips", "1", "--set",
                    "laser_margin_db=" + margins[i]);
        }
        for (int i = 1; i < margins.length; i++) {
            double factor = Math.pow(10, (margins[i] - margins[0]) / 10);
            for (String f : List.of("laser_power_w", "received_power_w")) {
                assertEquals(factor, r[i].get(f).asDouble() / r[0].get(f).asDouble(), 1e-9, f + " at "
                        + margins[i] + " dB");
            }
            double laserJ = r[i].get("energy_breakdown_j").get("laser").asDouble();
            assertEquals(factor, laserJ / r[0].get("energy_breakdown_j").get("laser").asDouble(), 1e-9);
            assertTrue(r[i].get("energy_j").asDouble() < r[i - 1].get("energy_j").asDouble());
            assertTrue(r[i].get("relative_error").asDouble() > r[i - 1].get("relative_error").asDouble(),
                    "layer error grows as the margin falls to " + margins[i]);
        }
        double ratio = r[3].get("relative_error").asDouble() / r[2].get("relative_error").asDouble();
        assertTrue(ratio > 2.0 && ratio < 4.2, "-12 -> -18 dB: error ratio " + ratio
                + " (shot-limited 2x, thermal-limited 4x)");
        double acc0 = r[1].get("accuracy").asDouble();
        assertTrue(r[0].get("accuracy").asDouble() >= acc0 - 0.01, "more margin does not cost accuracy");
        assertTrue(acc0 - r[3].get("accuracy").asDouble() > 0.10, "-18 dB: " + r[3].get("accuracy"));
    }

    /** depth x (0.99 - 0.5) dB less path loss; Clements depth on N x N tiles is N + 1 + N (docs/physics.md sec. 2). */
    @ParameterizedTest(name = "N = {0}")
    @CsvSource({"8", "16"})
    void mziInsertionLossSetOnTheCommandLineChangesTheLinkBudget(int n) throws IOException {
        JsonNode base = evaluate("-a", "mzi-clements", "-w", "digits-mlp", "--samples", "50", "--chips", "1",
                "--set", "mesh_size=" + n);
        JsonNode low = evaluate("-a", "mzi-clements", "-w", "digits-mlp", "--samples", "50", "--chips", "1",
                "--set", "mesh_size=" + n, "--set", "devices.mzi.insertion_loss_db=0.5");
        int depth = 2 * n + 1;
        double drop = base.get("link_budget").get("path_loss_db").asDouble()
                - low.get("link_budget").get("path_loss_db").asDouble();
        assertEquals(depth * 0.49, drop, 1e-9);
        assertEquals(Math.pow(10, -drop / 10), low.get("laser_power_w").asDouble()
                / base.get("laser_power_w").asDouble(), 1e-9);
        assertEquals(base.get("received_power_w").asDouble(), low.get("received_power_w").asDouble(), 0.0,
                "the detector still needs the same power");
    }

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', value = {
        "adc_bitz=4 | did you mean 'adc_bits'",
        "adc_bitz=4 | valid: layout, mesh_size",
        "adc_bits=many | whole number",
        "adc_bits=40 | out of range",
        "laser_margin_db=loud | takes a number",
        "layout=hexagon | valid: clements",
        "phase_shifter=unobtainium | valid: thermo_optic",
        "devices.mzi.insertion_los_db=0.5 | did you mean 'devices.mzi.insertion_loss_db'",
        "devices.nosuch.gain=1 | phodex list devices",
        "devices.mzi.insertion_loss_db=-1 | not physical",
        "devices.mzi.insertion_loss_db=abc | takes a number",
        "devices.mzi.insertion_loss_db=NaN | not physical",
        "layout=reck | -a mzi-reck",
        "adc_bits | NAME=VALUE"})
    void badSettingsExitTwoWithOneMessage(String setting, String hint) {
        assertEquals(2, run("evaluate", "-a", "mzi-clements", "-w", "digits-mlp", "--json", "--set", setting), out);
        assertTrue(err.contains(hint), err);
        assertEquals(1, err.strip().lines().count(), "one message: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertTrue(out.isEmpty(), "nothing on stdout: " + out);
    }
}
