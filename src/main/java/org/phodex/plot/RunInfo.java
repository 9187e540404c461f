package org.phodex.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the figures need from a run's or sweep's {@code manifest.json}; every field but the kind is optional
 * (NaN or empty when absent).
 *
 * @param kind               "run" or "sweep"
 * @param workload           workload name, "" if unknown
 * @param architectures      architecture names listed in the manifest
 * @param seed               the run's seed, "" if unknown
 * @param vary               swept parameter names (sweeps only)
 * @param baseline           measured digital energy per inference at large batch (e.g. H100 bf16, batch 4096)
 * @param baselineBatch1     the same at batch 1
 * @param referenceAccuracy  float network accuracy, fraction 0..1
 * @param macs               multiply-accumulates per inference
 * @param otherBaselines     every other labelled baseline of the manifest's {@code baselines} list (above idle,
 *                           GEMM saturation, the digital MAC array), drawn as further reference lines
 */
record RunInfo(String kind, String workload, List<String> architectures, String seed, List<String> vary,
               Optional<Baseline> baseline, Optional<Baseline> baselineBatch1, double referenceAccuracy,
               double macs, List<Baseline> otherBaselines) {

    RunInfo(String kind, String workload, List<String> architectures, String seed, List<String> vary,
            Optional<Baseline> baseline, Optional<Baseline> baselineBatch1, double referenceAccuracy, double macs) {
        this(kind, workload, architectures, seed, vary, baseline, baselineBatch1, referenceAccuracy, macs, List.of());
    }

    /** A measured digital reference: its name (which device, which batch) and energy per inference. */
    record Baseline(String name, double energyJ) {
    }

    static RunInfo empty(String kind) {
        return new RunInfo(kind, "", List.of(), "", List.of(), Optional.empty(), Optional.empty(), Double.NaN,
                Double.NaN);
    }

    static boolean isSweepManifest(Path manifest) {
        JsonNode root = parse(manifest);
        return "sweep".equals(root.path("kind").asText(""));
    }

    static RunInfo read(Path manifest, String defaultKind) {
        JsonNode root = parse(manifest);
        // the search merges the evaluator's run info at the top level; older manifests nest it under run_info
        JsonNode info = root.has("run_info") ? root.path("run_info") : root;
        return new RunInfo(
                root.path("kind").asText(defaultKind),
                root.path("workload").asText(""),
                strings(root.path("architectures")),
                root.path("seed").isMissingNode() || root.path("seed").isNull() ? "" : root.path("seed").asText(),
                strings(root.path("vary")),
                baseline(info.path("baseline")),
                baseline(info.path("baseline_batch1")),
                // a re-scored run's front is measured on the whole split: its float reference is that split's
                root.path("rescoring").path("float_accuracy").isNumber()
                        ? number(root.path("rescoring").path("float_accuracy"))
                        : number(info.path("reference_accuracy")),
                number(info.path("macs")),
                others(info));
    }

    private static JsonNode parse(Path manifest) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(manifest));
            if (root == null || !root.isObject()) {
                throw new PlotInputException(manifest + ": expected a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new PlotInputException(manifest + ": not valid JSON: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return List.copyOf(out);
    }

    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** The {@code baselines} list without the two figures already named by {@code baseline*}. */
    private static List<Baseline> others(JsonNode info) {
        List<Baseline> out = new ArrayList<>();
        java.util.Set<String> drawn = new java.util.HashSet<>();
        baseline(info.path("baseline")).ifPresent(b -> drawn.add(b.name()));
        baseline(info.path("baseline_batch1")).ifPresent(b -> drawn.add(b.name()));
        for (JsonNode n : info.path("baselines")) {
            baseline(n).filter(b -> !drawn.contains(b.name())).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Baseline> baseline(JsonNode node) {
        double energyJ = number(node.path("energy_j"));
        if (!node.isObject() || !(energyJ > 0) || Double.isInfinite(energyJ)) {
            return Optional.empty();
        }
        return Optional.of(new Baseline(node.path("name").asText("digital baseline"), energyJ));
    }
}
