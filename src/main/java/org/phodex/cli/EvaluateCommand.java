package org.phodex.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.DesignResolver;
import org.phodex.evaluation.EvaluationResult;
import org.phodex.evaluation.Evaluator;
import org.phodex.evaluation.ResultJson;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.verdict.Baseline;
import org.phodex.verdict.Baselines;
import org.phodex.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex evaluate}: score one design, as a table or as one JSON object. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score one design: energy (by component), latency, area from the cost model, and accuracy "
                + "from the functional simulation at the link budget's received power.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = {"-a", "--architecture"}, required = true, paramLabel = "ARCH",
            description = "architecture name (phodex list architectures) or YAML path")
    String architecture;

    @Option(names = {"-w", "--workload"}, required = true, paramLabel = "WORKLOAD",
            description = "workload name (phodex list workloads) or YAML path")
    String workload;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "set a parameter (e.g. adc_bits=4) or a device field (e.g. devices.mzi.insertion_loss_db=0.5)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--chips", defaultValue = "3", paramLabel = "K",
            description = "chip samples for the Monte Carlo over static errors (default: ${DEFAULT-VALUE})")
    int chips;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N",
            description = "test samples for accuracy (default: the whole test split)")
    int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--training-budget", defaultValue = "1", paramLabel = "F",
            description = "fraction of the co-design training (training=noise-aware, in-mesh, ...) to run, in (0, 1] "
                    + "(default: ${DEFAULT-VALUE}, in full; a search trains with less, see search --training-budget)")
    double trainingBudget;

    @Option(names = "--json", description = "print one JSON object (fields as in the CLI contract)")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (chips < 1) {
            throw new UsageException("--chips must be at least 1, got " + chips);
        }
        if (samples < 0) {
            throw new UsageException("--samples must be positive, got " + samples);
        }
        if (!(trainingBudget > 0 && trainingBudget <= 1)) {
            throw new UsageException("--training-budget must be in (0, 1] (a fraction of the full training), got "
                    + trainingBudget);
        }
        Catalog cat = Catalog.locate();
        ArchitectureSpec arch = cat.architecture(architecture);
        Workload w = cat.workload(workload);
        DesignResolver.Resolved r;
        try {
            r = DesignResolver.resolve(arch, cat.devices(), settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--set: " + e.getMessage());
        }
        int n = samples > 0 ? samples : Math.max(1, w.testSize());
        Evaluator ev = new Evaluator(w, cat.baseline(), new Evaluator.Options(chips, n, Math.min(n, 500), seed,
                trainingBudget));
        EvaluationResult res;
        try {
            res = ev.evaluate(arch, r.design(), r.devices());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Baseline> baselines = Baselines.beside(ev, arch, res, r.devices(), Baselines.digitalDefaults(cat));
        if (json) {
            var node = ResultJson.toNode(res, seed);
            // every baseline, each beside the design at its batch; no ratio for a design that cannot be built
            node.set("baseline", Baselines.toJson(baselines, res.feasible()));
            out.println(node.toPrettyString());
        } else {
            table(out, res, seed);
            if (res.feasible()) {
                baselineTable(out, baselines, Baselines.missingMeasurements(ev.baseline(), w.name(), res.cost().macs()));
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Every baseline, labelled, each beside the design at the baseline's batch, and a note on the GPU measurements
     * the workload lacks (null or empty: none).
     */
    static void baselineTable(PrintWriter out, List<Baseline> baselines, String missing) {
        out.println("baselines (kind; the design priced at the baseline's batch, or in sub-batches of its own when "
                + "that is cheaper; beside 'above idle' figures the design above its own idle draw, less leakage and "
                + "standby):");
        int width = baselines.stream().mapToInt(b -> b.name().length()).max().orElse(30);
        for (Baseline b : baselines) {
            if (!b.available()) {
                out.printf("  %-" + width + "s  (%s)%n", b.name(), b.kind());
                continue;
            }
            out.printf("  %-" + width + "s %10s  %-18s design at batch %d: %s -> %s%s%n", b.name(),
                    Units.si(b.energyJ(), "J"), "(" + b.kind() + ")", b.designBatch(), Units.si(b.designEnergyJ(),
                            "J"), b.ratioText(), Double.isNaN(b.accuracy()) ? ""
                            : String.format(java.util.Locale.ROOT, "; its accuracy %.2f%%", 100 * b.accuracy()));
        }
        if (missing != null && !missing.isEmpty()) {
            out.println("  (" + missing + ")");
        }
    }

    static void table(PrintWriter out, EvaluationResult r, long seed) {
        var c = r.cost();
        out.printf("%s on %s  (seed %d, %d chip sample%s%s)%n", r.design().architecture(), r.workload(), seed,
                r.chips(), r.chips() == 1 ? "" : "s",
                r.hasAccuracy() ? ", " + r.accuracySamples() + " test samples" : "");
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : r.design().params().entrySet()) {
            sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        out.println("design: " + sb);
        if (!r.feasible()) {
            // the reasons first: nothing below is a result this design delivers
            String[] reasons = r.infeasibleReason().split(Evaluator.REASON_SEPARATOR);
            out.println();
            out.printf("INFEASIBLE: %d limit%s broken%n", reasons.length, reasons.length == 1 ? "" : "s");
            for (String why : reasons) {
                out.println("  - " + why);
            }
            out.println("The figures below describe a design that cannot be built as specified; it is not compared "
                    + "with the digital baseline.");
        }
        out.println();
        if (r.buildable()) {
            out.printf("%-28s %12s  %s%n", "energy per inference", Units.si(c.energyJ(), "J"),
                    String.format("(%s per MAC, %,d MACs)", Units.si(c.energyPerMacJ(), "J"), c.macs()));
        } else {
            out.printf("%-28s %12s  (no laser can drive it: the laser line, the total and the power are not given)%n",
                    "energy per inference", "n/a");
        }
        for (Map.Entry<String, Double> e : c.breakdownJ().entrySet()) {
            boolean laser = e.getKey().equals("laser");
            if (!r.buildable()) {
                out.printf("  %-26s %12s          devices: %s%n", e.getKey(), laser ? "n/a"
                        : Units.si(e.getValue(), "J"), String.join(", ", c.devicesUsed().get(e.getKey())));
                continue;
            }
            out.printf("  %-26s %12s  %5.1f%%  devices: %s%n", e.getKey(), Units.si(e.getValue(), "J"),
                    100 * e.getValue() / c.energyJ(), String.join(", ", c.devicesUsed().get(e.getKey())));
        }
        if (Double.isFinite(c.attentionEnergyJ()) && r.buildable()) {
            out.printf("  %-26s %12s  %5.1f%%  (Q K^T and P V priced alone: dynamic weights, reprogrammed per "
                    + "inference)%n", "of which attention", Units.si(c.attentionEnergyJ(), "J"),
                    100 * c.attentionShare());
        }
        out.printf("%-28s %12s%n", "latency per inference", Units.si(c.latencyS(), "s"));
        out.printf("%-28s %12s%n", "throughput", Units.si(c.throughputMacsPerS(), "MAC/s"));
        out.printf("%-28s %12s%n", "power", r.buildable() ? Units.si(c.powerW(), "W") : "n/a");
        out.printf("%-28s %12s%n", "area", String.format("%.4g mm2", c.areaMm2()));
        var link = c.link();
        if (!link.path().isEmpty()) { // a digital family has no optics to report
            out.printf("%-28s %12s  (%s model; worst path %.2f dB)%n", "laser power (electrical)",
                    r.buildable() ? Units.si(link.laserElectricalW(), "W") : "n/a", link.model(), link.pathLossDb());
            out.printf("%-28s %12s  (minimum for %.1f dB SNR: %s)%n", "received power per detector",
                    Units.si(link.receivedPowerW(), "W"), link.targetSnrDb(),
                    Units.si(link.minReceivedPowerW(), "W"));
            out.printf("%-28s %12.4g  (at full scale; optical laser energy %s per MAC)%n",
                    "detected photons per MAC", c.detectedPhotonsPerMac(),
                    r.buildable() ? Units.si(c.opticalEnergyPerMacJ(), "J") : "n/a");
        }
        if (r.hasAccuracy()) {
            out.printf("%-28s %11.2f%%  (+/- %.2f over chips; float %.2f%%)%n", "accuracy (top-1)",
                    100 * r.accuracy(), 100 * r.accuracyStd(), 100 * r.referenceAccuracy());
            var st = r.accuracyStats();
            out.printf("  %-26s %5.2f-%.2f%%  (%d chip%s x %d samples; 10th-percentile chip %.2f%%)%n",
                    "95% interval", 100 * st.ci95Low(), 100 * st.ci95High(), st.chips(), st.chips() == 1 ? "" : "s",
                    st.samples(), 100 * st.p10());
            out.printf("  %-26s %s%n", "versus float", st.versusFloat());
        } else {
            out.printf("%-28s %12s  (no application accuracy: matrix-level error only)%n", "accuracy (top-1)", "n/a");
        }
        out.printf("%-28s %12.4g  (RMS, relative to the exact product, mean over %d layers)%n", "relative error",
                r.relativeError(), r.layerErrors().size());
        for (EvaluationResult.LayerError le : r.layerErrors()) {
            out.printf("  %-26s %12.4g  SNR %.1f dB%n", le.name(), le.relativeRmsError(), le.snrDb());
        }
        if (r.fitErrorMean() > 0) {
            out.printf("%-28s %12.4g  (non-universal mesh approximation)%n", "mesh fit error", r.fitErrorMean());
        }
    }
}
