package org.phodex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.search.RunFiles;
import org.phodex.evaluation.Catalog;
import org.phodex.search.RunLock;
import org.phodex.search.Sweep;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Param;
import org.phodex.spec.Params;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex sweep}: a full grid over one or more parameters. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Evaluate a full grid over one or more parameters of one architecture; writes sweep.csv "
                + "(grid order: the first --vary varies slowest) and manifest.json."})
final class SweepCommand implements Callable<Integer> {
    private final Wiring wiring;

    SweepCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--architecture"}, paramLabel = "ARCH", required = true,
            description = "architecture name or YAML path; repeat to sweep several on the same grid (one figure, "
                    + "one line or heat map per architecture; each one's own sweep in DIR/<name>/)")
    List<String> architectures = new ArrayList<>();

    @Option(names = "--chips", paramLabel = "K", description = "chip samples per point (Monte Carlo over static "
            + "errors; default 1); with more than one, accuracy plots show the spread over chips as a band")
    int chips = 1;

    @Option(names = "--samples", paramLabel = "N|all", description = "test samples per point: a stratified, seeded "
            + "subset (default ${DEFAULT-VALUE}, as the search scores designs) or 'all' for the whole test split")
    String samples = Integer.toString(org.phodex.search.PhotonicSearchEvaluator.SEARCH_SAMPLES);

    @Option(names = {"-w", "--workload"}, paramLabel = "WORKLOAD", description = "workload name or YAML path "
            + "(default " + SearchCommand.DEFAULT_WORKLOAD + ")")
    String workload = SearchCommand.DEFAULT_WORKLOAD;

    @Option(names = "--vary", paramLabel = "NAME=FROM:TO[:STEP]", required = true,
            description = "a varied parameter: NAME=FROM:TO[:STEP] (integers step 1, numbers 10 intervals by "
                    + "default) or NAME=V1,V2,... (e.g. phase_shifter=thermo_optic,mems); repeatable")
    List<String> vary = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "fix a parameter for the whole grid; "
            + "repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default 1)")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "evaluation threads (default: all cores)")
    Integer threads;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output folder (default "
            + "runs/sweep-<arch>-<names>)")
    Path output;

    @Option(names = "--force", description = "overwrite a non-empty output folder")
    boolean force;

    @Override
    public Integer call() {
        List<Sweep.Axis> axes = new ArrayList<>();
        Map<String, Object> fixed = new LinkedHashMap<>();
        try {
            for (String v : vary) {
                Sweep.Axis a = Sweep.parseVary(v);
                if (axes.stream().anyMatch(x -> x.name().equals(a.name()))) {
                    throw new IllegalArgumentException("--vary " + a.name() + " given twice");
                }
                if (a.name().equals(Params.LAYOUT)) { // layout names come from the family registry
                    for (Object x : a.values()) {
                        String problem = Catalog.layoutProblem(x.toString());
                        if (problem != null) {
                            throw new IllegalArgumentException("--vary " + v + ": " + problem);
                        }
                    }
                }
                axes.add(a);
            }
            for (String s : sets) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--set '" + s + "': expected NAME=VALUE");
                }
                String name = s.substring(0, eq).trim();
                String value = s.substring(eq + 1);
                Param p = name.contains(".") ? null : Params.get(name);
                Object v;
                try {
                    v = p == null ? Double.valueOf(value.trim()) : p.parse(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a number, got '" + value + "'");
                }
                if (axes.stream().anyMatch(x -> x.name().equals(name))) {
                    throw new IllegalArgumentException(name + " is both --set and --vary");
                }
                String problem = name.equals(Params.LAYOUT) ? Catalog.layoutProblem(v.toString()) : null;
                if (problem != null) {
                    throw new IllegalArgumentException("--set " + s + ": " + problem);
                }
                fixed.put(name, v);
            }
            Sweep.grid(org.phodex.spec.Design.of("check", Map.of()), axes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int t = SearchCommand.threads(threads);
        if (chips < 1) {
            throw new UsageException("--chips must be at least 1, got " + chips);
        }
        int testSamples = samples(samples);
        List<ArchitectureSpec> archs = new ArrayList<>();
        String wl;
        try {
            for (String a : architectures) {
                ArchitectureSpec s = wiring.resolver().architecture(a);
                if (archs.stream().anyMatch(x -> x.name().equals(s.name()))) {
                    throw new IllegalArgumentException("architecture '" + s.name() + "' given twice");
                }
                archs.add(s);
            }
            wl = wiring.resolver().workload(workload);
            for (ArchitectureSpec arch : archs) {
                for (String name : fixed.keySet()) {
                    org.phodex.evaluation.DesignResolver.checkUsed(arch, name);
                }
                for (Sweep.Axis a : axes) {
                    org.phodex.evaluation.DesignResolver.checkUsed(arch, a.name());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path dir = output != null ? output : Path.of("runs", "sweep-"
                + String.join("+", archs.stream().map(ArchitectureSpec::name).toList()) + "-"
                + String.join("-", axes.stream().map(Sweep.Axis::name).toList()));
        int points = 0;
        try (RunLock lock = RunDriver.lock(dir, "sweep", spec.commandLine().getErr())) {
            try {
                RunFiles.prepare(dir, force);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<Path> parts = new ArrayList<>();
            for (ArchitectureSpec arch : archs) {
                // several architectures: each sweeps into its own sub-folder, then they are joined in DIR
                Path into = archs.size() == 1 ? dir : dir.resolve(arch.name());
                if (archs.size() > 1) {
                    try {
                        RunFiles.prepare(into, true);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                DesignEvaluator evaluator = wiring.evaluators().create(List.of(arch), wl, seed, chips, testSamples);
                try (ThreadPoolEvaluator pool = new ThreadPoolEvaluator(evaluator, t, wiring.evalClock(),
                        System.err::println)) {
                    points += Sweep.run(into, arch, wl, seed, axes, fixed, pool, evaluator.runInfo(),
                            Math.max(16, 4 * t), System.err::println);
                }
                parts.add(into);
            }
            if (archs.size() > 1) {
                org.phodex.plot.SweepMerge.merge(parts, dir);
            }
            RunDriver.plots(dir);
        }
        spec.commandLine().getOut().println("sweep: " + points + " points -> " + dir.resolve("sweep.csv"));
        RunDriver.report(dir, spec.commandLine().getOut());
        return 0;
    }

    /** "all" is the whole test split; otherwise a positive count. */
    static int samples(String text) {
        if ("all".equalsIgnoreCase(text.trim())) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--samples: expected a positive number of test samples or 'all', got '" + text
                + "'");
    }
}
