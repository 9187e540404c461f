package org.phodex.verdict;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.phodex.arch.Families;
import org.phodex.devices.DeviceLibrary;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.DesignResolver;
import org.phodex.evaluation.Evaluator;
import org.phodex.search.Checkpoint;
import org.phodex.search.RunConfig;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Params;
import org.phodex.stats.AccuracyStats;
import org.phodex.workload.Workload;

/**
 * Forms the {@link Verdict} of a finished search run from its folder: the re-scored designs (rescored.csv, else
 * pareto.csv with a note), the run's saved specs (checkpoint/) and the repository's workload, device library and
 * baselines. A photonic design qualifies when the lower end of the 95% paired interval of (accuracy - float) is at
 * least -tolerance; the verdict's design is the qualifying one with the least energy per inference.
 */
public final class Verdicts {
    /** Default tolerance, percentage points below float. */
    public static final double DEFAULT_TOLERANCE_PTS = 0.5;
    /** The re-scoring's band below float for designs beyond the archive (search.RescoreCandidates). */
    static final double RESCORE_BAND_POINTS = 2.0;

    private Verdicts() {
    }

    /** A row of the run's CSV with the spec and resolved design behind it. */
    private record Row(CSVRecord rec, ArchitectureSpec spec, boolean photonic, Map<String, String> params) {
        double num(String col) {
            String v = rec.isMapped(col) ? rec.get(col) : "";
            return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }

        String key() {
            return rec.isMapped("design_key") ? rec.get("design_key") : spec.name() + params;
        }
    }

    /** IllegalArgumentException with a user-facing message for a folder that is not a finished search run. */
    public static Verdict of(Path runDir, double tolerancePts, Catalog cat) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("no run folder at " + runDir);
        }
        if (!(tolerancePts >= 0) || tolerancePts > 100) {
            throw new IllegalArgumentException("--tolerance is in percentage points, 0 to 100; got " + tolerancePts);
        }
        Checkpoint cp = Checkpoint.read(runDir);
        RunConfig config = cp.config();
        Path csv = runDir.resolve("rescored.csv");
        List<String> notes = new ArrayList<>();
        boolean rescored = Files.isRegularFile(csv);
        if (!rescored) {
            csv = runDir.resolve("pareto.csv");
            notes.add("not re-scored: accuracies are the search-time estimates (resume the run to re-score it)");
        }
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(runDir + " has no pareto.csv yet: no generation has finished");
        }
        Workload w = cat.workload(config.workload());
        if (!w.hasData()) {
            throw new IllegalArgumentException("workload " + w.name() + " is shape-only: it has no accuracy, so "
                    + "there is no accuracy tolerance to meet");
        }
        Map<String, ArchitectureSpec> specs = new LinkedHashMap<>();
        config.specs().forEach(s -> specs.put(s.name(), s));
        List<Row> rows = read(csv, specs);
        if (!rows.isEmpty() && !rows.get(0).rec.isMapped("accuracy_diff_ci95_low")) {
            throw new IllegalArgumentException(csv + " has no accuracy statistics (a run from an older phodex); "
                    + "resume it to re-score: phodex resume " + runDir);
        }
        double floatAcc = rows.stream().mapToDouble(r -> r.num("float_accuracy")).filter(Double::isFinite)
                .findFirst().orElse(Double.NaN);
        int samples = (int) rows.stream().mapToDouble(r -> r.num("accuracy_samples")).filter(Double::isFinite)
                .max().orElse(0);
        int chips = (int) rows.stream().filter(Row::photonic).mapToDouble(r -> r.num("accuracy_chips"))
                .filter(Double::isFinite).max().orElse(0);
        double tol = tolerancePts / 100;

        List<Row> photonic = rows.stream().filter(r -> r.photonic).toList();
        List<Row> ok = photonic.stream().filter(r -> r.num("accuracy_diff_ci95_low") >= -tol).toList();
        Optional<Row> best = ok.stream().min(Comparator.comparingDouble(r -> r.num("energy_j")));
        // every feasible photonic design the search evaluated (search-time estimates), for counts and "closest"
        Path evals = runDir.resolve("evaluations.csv");
        List<Row> evaluated = Files.isRegularFile(evals) ? read(evals, specs).stream().filter(r -> r.photonic)
                .toList() : photonic;
        Verdict.Design closest = null;
        if (best.isEmpty()) {
            closest = photonic.stream().max(Comparator.comparingDouble(r -> r.num("accuracy_diff_ci95_low")))
                    .map(Verdicts::design).orElse(null);
            if (closest == null) {
                closest = evaluated.stream().max(Comparator.comparingDouble(r -> r.num("accuracy")))
                        .map(Verdicts::design).orElse(null);
                if (closest != null) {
                    notes.add("no photonic design came within the re-scoring's band of float, so the closest one is "
                            + "shown with its search-time estimate");
                }
            }
        }
        if (rescored && tolerancePts > RESCORE_BAND_POINTS) {
            notes.add("the re-scoring took photonic designs within " + RESCORE_BAND_POINTS + " points of float (and "
                    + "the archive): a wider tolerance can miss designs further below");
        }

        Verdict.Claim claim = claim(rows, floatAcc);
        List<Baseline> baselines = List.of();
        Verdict.Component dominant = null;
        List<Verdict.Assumption> assumptions = new ArrayList<>();
        if (best.isPresent()) {
            Row b = best.get();
            DesignResolver.Resolved res = resolve(b, cat.devices());
            Evaluator ev = new Evaluator(w, cat.baseline(), new Evaluator.Options(1, Math.max(1, w.testSize()), 1,
                    config.seed()));
            int own = res.design().has(Params.BATCH) ? res.design().getInt(Params.BATCH) : 1;
            double rowEnergy = b.num("energy_j");
            org.phodex.cost.CostReport ownCost = ev.costAtBatch(b.spec, res.design(), res.devices(), own);
            double check = ownCost.energyJ();
            if (Math.abs(check - rowEnergy) > 1e-6 * Math.abs(rowEnergy)) {
                notes.add(String.format(java.util.Locale.ROOT, "the winner re-priced from its CSV row gives %.6g J, "
                        + "the run recorded %.6g J (device library changed since the run?)", check, rowEnergy));
            }
            baselines = Baselines.beside(ev, own, batch -> batch == own
                    ? new Baselines.DesignEnergy(rowEnergy, ownCost.idleEnergyJ())
                    : Baselines.DesignEnergy.of(ev.costAtBatch(b.spec, res.design(), res.devices(), batch)),
                    w.macsPerInference(), digital(rows, tol, cat, ev));
            dominant = dominant(b);
            assumptions = assumptions(b, cat.devices());
        }
        Optional<Row> digitalRow = rows.stream().filter(r -> !r.photonic)
                .filter(r -> r.num("accuracy_diff_ci95_low") >= -tol)
                .min(Comparator.comparingDouble(r -> r.num("energy_j")));
        Verdict.Design digitalBest = digitalRow.map(Verdicts::design).orElse(null);
        List<Baseline> digitalVsGpu = List.of();
        if (digitalRow.isPresent()) {
            Row d = digitalRow.get();
            DesignResolver.Resolved res = resolve(d, cat.devices());
            Evaluator ev = new Evaluator(w, cat.baseline(), new Evaluator.Options(1, 1, 1, config.seed()));
            int own = res.design().has(Params.BATCH) ? res.design().getInt(Params.BATCH) : 1;
            double e = d.num("energy_j");
            double idle = ev.costAtBatch(d.spec, res.design(), res.devices(), own).idleEnergyJ();
            digitalVsGpu = Baselines.beside(ev, own, batch -> batch == own ? new Baselines.DesignEnergy(e, idle)
                            : Baselines.DesignEnergy.of(ev.costAtBatch(d.spec, res.design(), res.devices(), batch)),
                    w.macsPerInference(), Optional.empty()).stream().filter(b -> !b.kind().equals(Baseline.DIGITAL_ASIC)).toList();
        }
        return new Verdict(runDir.toString(), w.name(), floatAcc, samples, chips, tolerancePts, rescored,
                evaluated.size(), photonic.size(), ok.size(), best.map(Verdicts::design).orElse(null), closest,
                digitalBest, baselines, digitalVsGpu, claim,
                dominant, assumptions, notes);
    }

    private static List<Row> read(Path csv, Map<String, ArchitectureSpec> specs) {
        List<Row> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<String> header = p.getHeaderNames();
            int from = header.indexOf("architecture") + 1;
            int to = header.indexOf("feasible");
            if (from <= 0 || to < from) {
                throw new IllegalArgumentException(csv + " is not a run's design table (no architecture ... "
                        + "feasible columns)");
            }
            for (CSVRecord r : p) {
                if (!"true".equals(r.get("feasible"))) {
                    continue;
                }
                ArchitectureSpec s = specs.get(r.get("architecture"));
                if (s == null) {
                    continue;
                }
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = from; i < to; i++) {
                    String v = r.get(header.get(i));
                    if (v != null && !v.isEmpty()) {
                        params.put(header.get(i), v);
                    }
                }
                boolean photonic = Families.names().contains(s.family()) && Families.get(s.family()).photonic();
                out.add(new Row(r, s, photonic, params));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage());
        }
        return out;
    }

    private static DesignResolver.Resolved resolve(Row r, DeviceLibrary lib) {
        List<String> settings = new ArrayList<>();
        r.params.forEach((k, v) -> settings.add(k + "=" + v));
        return DesignResolver.resolve(r.spec, lib, settings);
    }

    private static Verdict.Design design(Row r) {
        int batch = r.params.containsKey(Params.BATCH) ? Integer.parseInt(r.params.get(Params.BATCH)) : 1;
        return new Verdict.Design(r.spec.name(), r.key(), r.params, batch, r.num("energy_j"), r.num("accuracy"),
                r.num("accuracy_ci95_low"), r.num("accuracy_ci95_high"), r.num("p_vs_float"),
                r.num("accuracy_diff_ci95_low"));
    }

    /** Any design of the run (photonic or digital) significantly above float; else the smallest p above float. */
    private static Verdict.Claim claim(List<Row> rows, double floatAcc) {
        Row bestP = null;
        for (Row r : rows) {
            if (r.num("accuracy") > floatAcc && (bestP == null || r.num("p_vs_float") < bestP.num("p_vs_float"))) {
                bestP = r;
            }
        }
        if (bestP == null) {
            return new Verdict.Claim(false, Double.NaN, "");
        }
        return new Verdict.Claim(AccuracyStats.claimsMoreAccurate(bestP.num("accuracy"), floatAcc,
                bestP.num("p_vs_float")), bestP.num("p_vs_float"), bestP.key());
    }

    /**
     * The digital design the winner is compared with: the lower-energy of the run's best digital design meeting the
     * tolerance and the family's spec defaults when they meet it too (on the evaluator's samples). A short search
     * can end with a digital design worse than the family's defaults, and comparing with it would flatter the
     * photonic side.
     */
    private static Optional<Baselines.Digital> digital(List<Row> rows, double tol, Catalog cat, Evaluator ev) {
        if (!Baselines.digitalFamilyAvailable()) {
            return Optional.empty();
        }
        Optional<Baselines.Digital> defaults = Baselines.digitalDefaults(cat);
        Optional<Row> d = rows.stream().filter(r -> r.spec.family().equals(Baselines.DIGITAL_FAMILY))
                .filter(r -> r.num("accuracy_diff_ci95_low") >= -tol)
                .min(Comparator.comparingDouble(r -> r.num("energy_j")));
        if (d.isEmpty()) {
            return defaults;
        }
        DesignResolver.Resolved res = resolve(d.get(), cat.devices());
        Baselines.Digital run = new Baselines.Digital(d.get().spec, res.design(), res.devices(),
                "best of the run within tolerance");
        if (defaults.isPresent()) {
            Baselines.Digital def = defaults.get();
            org.phodex.evaluation.EvaluationResult r;
            try {
                r = ev.evaluate(def.spec(), def.design(), def.devices());
            } catch (IllegalArgumentException e) {
                return Optional.of(run);
            }
            if (r.feasible() && r.cost().energyJ() < d.get().num("energy_j") && r.accuracyStats() != null
                    && r.accuracyStats().withinToleranceOfFloat(tol)) {
                return Optional.of(new Baselines.Digital(def.spec(), def.design(), def.devices(), String.format(
                        java.util.Locale.ROOT, "spec defaults, below the run's best digital design within tolerance, "
                                + "%.3g J", d.get().num("energy_j")), r));
            }
        }
        return Optional.of(run);
    }

    private static Verdict.Component dominant(Row r) {
        String name = null;
        double max = -1;
        for (String col : r.rec.getParser().getHeaderNames()) {
            if (col.startsWith("breakdown_") && col.endsWith("_j")) {
                double v = r.num(col);
                if (v > max) {
                    max = v;
                    name = col.substring("breakdown_".length(), col.length() - 2);
                }
            }
        }
        return name == null ? null : new Verdict.Component(name, max, max / r.num("energy_j"));
    }

    private static List<Verdict.Assumption> assumptions(Row r, DeviceLibrary lib) {
        List<Verdict.Assumption> out = new ArrayList<>();
        r.params.forEach((k, v) -> {
            if (k.startsWith(DeviceLibrary.PATH_PREFIX)) {
                String rest = k.substring(DeviceLibrary.PATH_PREFIX.length());
                int dot = rest.indexOf('.');
                var q = lib.quantity(rest.substring(0, dot), rest.substring(dot + 1));
                double val = Double.parseDouble(v);
                if (val != q.value()) {
                    out.add(new Verdict.Assumption(k, val, q.value(), q.source()));
                }
            }
        });
        return out;
    }
}
