package org.phodex.verdict;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.phodex.spec.SiUnits;
import org.phodex.stats.AccuracyStats;

/** The verdict as Markdown (verdict.md, the command's table), JSON (verdict.json, --json) and a README line. */
public final class VerdictText {
    private VerdictText() {
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * f);
    }

    private static String joules(double j) {
        return Double.isFinite(j) ? SiUnits.ascii(j, "J") : "n/a";
    }

    /** "97.30 % (95% CI 96.1-98.2 %), within noise of float (...)". */
    static String accuracy(Verdict v, Verdict.Design d) {
        return String.format(Locale.ROOT, "%s (95%% CI %.2f-%.2f %%); %s", pct(d.accuracy()), 100 * d.ci95Low(),
                100 * d.ci95High(), AccuracyStats.comparison(d.accuracy(), d.ci95Low(), d.ci95High(),
                        v.floatAccuracy(), d.pVsFloat()));
    }

    public static String markdown(Verdict v) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Verdict: ").append(v.workload()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Question: is 100x less energy than each baseline reachable within %.2g "
                + "points of the float network's accuracy (95%% paired interval), under this run's device numbers?%n%n",
                v.tolerancePts()));
        sb.append(String.format(Locale.ROOT, "- run: `%s`; float network: %s on %d test samples%n", v.run(),
                pct(v.floatAccuracy()), v.samples()));
        sb.append(String.format(Locale.ROOT, "- accuracies: %s; %d feasible photonic designs evaluated, %d "
                        + "re-scored, %d within %.2g points of float%n", v.rescored() ? "re-scored at the end of the "
                        + "run on " + v.samples() + " samples" + (v.chips() > 0 ? " x " + v.chips() + " chips per "
                        + "photonic design" : "") : "search-time estimates",
                v.evaluated(), v.candidates(), v.qualifying(), v.tolerancePts()));
        for (String n : v.notes()) {
            sb.append("- note: ").append(n).append('\n');
        }
        sb.append('\n');
        if (!v.answered()) {
            sb.append(String.format(Locale.ROOT, "**No photonic design of this run is within %.2g points of float at "
                    + "the 95%% level**, so the question has no answer from this run.", v.tolerancePts()));
            if (v.closest() != null) {
                Verdict.Design c = v.closest();
                sb.append(String.format(Locale.ROOT, " Closest photonic design: `%s` at %s, %s; accuracy - float "
                                + "is at least %.2f points (95%%). A wider --tolerance or a longer search may find "
                                + "one.", c.key(), joules(c.energyJ()), accuracy(v, c), 100 * c.diffCi95Low()));
            }
            sb.append("\n\n");
        } else {
            Verdict.Design b = v.best();
            sb.append(String.format(Locale.ROOT, "**Lowest-energy photonic design within %.2g points of float:** "
                            + "`%s`%n%n- energy: %s per inference at batch %d%n- accuracy: %s%n", v.tolerancePts(),
                    b.key(), joules(b.energyJ()), b.batch(), accuracy(v, b)));
            if (v.dominant() != null) {
                sb.append(String.format(Locale.ROOT, "- dominant energy component: %s (%.0f %% of the energy)%n",
                        v.dominant().name(), 100 * v.dominant().share()));
            }
            sb.append("\n| baseline | kind | baseline energy | design energy (batch) | ratio | 100x? |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (Baseline x : v.baselines()) {
                if (!x.available()) {
                    sb.append("| ").append(x.name()).append(" | ").append(x.kind()).append(" | n/a | | | |\n");
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s (%d) | %s | %s |%n", x.name(), x.kind(),
                        joules(x.energyJ()), joules(x.designEnergyJ()), x.designBatch(), x.ratioText(),
                        x.reaches100x() ? "yes" : "no"));
            }
            sb.append("\nThe design is priced at each baseline's batch. \"Above idle\" GPU figures leave out the board's "
                    + "idle power and are compared with the design above its own idle draw (less its SRAM leakage and "
                    + "front-end standby).\n\n");
        }
        if (v.digital() != null) {
            Verdict.Design d = v.digital();
            sb.append(String.format(Locale.ROOT, "Lowest-energy digital design of the run within %.2g points of float: "
                    + "`%s` at %s per inference, %s.%n", v.tolerancePts(), d.key(), joules(d.energyJ()),
                    accuracy(v, d)));
            if (!v.digitalVsGpu().isEmpty()) {
                sb.append("\n| GPU baseline (beside the digital design) | kind | baseline energy | design energy (batch) "
                        + "| ratio |\n|---|---|---|---|---|\n");
                for (Baseline x : v.digitalVsGpu()) {
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s (%d) | %s |%n", x.name(), x.kind(),
                            joules(x.energyJ()), joules(x.designEnergyJ()), x.designBatch(), x.ratioText()));
                }
            }
            sb.append('\n');
        }
        Verdict.Claim c = v.moreAccurate();
        if (c.claimed()) {
            sb.append(String.format(Locale.ROOT, "More accurate than float: yes, `%s` (p = %.2g, exact paired "
                    + "test).%n", c.design(), c.pValue()));
        } else if (Double.isNaN(c.pValue())) {
            sb.append("More accurate than float: no design of the run scores above float.\n");
        } else {
            sb.append(String.format(Locale.ROOT, "More accurate than float: no; the best case above float is within "
                    + "noise (p = %.2g, exact paired test).%n", c.pValue()));
        }
        if (v.answered()) {
            if (v.assumptions().isEmpty()) {
                sb.append("\nDevice numbers: the library's, unchanged (architectures/devices/).\n");
            } else {
                sb.append("\nDevice numbers changed from the library:\n");
                for (Verdict.Assumption a : v.assumptions()) {
                    sb.append(String.format(Locale.ROOT, "- %s = %.6g (library: %.6g, %s)%n", a.path(), a.value(),
                            a.libraryValue(), a.librarySource()));
                }
            }
        }
        return sb.toString();
    }

    public static ObjectNode json(Verdict v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("run", v.run());
        o.put("workload", v.workload());
        Baselines.number(o, "float_accuracy", v.floatAccuracy());
        o.put("tolerance", v.tolerancePts());
        o.put("tolerance_unit", "percentage points below float (95% paired interval)");
        o.put("accuracy_samples", v.samples());
        o.put("accuracy_chips", v.chips());
        o.put("rescored", v.rescored());
        o.put("evaluated", v.evaluated());
        o.put("candidates", v.candidates());
        o.put("qualifying", v.qualifying());
        if (v.best() == null) {
            o.putNull("best");
        } else {
            o.set("best", design(v.best()));
        }
        if (v.closest() != null) {
            o.set("closest", design(v.closest()));
        }
        if (v.digital() != null) {
            ObjectNode d = design(v.digital());
            d.set("baselines", Baselines.toJson(v.digitalVsGpu(), true));
            o.set("digital_best", d);
        }
        o.set("baselines", Baselines.toJson(v.baselines(), true));
        ObjectNode m = o.putObject("more_accurate_than_float");
        m.put("claimed", v.moreAccurate().claimed());
        Baselines.number(m, "p_value", v.moreAccurate().pValue());
        m.put("design", v.moreAccurate().design());
        if (v.dominant() == null) {
            o.putNull("dominant_component");
        } else {
            ObjectNode d = o.putObject("dominant_component");
            d.put("name", v.dominant().name());
            d.put("energy_j", v.dominant().energyJ());
            d.put("share", v.dominant().share());
        }
        var as = o.putArray("assumptions");
        for (Verdict.Assumption a : v.assumptions()) {
            ObjectNode x = as.addObject();
            x.put("path", a.path());
            x.put("value", a.value());
            x.put("library_value", a.libraryValue());
            x.put("library_source", a.librarySource());
        }
        var ns = o.putArray("notes");
        v.notes().forEach(ns::add);
        return o;
    }

    private static ObjectNode design(Verdict.Design d) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("architecture", d.architecture());
        ObjectNode p = b.putObject("design");
        d.params().forEach(p::put);
        b.put("design_key", d.key());
        b.put("batch", d.batch());
        b.put("energy_j", d.energyJ());
        b.put("accuracy", d.accuracy());
        var ci = b.putArray("accuracy_ci95");
        ci.add(d.ci95Low());
        ci.add(d.ci95High());
        Baselines.number(b, "p_vs_float", d.pVsFloat());
        Baselines.number(b, "accuracy_minus_float_ci95_low", d.diffCi95Low());
        return b;
    }

    /** One README paragraph generated from the verdict (README "What it says so far"). */
    public static String readme(Verdict v, String howRun) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "- **%s** (%s): float network %s on %d test samples. ", v.workload(),
                howRun, pct(v.floatAccuracy()), v.samples()));
        if (!v.answered()) {
            sb.append(String.format(Locale.ROOT, "No photonic design is within %.2g points of float at the 95%% "
                    + "level (%d evaluated, %d re-scored), so 100x at equal accuracy is not shown", v.tolerancePts(),
                    v.evaluated(), v.candidates()));
            if (v.closest() != null) {
                Verdict.Design c = v.closest();
                sb.append(String.format(Locale.ROOT, "; the closest, %s, reaches %s at %s per inference",
                        c.architecture(), pct(c.accuracy()), joules(c.energyJ())));
            }
            sb.append(". ");
        } else {
            Verdict.Design b = v.best();
            sb.append(String.format(Locale.ROOT, "Lowest-energy photonic design within %.2g points of float: %s at "
                            + "%s per inference (batch %d), %s. Energy ratios (baseline / design, design at the "
                            + "baseline's batch): ", v.tolerancePts(), b.architecture(), joules(b.energyJ()),
                    b.batch(), accuracy(v, b)));
            StringBuilder r = new StringBuilder();
            for (Baseline x : v.baselines()) {
                if (!x.available()) {
                    continue;
                }
                r.append(r.isEmpty() ? "" : "; ").append(x.name()).append(" [").append(x.kind()).append("]: ")
                        .append(x.ratioText());
            }
            sb.append(r).append(". ");
            long hits = v.baselines().stream().filter(Baseline::reaches100x).count();
            sb.append(hits == 0 ? "100x is reached against none of them. "
                    : "100x is reached against " + hits + " of them. ");
            if (v.dominant() != null) {
                sb.append(String.format(Locale.ROOT, "Its energy is dominated by %s (%.0f %%). ", v.dominant().name(),
                        100 * v.dominant().share()));
            }
        }
        if (v.digital() != null) {
            Verdict.Design d = v.digital();
            sb.append(String.format(Locale.ROOT, "The run's lowest-energy digital design within %.2g points of float "
                            + "(%s) needs %s per inference at batch %d, %s", v.tolerancePts(), d.architecture(),
                    joules(d.energyJ()), d.batch(), pct(d.accuracy())));
            StringBuilder r = new StringBuilder();
            for (Baseline x : v.digitalVsGpu()) {
                if (x.available()) {
                    r.append(r.isEmpty() ? "" : "; ").append(x.name()).append(" [").append(x.kind()).append("]: ")
                            .append(x.ratioText());
                }
            }
            sb.append(r.isEmpty() ? ". " : "; against the GPU, priced at each baseline's batch: " + r + ". ");
        }
        Verdict.Claim c = v.moreAccurate();
        sb.append(c.claimed() ? String.format(Locale.ROOT, "A design is more accurate than float (p = %.2g).",
                c.pValue()) : "No design is shown more accurate than float.");
        return sb.append('\n').toString();
    }
}
