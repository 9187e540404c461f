package org.phodex.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Redraws every figure of a search run folder or a sweep folder from its CSV files (nothing is re-evaluated)
 * into {@code DIR/plots/}: each figure as PNG, SVG and PDF with its data as CSV beside it.
 *
 * <p>Run folder ({@code evaluations.csv}): {@code pareto}, {@code convergence} (needs {@code indicators.csv}),
 * {@code energy_breakdown} (needs {@code breakdown_*_j} columns). Sweep folder ({@code sweep.csv}, manifest kind
 * "sweep"): {@code sweep_accuracy} and {@code sweep_energy} for one swept parameter, heat maps for two.
 */
public final class RunFigures {
    public static final String PLOTS_DIR = "plots";

    private RunFigures() {
    }

    /**
     * Writes the figures and returns the files written.
     *
     * @throws PlotInputException when the folder or a file in it cannot be plotted (message names file and fix)
     */
    public static List<Path> write(Path dir) {
        return write(dir, note -> { });
    }

    /**
     * As {@link #write(Path)}; {@code notes} receives one line per figure skipped for lack of optional data
     * (no indicators.csv, no energy breakdown, no manifest).
     */
    public static List<Path> write(Path dir, Consumer<String> notes) {
        return write(dir, notes, PlotRanges.AUTO);
    }

    /** As above, with the Pareto plot limited to {@code ranges}. */
    public static List<Path> write(Path dir, Consumer<String> notes, PlotRanges ranges) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (dir == null || !Files.exists(dir)) {
            throw new PlotInputException(dir + ": no such folder; give a run folder (runs/NAME) or a sweep folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new PlotInputException(dir + ": not a folder; give a run folder (runs/NAME) or a sweep folder");
        }
        Path manifest = dir.resolve("manifest.json");
        boolean hasManifest = Files.isRegularFile(manifest);
        boolean sweep = Files.isRegularFile(dir.resolve("sweep.csv"))
                || (hasManifest && RunInfo.isSweepManifest(manifest));
        if (!sweep && !Files.isRegularFile(dir.resolve("evaluations.csv"))) {
            throw new PlotInputException(dir + ": neither a run folder (no evaluations.csv) nor a sweep folder "
                    + "(no sweep.csv); 'phodex search' and 'phodex sweep' write these");
        }
        RunInfo info;
        if (hasManifest) {
            info = RunInfo.read(manifest, sweep ? "sweep" : "run");
        } else {
            info = RunInfo.empty(sweep ? "sweep" : "run");
            notes.accept(manifest + " not found: drawn without the reference accuracy and the baseline lines");
        }
        List<Figure> figures = sweep ? sweepFigures(dir, info, notes) : runFigures(dir, info, notes, ranges);

        Path plots = dir.resolve(PLOTS_DIR);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(plots);
            for (Figure f : figures) {
                written.addAll(f.writeAll(plots));
            }
        } catch (IOException e) {
            throw new PlotInputException(plots + ": cannot write figures: " + e.getMessage(), e);
        }
        return written;
    }

    private static List<Figure> runFigures(Path dir, RunInfo info, Consumer<String> notes, PlotRanges ranges) {
        CsvTable evaluationsTable = CsvTable.read(dir.resolve("evaluations.csv"));
        List<DesignPoint> evaluations = DesignPoint.readAll(evaluationsTable);
        if (evaluations.isEmpty()) {
            throw new PlotInputException(evaluationsTable.file() + ": no evaluations yet (header only); wait for "
                    + "the search to score some designs");
        }
        List<DesignPoint> front;
        Path paretoFile = dir.resolve("pareto.csv");
        if (Files.isRegularFile(paretoFile)) {
            front = DesignPoint.readAll(CsvTable.read(paretoFile));
        } else {
            Quality q = Quality.choose(evaluations, evaluationsTable.file().toString());
            List<DesignPoint> feasible = evaluations.stream().filter(DesignPoint::feasible).toList();
            front = ParetoFigure.nonDominated(feasible.stream()
                    .filter(p -> p.energyJ() > 0 && Double.isFinite(q.value(p))).toList(), q);
            notes.accept(paretoFile + " not found: front computed from evaluations.csv (energy vs "
                    + (q == Quality.ACCURACY ? "accuracy" : "relative error") + ")");
        }

        List<Figure> figures = new ArrayList<>();
        String about = about(info, evaluations.size());
        figures.add(ParetoFigure.create("pareto", evaluations, front, info, "Pareto front" + about, ranges));

        Path indicators = dir.resolve("indicators.csv");
        if (Files.isRegularFile(indicators)) {
            CsvTable table = CsvTable.read(indicators);
            if (table.size() > 0) {
                figures.add(ConvergenceFigure.create("convergence", table, "Search convergence" + about));
            } else {
                notes.accept(indicators + " has no rows yet: convergence plot skipped");
            }
        } else {
            notes.accept(indicators + " not found: convergence plot skipped");
        }

        boolean anyBreakdown = front.stream().anyMatch(p -> !p.breakdownJ().isEmpty());
        boolean anyMacs = (info.macs() > 0 && Double.isFinite(info.macs()))
                || front.stream().anyMatch(p -> p.energyPerMacJ() > 0);
        if (anyBreakdown && anyMacs) {
            figures.add(BreakdownFigure.create("energy_breakdown", front, info.macs(),
                    "Energy per MAC of Pareto designs" + about));
        } else {
            notes.accept("energy breakdown skipped: pareto designs need breakdown_<component>_j columns and a MAC "
                    + "count (macs in manifest.json or an energy_per_mac_j column)");
        }
        return figures;
    }

    private static List<Figure> sweepFigures(Path dir, RunInfo info, Consumer<String> notes) {
        CsvTable table = CsvTable.read(dir.resolve("sweep.csv"));
        List<DesignPoint> points = DesignPoint.readAll(table);
        if (points.isEmpty()) {
            throw new PlotInputException(table.file() + ": no rows (header only): nothing to plot");
        }
        List<String> vary = info.vary();
        if (vary.isEmpty()) {
            vary = inferVaried(points);
            notes.accept("manifest.json has no \"vary\": plotting against the parameters that change: " + vary);
        }
        return SweepFigures.create(points, info, vary, table.file().toString());
    }

    /** Parameters that take more than one value across the sweep's rows. */
    static List<String> inferVaried(List<DesignPoint> points) {
        List<String> out = new ArrayList<>();
        for (String p : points.get(0).parameters().keySet()) {
            Set<String> values = new LinkedHashSet<>();
            for (DesignPoint d : points) {
                values.add(d.parameter(p));
            }
            values.remove("");
            if (values.size() > 1) {
                out.add(p);
            }
        }
        return out;
    }

    private static String about(RunInfo info, int evaluations) {
        List<String> parts = new ArrayList<>();
        if (!info.workload().isEmpty()) {
            parts.add(info.workload());
        }
        parts.add(String.format(Locale.ROOT, "%d designs", evaluations));
        if (!info.seed().isEmpty()) {
            parts.add("seed " + info.seed());
        }
        return ": " + String.join(", ", parts);
    }
}
