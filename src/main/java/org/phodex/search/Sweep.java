package org.phodex.search;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.phodex.moo.GenerationEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Param;
import org.phodex.spec.Params;

/**
 * A full grid over one or more parameters of one architecture, written to {@code sweep.csv} in grid order
 * (the first {@code --vary} varies slowest).
 */
public final class Sweep {
    public static final long MAX_POINTS = 1_000_000;
    static final int DEFAULT_DOUBLE_INTERVALS = 10;

    private Sweep() {
    }

    /** One varied parameter and its values. */
    public record Axis(String name, List<Object> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /**
     * Parses {@code NAME=FROM:TO[:STEP]} or {@code NAME=V1,V2,...}. Integers step by 1 by default, doubles
     * take {@value #DEFAULT_DOUBLE_INTERVALS} intervals. Dotted names (device fields) take numbers.
     * IllegalArgumentException with a user-facing message on any problem.
     */
    public static Axis parseVary(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--vary '" + text + "': expected NAME=FROM:TO[:STEP] or "
                    + "NAME=V1,V2,...");
        }
        String name = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        Param p = name.contains(".") ? new Param(name, Param.Kind.DOUBLE, -Double.MAX_VALUE, Double.MAX_VALUE,
                List.of(), "", "device field") : Params.get(name);
        List<Object> values = new ArrayList<>();
        try {
            if (spec.contains(",") || p.kind() == Param.Kind.CHOICE || !spec.contains(":")) {
                for (String v : spec.split(",")) {
                    Object x = p.parse(v);
                    if (values.contains(x)) {
                        throw new IllegalArgumentException("value " + x + " given twice");
                    }
                    values.add(x);
                }
            } else {
                String[] parts = spec.split(":");
                if (parts.length < 2 || parts.length > 3) {
                    throw new IllegalArgumentException("expected FROM:TO or FROM:TO:STEP");
                }
                double from = number(parts[0]);
                double to = number(parts[1]);
                if (to < from) {
                    throw new IllegalArgumentException("TO (" + parts[1] + ") is below FROM (" + parts[0] + ")");
                }
                double step;
                if (parts.length == 3) {
                    step = number(parts[2]);
                    if (!(step > 0)) {
                        throw new IllegalArgumentException("STEP must be > 0, got " + parts[2]);
                    }
                } else {
                    step = p.kind() == Param.Kind.INT ? 1 : (to > from ? (to - from) / DEFAULT_DOUBLE_INTERVALS : 1);
                }
                long n = (long) Math.floor((to - from) / step + 1e-9) + 1;
                if (n > MAX_POINTS) {
                    throw new IllegalArgumentException(n + " values is too many (max " + MAX_POINTS + ")");
                }
                for (long i = 0; i < n; i++) {
                    double v = from + i * step;
                    values.add(p.kind() == Param.Kind.INT ? p.parse(fmtInt(v)) : p.check(v));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--vary " + text + ": " + e.getMessage());
        }
        return new Axis(name, values);
    }

    private static String fmtInt(double v) {
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("an integer parameter needs whole-number FROM and STEP");
        }
        return Long.toString((long) v);
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number");
        }
    }

    /** The grid in order: the last axis varies fastest. */
    public static List<Design> grid(Design base, List<Axis> axes) {
        long total = 1;
        for (Axis a : axes) {
            total *= a.values().size();
            if (total > MAX_POINTS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_POINTS + " points");
            }
        }
        List<Design> out = new ArrayList<>((int) total);
        int[] idx = new int[axes.size()];
        for (long k = 0; k < total; k++) {
            Design d = base;
            for (int i = 0; i < axes.size(); i++) {
                d = d.with(axes.get(i).name(), axes.get(i).values().get(idx[i]));
            }
            out.add(d);
            for (int i = axes.size() - 1; i >= 0; i--) {
                if (++idx[i] < axes.get(i).values().size()) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return out;
    }

    /** Evaluates the grid in chunks and writes {@code sweep.csv} and {@code manifest.json} into {@code dir}. */
    public static int run(Path dir, ArchitectureSpec arch, String workload, long seed, List<Axis> axes,
                          Map<String, Object> sets, GenerationEvaluator evaluator, Map<String, Object> runInfo,
                          int chunk, Consumer<String> progress) {
        Design base = arch.defaults();
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            base = base.with(e.getKey(), e.getValue());
        }
        List<Design> grid = grid(base, axes);
        Map<String, Object> m = RunFiles.manifestBase("sweep");
        m.put("architecture", arch.name());
        m.put("architectures", List.of(arch.name()));
        m.put("workload", workload);
        m.put("seed", seed);
        m.put("vary", axes.stream().map(Axis::name).toList());
        m.put("set", sets);
        m.put("points", grid.size());
        m.put("start", RunFiles.now());
        RunFiles.mergeRunInfo(m, runInfo);
        java.util.TreeSet<String> names = new java.util.TreeSet<>(base.params().keySet());
        axes.forEach(a -> names.add(a.name())); // a varied parameter is a column even when the spec omits it
        List<String> params = new ArrayList<>(names);
        CsvLayout layout = null;
        long t0 = System.nanoTime();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve("sweep.csv"),
                StandardCharsets.UTF_8))) {
            for (int from = 0; from < grid.size(); from += chunk) {
                List<Design> part = grid.subList(from, Math.min(grid.size(), from + chunk));
                List<Outcome> outs = evaluator.evaluateAll(part);
                if (layout == null) {
                    layout = new CsvLayout(params, CsvLayout.extraColumns(outs), false);
                    RunFiles.printRow(w, layout.header());
                }
                for (Outcome o : outs) {
                    RunFiles.printRow(w, layout.row(0, 0, o, SpecConstraints.check(o, arch.constraints()).feasible()));
                }
                w.flush();
                int done = from + part.size();
                progress.accept(String.format(Locale.ROOT, "sweep: %d/%d points, %.1f s", done, grid.size(),
                        (System.nanoTime() - t0) / 1e9));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("sweep.csv"), e);
        }
        m.put("end", RunFiles.now());
        m.put("status", "completed");
        RunFiles.writeAtomically(dir.resolve("manifest.json"), RunFiles.json(m));
        return grid.size();
    }
}
