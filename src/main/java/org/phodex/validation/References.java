package org.phodex.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.phodex.spec.SpecException;
import org.phodex.spec.SpecNode;

/** Loads the published cases of {@code architectures/reference/*.yaml}, strictly. */
public final class References {
    /** model -> its input keys (required) */
    static final Map<String, List<String>> MODEL_INPUTS = Map.of(
            "crosslight_laser", List.of("sensitivity_dbm", "modulator_loss_db", "compute_loss_db", "nw", "nh",
                    "wall_plug_efficiency", "bits"),
            "converter", List.of("device", "bits", "rate_hz"),
            "mesh", List.of("family", "mesh_size"),
            "digital_baseline", List.of("workload", "batch"),
            "mrr_weight_bank", List.of("ring_q", "channels", "tuning_bits", "calibration"),
            "design", List.of("architecture", "gemm_rows", "gemm_inner", "gemm_outputs"),
            "memory_level", List.of("level", "word_bits"));
    static final Map<String, List<String>> MODEL_OPTIONAL_INPUTS = Map.of(
            "memory_level", List.of("capacity_bytes", "relative_to_mac_bits"),
            "mesh", List.of("butterfly_stacks", "mesh_columns"),
            "mrr_weight_bank", List.of("channel_spacing_nm", "resonance_sigma_nm", "weight_span", "banks", "seed"),
            "design", List.of("set"));
    static final Map<String, List<String>> MODEL_OUTPUTS = Map.of(
            "crosslight_laser", List.of("optical_dbm", "electrical_w"),
            "converter", List.of("energy_per_conversion_j"),
            "mesh", List.of("unitary_mzis", "unitary_depth", "tile_mzis", "tile_depth"),
            "digital_baseline", List.of("energy_j"),
            "mrr_weight_bank", List.of("weight_accuracy_bits"),
            "design", List.of("energy_per_op_j", "throughput_ops_per_s", "power_w"),
            "memory_level", List.of("log10_energy_per_access_j", "log10_relative_to_mac"));

    private References() {
    }

    public static List<ReferenceCase> loadAll(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new SpecException(dir, 0, null, "cannot read reference cases: " + e.getMessage(), null);
        }
        List<ReferenceCase> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(load(f));
        }
        return out;
    }

    public static List<ReferenceCase> load(Path file) {
        SpecNode root = SpecNode.load(file);
        Map<String, SpecNode> top = root.entries(List.of("version", "citation", "kind", "cases"),
                List.of("version", "citation", "kind", "cases"));
        root.requireVersion(Set.of(1));
        String citation = top.get("citation").asString();
        String fileKind = top.get("kind").asChoice(ReferenceCase.KINDS);
        List<ReferenceCase> out = new ArrayList<>();
        for (SpecNode c : top.get("cases").items()) {
            Map<String, SpecNode> e = c.entries(List.of("name", "model", "inputs", "expected", "citation", "kind", "note",
                    "known_disagreement", "explanation"), List.of("name", "model", "inputs", "expected"));
            String model = e.get("model").asChoice(MODEL_INPUTS.keySet());
            List<String> allowedIn = new ArrayList<>(MODEL_INPUTS.get(model));
            allowedIn.addAll(MODEL_OPTIONAL_INPUTS.getOrDefault(model, List.of()));
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (Map.Entry<String, SpecNode> in : e.get("inputs").entries(allowedIn, MODEL_INPUTS.get(model))
                    .entrySet()) {
                inputs.put(in.getKey(), in.getValue().isNumber() ? (Object) in.getValue().asDouble()
                        : in.getValue().asString());
            }
            Map<String, ReferenceCase.Expected> expected = new LinkedHashMap<>();
            for (Map.Entry<String, SpecNode> x : e.get("expected").entries(MODEL_OUTPUTS.get(model)).entrySet()) {
                Map<String, SpecNode> v = x.getValue().entries(List.of("value", "abs_tolerance", "rel_tolerance"),
                        List.of("value"));
                boolean abs = v.containsKey("abs_tolerance");
                boolean rel = v.containsKey("rel_tolerance");
                if (abs == rel) {
                    throw x.getValue().error("give exactly one of abs_tolerance or rel_tolerance", null);
                }
                expected.put(x.getKey(), new ReferenceCase.Expected(v.get("value").asDouble(),
                        abs ? v.get("abs_tolerance").asDouble(0, Double.MAX_VALUE, "tolerance >= 0") : Double.NaN,
                        rel ? v.get("rel_tolerance").asDouble(0, 10, "a fraction, e.g. 0.01") : Double.NaN));
            }
            String caseCitation = e.containsKey("citation") ? e.get("citation").asString() : citation;
            String kind = e.containsKey("kind") ? e.get("kind").asChoice(ReferenceCase.KINDS) : fileKind;
            boolean known = e.containsKey("known_disagreement") && e.get("known_disagreement").asBoolean();
            if (known && !e.containsKey("explanation")) {
                throw e.get("known_disagreement").error("a known disagreement needs its 'explanation'", null);
            }
            out.add(new ReferenceCase(e.get("name").asString(), SpecException.display(file), c.line(), caseCitation,
                    kind, model, inputs, expected, e.containsKey("note") ? e.get("note").asString() : "", known,
                    e.containsKey("explanation") ? e.get("explanation").asString() : ""));
        }
        return out;
    }
}
