package org.phodex.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One-line findings for the figure gallery's README, read from the CSV files behind each figure (nothing here is
 * typed in by hand: every number comes from the run or sweep folder).
 */
public final class GalleryNotes {
    /** "Within reach of the float network": accuracy at most this many percentage points below it. */
    static final double NEAR_REFERENCE_PT = 1.0;
    /** A drop worth reporting in a robustness sweep, percentage points. */
    static final double DROP_PT = 5.0;

    private GalleryNotes() {
    }

    /** Findings of a search run folder (manifest.json, pareto.csv, indicators.csv). */
    public static List<String> search(Path run) {
        RunInfo info = RunInfo.read(run.resolve("manifest.json"), "run");
        List<DesignPoint> front = DesignPoint.readAll(CsvTable.read(run.resolve("pareto.csv"))).stream()
                .filter(p -> p.feasible() && p.energyJ() > 0).toList();
        List<String> out = new ArrayList<>();
        CsvTable indicators = CsvTable.read(run.resolve("indicators.csv"));
        int last = indicators.size() - 1;
        Map<String, Integer> families = new LinkedHashMap<>();
        front.forEach(p -> families.merge(p.architecture(), 1, Integer::sum));
        out.add(String.format(Locale.ROOT, "%s designs scored in %s generations over %s; the front holds %d "
                        + "designs (%s); hypervolume rose from %.4f after generation %s to %.4f.",
                indicators.text(last, "evaluations"), indicators.text(last, "generation"),
                String.join(", ", info.architectures()), front.size(), counts(families),
                indicators.number(0, "hypervolume"), indicators.text(0, "generation"),
                indicators.number(last, "hypervolume")));
        if (front.isEmpty()) {
            return out;
        }
        verdictLine(run).ifPresent(out::add);
        double ref = 100 * info.referenceAccuracy();
        Optional<RunInfo.Baseline> baseline = info.baseline();
        if (Double.isFinite(front.get(0).accuracy())) {
            DesignPoint best = front.stream().max(Comparator.comparingDouble(DesignPoint::accuracy)
                    .thenComparing(Comparator.comparingDouble(DesignPoint::energyJ).reversed())).orElseThrow();
            out.add(String.format(Locale.ROOT, "Most accurate front design: %s%s, %.1f %%, %s, at %s per "
                            + "inference%s; its largest energy share is %s.",
                    best.architecture(), paren(best.shortLabel()), 100 * best.accuracy(),
                    org.phodex.stats.AccuracyStats.comparison(best.accuracy(), best.ci95Low(), best.ci95High(),
                            ref / 100, pValue(run, best)),
                    SiFormat.format(best.energyJ(), "J"), versus(baseline, best), largestShare(best)));
            Optional<DesignPoint> near = front.stream()
                    .filter(p -> 100 * p.accuracy() >= ref - NEAR_REFERENCE_PT)
                    .min(Comparator.comparingDouble(DesignPoint::energyJ));
            if (near.isPresent() && near.get() != best) {
                DesignPoint n = near.get();
                out.add(String.format(Locale.ROOT, "Cheapest design within %.0f point of the float network: %s"
                                + "%s, %.1f %% at %s%s.", NEAR_REFERENCE_PT, n.architecture(), paren(n.shortLabel()),
                        100 * n.accuracy(), SiFormat.format(n.energyJ(), "J"), versus(baseline, n)));
            } else if (near.isEmpty()) {
                out.add(String.format(Locale.ROOT, "No front design comes within %.0f point of the float "
                        + "network's %.1f %%.", NEAR_REFERENCE_PT, ref));
            }
            DesignPoint cheapest = front.stream().min(Comparator.comparingDouble(DesignPoint::energyJ))
                    .orElseThrow();
            out.add(String.format(Locale.ROOT, "Lowest-energy front design: %s at %s, %.1f %% accuracy.",
                    cheapest.architecture(), SiFormat.format(cheapest.energyJ(), "J"), 100 * cheapest.accuracy()));
        } else {
            DesignPoint best = front.stream().min(Comparator.comparingDouble(DesignPoint::relativeError))
                    .orElseThrow();
            out.add(String.format(Locale.ROOT, "Lowest output error on the front: %s%s, relative error %.3g at "
                            + "%s%s.", best.architecture(), paren(best.shortLabel()), best.relativeError(),
                    SiFormat.format(best.energyJ(), "J"), versus(baseline, best)));
        }
        return out;
    }

    /** Findings of a one-parameter sweep folder (sweep.csv, manifest.json), one line per architecture. */
    public static List<String> sweep1d(Path dir, String param) {
        RunInfo info = RunInfo.read(dir.resolve("manifest.json"), "sweep");
        List<DesignPoint> points = DesignPoint.readAll(CsvTable.read(dir.resolve("sweep.csv")));
        double ref = 100 * info.referenceAccuracy();
        List<String> out = new ArrayList<>();
        for (String arch : ParetoFigure.architectures(info, points)) {
            List<DesignPoint> mine = new ArrayList<>(points.stream()
                    .filter(p -> p.architecture().equals(arch)).toList());
            if (mine.isEmpty()) {
                continue;
            }
            mine.sort(Comparator.comparingDouble(p -> Double.parseDouble(p.parameter(param))));
            DesignPoint lo = mine.get(0);
            DesignPoint hi = mine.get(mine.size() - 1);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "%s: accuracy %.1f %% at %s = %s, %.1f %% at %s", arch, 100 * lo.accuracy(), param,
                    DesignPoint.clean(lo.parameter(param)), 100 * hi.accuracy(), DesignPoint.clean(hi.parameter(param))));
            if (hi.accuracy() >= lo.accuracy()) {
                mine.stream().filter(p -> 100 * p.accuracy() >= ref - NEAR_REFERENCE_PT).findFirst().ifPresentOrElse(
                        p -> sb.append(String.format(Locale.ROOT, "; first within %.0f point of the float "
                                + "reference (%.1f %%) at %s", NEAR_REFERENCE_PT, ref,
                                DesignPoint.clean(p.parameter(param)))),
                        () -> sb.append(String.format(Locale.ROOT, "; never within %.0f point of the float "
                                + "reference (%.1f %%)", NEAR_REFERENCE_PT, ref)));
            } else {
                mine.stream().filter(p -> 100 * (lo.accuracy() - p.accuracy()) > DROP_PT).findFirst()
                        .ifPresentOrElse(p -> sb.append(String.format(Locale.ROOT, "; first more than %.0f points "
                                        + "below its value at %s at %s", DROP_PT, DesignPoint.clean(lo.parameter(param)),
                                DesignPoint.clean(p.parameter(param)))),
                                () -> sb.append(String.format(Locale.ROOT, "; never more than %.0f points below "
                                        + "it", DROP_PT)));
            }
            if (Double.isFinite(lo.relativeError()) && Double.isFinite(hi.relativeError())) {
                sb.append(String.format(Locale.ROOT, "; relative output error %.3g -> %.3g", lo.relativeError(),
                        hi.relativeError()));
            }
            sb.append(String.format(Locale.ROOT, "; energy %s -> %s", SiFormat.format(lo.energyJ(), "J"),
                    SiFormat.format(hi.energyJ(), "J")));
            List<String> infeasible = mine.stream().filter(p -> !p.feasible())
                    .map(p -> DesignPoint.clean(p.parameter(param))).toList();
            if (!infeasible.isEmpty()) {
                sb.append("; infeasible at ").append(param).append(" = ").append(String.join(", ", infeasible));
            }
            out.add(sb.append('.').toString());
        }
        return out;
    }

    /** Findings of a two-parameter sweep folder, one line per architecture. */
    public static List<String> sweep2d(Path dir, String xParam, String yParam) {
        RunInfo info = RunInfo.read(dir.resolve("manifest.json"), "sweep");
        List<DesignPoint> points = DesignPoint.readAll(CsvTable.read(dir.resolve("sweep.csv")));
        double ref = 100 * info.referenceAccuracy();
        List<String> out = new ArrayList<>();
        for (String arch : ParetoFigure.architectures(info, points)) {
            List<DesignPoint> mine = points.stream().filter(p -> p.architecture().equals(arch)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            long infeasible = mine.stream().filter(p -> !p.feasible()).count();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d of %d grid points infeasible",
                    arch, infeasible, mine.size()));
            mine.stream().filter(DesignPoint::feasible)
                    .filter(p -> 100 * p.accuracy() >= ref - NEAR_REFERENCE_PT)
                    .min(Comparator.comparingDouble(DesignPoint::energyJ))
                    .ifPresentOrElse(p -> sb.append(String.format(Locale.ROOT, "; the cheapest feasible point within "
                                    + "%.0f point of the float reference (%.1f %%) is %s = %s, %s = %s: %.1f %% at %s",
                                    NEAR_REFERENCE_PT, ref, xParam, DesignPoint.clean(p.parameter(xParam)), yParam,
                                    DesignPoint.clean(p.parameter(yParam)), 100 * p.accuracy(),
                                    SiFormat.format(p.energyJ(), "J"))),
                            () -> sb.append(String.format(Locale.ROOT, "; no feasible point within %.0f point of "
                                    + "the float reference (%.1f %%)", NEAR_REFERENCE_PT, ref)));
            DesignPoint worst = mine.stream().min(Comparator.comparingDouble(DesignPoint::accuracy)).orElseThrow();
            sb.append(String.format(Locale.ROOT, "; lowest accuracy %.1f %% at %s = %s, %s = %s",
                    100 * worst.accuracy(), xParam, DesignPoint.clean(worst.parameter(xParam)), yParam,
                    DesignPoint.clean(worst.parameter(yParam))));
            double eMin = mine.stream().mapToDouble(DesignPoint::energyJ).min().orElseThrow();
            double eMax = mine.stream().mapToDouble(DesignPoint::energyJ).max().orElseThrow();
            sb.append(String.format(Locale.ROOT, "; energy spans %s to %s.", SiFormat.format(eMin, "J"),
                    SiFormat.format(eMax, "J")));
            out.add(sb.toString());
        }
        return out;
    }

    /** Findings of a mesh's phase file (as {@code phodex mesh --phases} writes it). */
    public static String mesh(Path phasesCsv) {
        CsvTable t = CsvTable.read(phasesCsv).require("element", "column", "theta_rad");
        int mzis = 0;
        int columns = 0;
        int outputs = 0;
        double thetaMin = Double.POSITIVE_INFINITY;
        double thetaMax = Double.NEGATIVE_INFINITY;
        int nearlyBar = 0;
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, "element").equals("mzi")) {
                mzis++;
                columns = Math.max(columns, (int) t.number(r, "column") + 1);
                double theta = t.number(r, "theta_rad");
                thetaMin = Math.min(thetaMin, theta);
                thetaMax = Math.max(thetaMax, theta);
                if (Math.abs(Math.IEEEremainder(theta, 2 * Math.PI)) < 0.1) {
                    nearlyBar++;
                }
            } else {
                outputs++;
            }
        }
        return String.format(Locale.ROOT, "%d MZIs in %d columns on %d waveguides; internal phases θ from %.2f to "
                        + "%.2f rad, %d of them within 0.1 rad of θ = 0 (mod 2π).", mzis, columns, outputs, thetaMin,
                thetaMax, nearlyBar);
    }

    private static String counts(Map<String, Integer> families) {
        List<String> parts = new ArrayList<>();
        families.forEach((k, v) -> parts.add(v + " " + k));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** The ratio to the named baseline, saying the design is priced at its own batch (verdict.md matches batches). */
    private static String versus(Optional<RunInfo.Baseline> baseline, DesignPoint p) {
        if (baseline.isEmpty()) {
            return "";
        }
        double ratio = baseline.get().energyJ() / p.energyJ();
        String batch = DesignPoint.clean(p.parameter("batch"));
        String at = batch.isEmpty() ? "" : " (design at its own batch " + batch + ")";
        return ratio >= 1
                ? String.format(Locale.ROOT, ", %.3gx less than the %s%s", ratio, baseline.get().name(), at)
                : String.format(Locale.ROOT, ", %.3gx more than the %s%s", 1 / ratio, baseline.get().name(), at);
    }

    /** The design's p_vs_float from the run's pareto.csv, NaN when the run has none (before re-scoring). */
    private static double pValue(Path run, DesignPoint p) {
        CsvTable t = CsvTable.read(run.resolve("pareto.csv"));
        if (!t.has("p_vs_float")) {
            return Double.NaN;
        }
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, "design_key").equals(p.designKey())) {
                return t.number(r, "p_vs_float");
            }
        }
        return Double.NaN;
    }

    /** The run's verdict (verdict.json) in one line: the design within tolerance and its ratio to each baseline. */
    static Optional<String> verdictLine(Path run) {
        Path f = run.resolve("verdict.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            var v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
            var best = v.path("best");
            if (!best.isObject()) {
                return Optional.of(String.format(Locale.ROOT, "Verdict (verdict.json): no photonic design is within "
                        + "%s points of float at the 95%% level.", v.path("tolerance").asText()));
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Verdict (verdict.json): the "
                            + "lowest-energy photonic design within %s points of float (95%% paired interval) is %s at "
                            + "%s per inference, %.2f %%; energy ratios, the design priced at each baseline's batch: ",
                    v.path("tolerance").asText(), best.path("architecture").asText(),
                    SiFormat.format(best.path("energy_j").asDouble(), "J"), 100 * best.path("accuracy").asDouble()));
            boolean first = true;
            for (var b : v.path("baselines")) {
                if (b.path("ratio").isNumber()) {
                    double r = b.path("ratio").asDouble();
                    sb.append(first ? "" : "; ").append(b.path("name").asText()).append(" [")
                            .append(b.path("kind").asText()).append("] ").append(r >= 1
                                    ? String.format(Locale.ROOT, "%.3gx less", r)
                                    : String.format(Locale.ROOT, "%.3gx more", 1 / r));
                    first = false;
                }
            }
            sb.append(v.path("more_accurate_than_float").path("claimed").asBoolean()
                    ? ". A design is significantly more accurate than float." : ". No design is shown more accurate "
                    + "than float.");
            return Optional.of(sb.toString());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String largestShare(DesignPoint p) {
        double total = p.breakdownJ().values().stream().mapToDouble(Double::doubleValue).sum();
        return p.breakdownJ().entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> String.format(Locale.ROOT, "%s (%.0f %%)", BreakdownFigure.prettyComponent(e.getKey()),
                        100 * e.getValue() / total))
                .orElse("not reported");
    }

    /** True if the folder holds what {@link #search} reads. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("pareto.csv")) && Files.isRegularFile(dir.resolve("indicators.csv"));
    }

    /** " (label)", or nothing for an empty label. */
    private static String paren(String label) {
        return label.isEmpty() ? "" : " (" + label + ")";
    }
}
