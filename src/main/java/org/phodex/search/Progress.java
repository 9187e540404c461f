package org.phodex.search;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.phodex.moo.GenerationStats;
import org.phodex.moo.Objective;
import org.phodex.moo.SearchListener;
import org.phodex.moo.SearchState;

/**
 * Progress on stderr: a live line rewritten with {@code \r} on a terminal, plain log lines otherwise (one
 * per generation, at most one every {@link #LOG_EVERY_S} seconds unless generations are slow).
 */
public final class Progress implements SearchListener {
    static final double LOG_EVERY_S = 5;
    private final PrintStream out;
    private final boolean terminal;
    private final List<Objective> objectives;
    private double lastLogS = Double.NEGATIVE_INFINITY;
    /** Workers of a cluster run (null for a local run). */
    private java.util.function.IntSupplier workers;
    private boolean dirtyLine;
    /** The float network on the search's own test samples, shown beside the best accuracy (NaN: not shown). */
    private double floatAccuracy = Double.NaN;

    public Progress(PrintStream out, boolean terminal, List<Objective> objectives) {
        this.out = out;
        this.terminal = terminal;
        this.objectives = objectives;
    }

    /** Shows the float network's accuracy on the same samples beside the best search-time accuracy. */
    public Progress withFloatAccuracy(double accuracy) {
        this.floatAccuracy = accuracy;
        return this;
    }

    @Override
    public void generationDone(GenerationStats s, SearchState state) {
        String line = line(s);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
            dirtyLine = true;
        } else if (s.elapsedS() - lastLogS >= LOG_EVERY_S || s.generation() <= 1) {
            out.println(line);
            lastLogS = s.elapsedS();
        }
    }

    /** Shows the number of cluster workers in each line (a run with {@code --cluster}). */
    public Progress withWorkers(java.util.function.IntSupplier w) {
        this.workers = w;
        return this;
    }

    /** Ends the live line before other output. */
    public void end() {
        if (dirtyLine) {
            out.println();
            dirtyLine = false;
        }
    }

    /** A best value with its unit: "1.67 nJ", "97.25 %", "12.5 us", "0.031 mm^2". */
    static String withUnit(Objective o, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (o.unit()) {
            case "J per inference" -> org.phodex.spec.SiUnits.ascii(v, "J");
            case "s", "J s" -> org.phodex.spec.SiUnits.ascii(v, o.unit());
            case "fraction" -> String.format(Locale.ROOT, "%.2f %%", 100 * v);
            case "mm^2" -> String.format(Locale.ROOT, "%.4g mm^2", v);
            default -> String.format(Locale.ROOT, "%.4g", v);
        };
    }

    String line(GenerationStats s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "gen %d  evals %d  %.1f evals/s", s.generation(), s.evaluations(),
                s.evalsPerS()));
        if (!Double.isNaN(s.etaS())) {
            sb.append("  ETA ").append(duration(s.etaS()));
        }
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            sb.append("  best ").append(o.name()).append(' ').append(withUnit(o, s.best()[i]));
            if (o.name().equals("accuracy") && !Double.isNaN(floatAccuracy)) {
                sb.append(String.format(Locale.ROOT, " (float %.2f %% on the same samples)", 100 * floatAccuracy));
            }
        }
        sb.append(String.format(Locale.ROOT, "  HV %.4f  front %d", s.hypervolume(), s.frontSize()));
        org.phodex.codesign.TrainingCache.Stats t = org.phodex.codesign.TrainingCache.stats();
        if (t.requests() > 0) {
            sb.append(String.format(Locale.ROOT, "  trained %d of %d requests", t.trainings(), t.requests()));
        }
        if (workers != null) {
            sb.append("  workers ").append(workers.getAsInt());
        }
        return sb.toString();
    }

    static String duration(double s) {
        long t = Math.round(s);
        if (t >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60);
        }
        if (t >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        }
        return t + "s";
    }
}
