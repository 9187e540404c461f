package org.phodex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.phodex.arch.Clements;
import org.phodex.arch.Families;
import org.phodex.arch.MrrBank;
import org.phodex.arch.Reck;
import org.phodex.plot.GalleryNotes;
import org.phodex.plot.SweepMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phodex figures}: regenerates the figure gallery from pinned specs and seeds by running the ordinary
 * commands ({@code search}, {@code sweep}, {@code plot}, {@code mesh}) into a scratch folder, then copying each
 * entry's figures (PNG, SVG, PDF, with the CSV behind each) and its source data into {@code plots/<entry>/}, and
 * writing {@code plots/README.md} with one line of findings per figure read back from that data.
 */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = {"Regenerate the figure gallery in plots/ from pinned specs and seeds: a search over all "
                + "families, sweeps of ADC bits, laser margin and phase error, mesh diagrams; plots/README.md lists "
                + "every figure with what it shows, read from the generated data."})
public final class FiguresCommand implements Callable<Integer> {
    static final String SEED = "1";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "gallery folder (default plots; with "
            + "--quick a new scratch folder, so the committed gallery is never overwritten by a quick run)")
    Path output;

    @Option(names = "--quick", description = "small budgets and coarse grids (seconds instead of minutes; for "
            + "tests and for checking the pipeline, not for publication); writes to a scratch folder unless -o")
    boolean quick;

    @Option(names = "--threads", paramLabel = "T", description = "evaluation threads (default: all cores)")
    Integer threads;

    @Option(names = "--with-mnist", description = "add a small mnist-mlp search (slow: several seconds per design "
            + "on 2 cores, so about half an hour)")
    boolean withMnist;

    @Option(names = "--with-vit", description = "add a 10-minute mnist-vit search (trains the ViT on first use, a "
            + "few minutes more)")
    boolean withVit;

    @Option(names = "--with-codesign", description = "add the co-design figures on digits-mlp: accuracy against "
            + "phase error for Clements and butterfly meshes, post-mapping and trained for the hardware, and against "
            + "detected photons per MAC (trains once per training key, about a quarter of an hour on 2 cores)")
    boolean withCodesign;

    @Option(names = "--with-codesign-mnist", description = "add the co-design figures on mnist-mlp: 64-port Clements "
            + "and butterfly meshes against phase error (the butterfly mapped by fit and trained in the mesh), and the "
            + "8-port Clements mesh post-mapping and noise-aware against detected photons per MAC (one training per "
            + "laser margin: most of an hour on 2 cores the first time, cached after)")
    boolean withCodesignMnist;

    @Option(names = "--only", split = ",", paramLabel = "ENTRY", description = "regenerate only these entries "
            + "(folder names, e.g. search-mnist-vit); the other folders and their README sections stay as they are")
    List<String> only;

    /** One gallery entry: a folder of figures under the gallery and the findings behind them. */
    private record Entry(String name, String title, String command, List<String> notes, double seconds) {
    }

    /** How one entry is made: its folder name, whether it runs by default, and the step that makes it. */
    private record Recipe(String name, boolean byDefault, Step step) {
    }

    @FunctionalInterface
    private interface Step {
        Entry make(String name, String threads, Path work, PrintWriter progress) throws IOException;
    }

    /** Every entry in gallery order; the README lists the folders in this order. */
    private List<Recipe> recipes() {
        return List.of(
                new Recipe("search-digits-mlp", true, (n, t, w, p) -> search(n,
                        "digits-mlp: search over all families", "digits-mlp", budget(quick ? 8 : 48, quick ? 2 : 60),
                        t, w, p)),
                new Recipe("sweep-adc-bits", true, (n, t, w, p) -> sweep(n,
                        "ADC resolution, Clements mesh vs MRR bank (digits-mlp)", List.of(Clements.NAME, MrrBank.NAME),
                        List.of(quick ? "adc_bits=2:8:3" : "adc_bits=2:10"), List.of(), t, w, p)),
                new Recipe("sweep-margin-adc", true, (n, t, w, p) -> sweep(n,
                        "Laser margin x ADC resolution heat maps (digits-mlp)", List.of(Clements.NAME, MrrBank.NAME),
                        List.of(quick ? "laser_margin_db=-10:6:8" : "laser_margin_db=-20:6:2",
                                quick ? "adc_bits=2:10:4" : "adc_bits=2:10:2"), List.of(), t, w, p)),
                new Recipe("sweep-phase-error", true, (n, t, w, p) -> sweep(n,
                        "Phase-error robustness, Clements vs Reck, N = 6 (digits-mlp)",
                        List.of(Clements.NAME, Reck.NAME),
                        List.of(quick ? "phase_error_rad=0:0.2:0.1" : "phase_error_rad=0:0.2:0.02"),
                        List.of("mesh_size=6"), t, w, p)),
                new Recipe("mesh-clements-16", true, (n, t, w, p) -> mesh(n, "Programmed 16x16 Clements mesh",
                        Families.get(Clements.NAME).layoutName(), p)),
                new Recipe("mesh-butterfly-16", true, (n, t, w, p) -> mesh(n,
                        "Programmed 16x16 butterfly mesh (crossings between stages)", "butterfly", p)),
                new Recipe("codesign-digits-mlp", withCodesign, (n, t, w, p) -> codesign(n, digitsCodesign(), t, w, p)),
                new Recipe("codesign-mnist-mlp", withCodesignMnist, (n, t, w, p) -> codesign(n, mnistCodesign(), t, w,
                        p)),
                new Recipe("search-mnist-mlp", withMnist, (n, t, w, p) -> search(n,
                        "mnist-mlp: search over all families", "mnist-mlp", budget(quick ? 8 : 24, quick ? 2 : 8),
                        t, w, p)),
                new Recipe("search-mnist-vit", withVit, (n, t, w, p) -> search(n,
                        "mnist-vit: search over all families (the attention products' energy share is a column of "
                                + "pareto.csv)", "mnist-vit",
                        quick ? budget(8, 1) : List.of("--population", "16", "--time-limit", "10m", "--final-chips", "1"), t, w,
                        p)));
    }

    private static List<String> budget(int population, int generations) {
        return List.of("--population", Integer.toString(population), "--generations", Integer.toString(generations));
    }

    @Override
    public Integer call() throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        String t = Integer.toString(SearchCommand.threads(threads));
        if (output == null) {
            output = defaultOutput(quick);
        }
        List<Recipe> all = recipes();
        List<String> names = all.stream().map(Recipe::name).toList();
        if (only != null) {
            for (String o : only) {
                if (!names.contains(o)) {
                    throw new UsageException("figures: no gallery entry '" + o + "'; entries: "
                            + String.join(", ", names));
                }
            }
        }
        try {
            org.phodex.search.RunFiles.createFolder(output);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("phodex-figures");
        int made = 0;
        try {
            for (Recipe r : all) {
                if (only != null ? only.contains(r.name()) : r.byDefault()) {
                    writeSection(r.step().make(r.name(), t, work, out));
                    made++;
                }
            }
        } finally {
            deleteTree(work);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writeReadme(names);
        out.printf(Locale.ROOT, "figures: %d entries made in %s, %.0f s; index: %s%n", made, output, seconds,
                output.resolve("README.md"));
        out.flush();
        return 0;
    }

    /** The committed gallery, or for --quick a new scratch folder (quick figures are not for publication). */
    static Path defaultOutput(boolean quick) throws IOException {
        return quick ? Files.createTempDirectory("phodex-figures-quick-") : Path.of("plots");
    }

    private Entry search(String name, String title, String workload, List<String> budget,
                         String threads, Path work, PrintWriter progress) throws IOException {
        long t0 = System.nanoTime();
        Path run = work.resolve(name);
        List<String> args = concat(concat(List.of("search", "-w", workload), budget), List.of("--seed", SEED));
        runStep(name, concat(args, List.of("--threads", threads, "-o", run.toString(), "--force")));
        Path dest = fresh(name);
        copyFigures(run.resolve("plots"), dest);
        copyData(run, dest, "manifest.json", "pareto.csv", "indicators.csv");
        for (String f : List.of("rescored.csv", "verdict.md", "verdict.json")) {
            if (Files.exists(run.resolve(f))) { // written when the run was re-scored
                copyData(run, dest, f);
            }
        }
        return done(progress, name, title, "phodex " + String.join(" ", args), GalleryNotes.search(run), t0);
    }

    private Entry sweep(String name, String title, List<String> architectures, List<String> vary,
                        List<String> sets, String threads, Path work, PrintWriter progress) throws IOException {
        long t0 = System.nanoTime();
        List<Path> dirs = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String a : architectures) {
            Path dir = work.resolve(name).resolve(a);
            List<String> args = new ArrayList<>(List.of("sweep", "-a", a, "-w", "digits-mlp", "--seed", SEED));
            vary.forEach(v -> args.addAll(List.of("--vary", v)));
            sets.forEach(s -> args.addAll(List.of("--set", s)));
            shown.add("phodex " + String.join(" ", args));
            runStep(name, concat(args, List.of("--threads", threads, "-o", dir.toString(), "--force")));
            dirs.add(dir);
        }
        Path merged = work.resolve(name).resolve("merged");
        SweepMerge.merge(dirs, merged);
        runStep(name, List.of("plot", merged.toString()));
        Path dest = fresh(name);
        copyFigures(merged.resolve("plots"), dest);
        copyData(merged, dest, "manifest.json", "sweep.csv");
        List<String> params = vary.stream().map(v -> v.substring(0, v.indexOf('='))).toList();
        List<String> notes = params.size() == 1 ? GalleryNotes.sweep1d(merged, params.get(0))
                : GalleryNotes.sweep2d(merged, params.get(0), params.get(1));
        return done(progress, name, title, String.join("; ", shown) + " (sweeps joined, then `phodex plot`)", notes,
                t0);
    }

    /**
     * How a co-design entry is swept: the workload, the mesh size of the phase-error figure and its grid, the
     * training modes per family there, the mesh size and laser-margin grid of the photons figure, and the chips per
     * point.
     */
    private record CodesignPlan(String workload, int sigmaMesh, String sigmaGrid, List<String[]> sigmaModes,
                                int photonsMesh, String marginGrid, String chips) {
    }

    /**
     * Co-design on digits-mlp, 8-mode meshes (the families' default, feasible at 0 dB margin): accuracy against
     * the phase error (coupler error 0.005) for Clements (post-mapping, noise-aware) and butterfly (post-mapping,
     * in-mesh-noise-aware), and against detected photons per MAC for Clements (post-mapping, noise-aware) over the
     * laser margin.
     */
    private CodesignPlan digitsCodesign() {
        return new CodesignPlan("digits-mlp", 8, quick ? "phase_error_rad=0:0.1:0.05" : "phase_error_rad=0:0.1:0.02",
                List.of(new String[] {Clements.NAME, "post-mapping,noise-aware"},
                        new String[] {"mzi-butterfly", "post-mapping,in-mesh-noise-aware"}),
                8, quick ? "laser_margin_db=-24:0:12" : "laser_margin_db=-24:0:4", quick ? "1" : "5");
    }

    /**
     * Co-design on mnist-mlp: 64-port Clements (post-mapping, its best mode on this network) and butterfly
     * (post-mapping by fit, and trained in the mesh: one training serves every sigma) meshes against the phase
     * error, and the default 8-port Clements mesh post-mapping and noise-aware against detected photons per MAC
     * (one noise-aware training per laser margin).
     */
    private CodesignPlan mnistCodesign() {
        return new CodesignPlan("mnist-mlp", 64, quick ? "phase_error_rad=0:0.04:0.04" : "phase_error_rad=0:0.04:0.01",
                List.of(new String[] {Clements.NAME, "post-mapping"},
                        new String[] {"mzi-butterfly", "post-mapping,in-mesh"}),
                8, quick ? "laser_margin_db=-18:0:18" : "laser_margin_db=-21:0:3", quick ? "1" : "3");
    }

    private Entry codesign(String name, CodesignPlan plan, String threads, Path work, PrintWriter progress)
            throws IOException {
        long t0 = System.nanoTime();
        List<String> shown = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (String[] a : plan.sigmaModes()) {
            Path dir = work.resolve(name).resolve(a[0]);
            List<String> args = List.of("sweep", "-a", a[0], "-w", plan.workload(), "--seed", SEED, "--chips",
                    plan.chips(), "--samples", "all", "--set", "mesh_size=" + plan.sigmaMesh(), "--set", "coupler_error=0.005", "--vary",
                    "training=" + a[1], "--vary", plan.sigmaGrid());
            shown.add("phodex " + String.join(" ", args));
            runStep(name, concat(args, List.of("--threads", threads, "-o", dir.toString(), "--force")));
            dirs.add(dir);
        }
        Path merged = work.resolve(name).resolve("merged");
        SweepMerge.merge(dirs, merged);
        Path photons = work.resolve(name).resolve("photons");
        List<String> args = List.of("sweep", "-a", Clements.NAME, "-w", plan.workload(), "--seed", SEED, "--chips",
                plan.chips(), "--samples", "all", "--set", "mesh_size=" + plan.photonsMesh(), "--vary", "training=post-mapping,noise-aware",
                "--vary", plan.marginGrid());
        shown.add("phodex " + String.join(" ", args));
        runStep(name, concat(args, List.of("--threads", threads, "-o", photons.toString(), "--force")));
        Path dest = fresh(name);
        List<String> notes = new ArrayList<>(org.phodex.plot.CodesignFigures.write(merged.resolve("sweep.csv"),
                "phase_error_rad", "phase error sigma (rad)", false, true,
                String.format(Locale.ROOT, "Fabrication error: post-mapping vs trained for the hardware (%s, N = %d)",
                        plan.workload(), plan.sigmaMesh()),
                "codesign_phase_error", dest));
        notes.addAll(org.phodex.plot.CodesignFigures.write(photons.resolve("sweep.csv"),
                "detected_photons_per_mac", "detected photons per MAC", true,
                String.format(Locale.ROOT, "Photons per MAC: post-mapping vs noise-aware (%s, Clements N = %d)",
                        plan.workload(), plan.photonsMesh()),
                "codesign_photons", dest));
        Files.copy(merged.resolve("sweep.csv"), dest.resolve("sweep_phase_error.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(photons.resolve("sweep.csv"), dest.resolve("sweep_photons.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        return done(progress, name, "Co-design (" + plan.workload()
                        + "): accuracy against phase error and against photons per MAC",
                String.join("; ", shown), notes, t0);
    }

    private Entry mesh(String name, String title, String layout, PrintWriter progress) throws IOException {
        long t0 = System.nanoTime();
        Path dest = fresh(name);
        List<String> args = List.of("mesh", "--layout", layout, "--size", "16", "--seed", SEED);
        List<String> files = new ArrayList<>();
        for (String ext : List.of("png", "svg", "pdf")) {
            files.addAll(List.of("--draw", dest.resolve("mesh." + ext).toString()));
        }
        Path phases = dest.resolve("mesh.csv");
        runStep(name, concat(concat(args, files), List.of("--phases", phases.toString())));
        return done(progress, name, title, "phodex " + String.join(" ", args) + " --draw mesh.png --phases mesh.csv",
                List.of(GalleryNotes.mesh(phases)), t0);
    }

    private Entry done(PrintWriter progress, String name, String title, String command, List<String> notes,
                       long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        progress.printf(Locale.ROOT, "figures: %s done (%.0f s)%n", name, s);
        progress.flush();
        return new Entry(name, title, command, notes, s);
    }

    /** Runs one phodex command; its normal output is dropped, its errors pass through. */
    private void runStep(String entry, List<String> args) {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        int code = Main.run(quiet, spec.commandLine().getErr(), args.toArray(new String[0]));
        if (code != 0) {
            throw new IllegalStateException("figures: " + entry + ": 'phodex " + String.join(" ", args)
                    + "' failed with exit code " + code);
        }
    }

    private Path fresh(String name) throws IOException {
        Path dest = output.resolve(name);
        deleteTree(dest);
        Files.createDirectories(dest);
        return dest;
    }

    private static void copyFigures(Path plots, Path dest) throws IOException {
        try (Stream<Path> files = Files.list(plots)) {
            for (Path f : files.sorted().toList()) {
                Files.copy(f, dest.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void copyData(Path from, Path dest, String... names) throws IOException {
        Path data = dest.resolve("data");
        Files.createDirectories(data);
        for (String n : names) {
            Files.copy(from.resolve(n), data.resolve(n), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An entry's README section, kept in its folder so that entries can be regenerated one at a time. */
    static final String SECTION = "SECTION.md";

    private void writeSection(Entry e) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(e.title()).append("\n\n");
        sb.append("Folder `").append(e.name()).append("/`, made by `").append(e.command()).append(String.format(
                Locale.ROOT, "` with %s (%.0f s).%n%n", quick ? "quick budgets" : "its pinned budget", e.seconds()));
        for (String n : e.notes()) {
            sb.append("- ").append(n).append('\n');
        }
        sb.append('\n');
        for (String png : figures(output.resolve(e.name()))) {
            sb.append("- `").append(png).append("`: ").append(describe(png)).append('\n');
        }
        Files.writeString(output.resolve(e.name()).resolve(SECTION), sb.toString());
    }

    /** The index: a header and every entry folder's section, in gallery order. */
    private void writeReadme(List<String> order) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# phodex figure gallery\n\n");
        sb.append("Generated by `./phodex figures` (entries can be regenerated one at a time with `--only`; each ")
                .append("section names the command and time that made it); do not edit by hand, every line below ")
                .append("is read from the data in each folder.\n");
        if (quick) {
            sb.append("\n**Quick mode: small budgets and coarse grids, for checking the pipeline only.**\n");
        }
        sb.append("\nEach folder holds every figure as PNG, SVG and PDF with its data as CSV beside it, and the ")
                .append("run's or sweep's own files in `data/`. All runs use seed ").append(SEED).append(".\n");
        for (String name : order) {
            Path section = output.resolve(name).resolve(SECTION);
            if (Files.isRegularFile(section)) {
                sb.append('\n').append(Files.readString(section));
            }
        }
        Files.writeString(output.resolve("README.md"), sb.toString());
    }

    private static List<String> figures(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    /** What each kind of figure shows (the figure's content; the numbers are in the findings above). */
    static String describe(String png) {
        String n = png.replaceFirst("\\.png$", "");
        if (n.equals("pareto")) {
            return "energy per inference vs accuracy of every design, the Pareto front (with 95% intervals once "
                    + "re-scored), every baseline as a labelled line (the H100 measured, above idle and at GEMM "
                    + "saturation; the digital array at its spec defaults), 10x and 100x less than the H100's best "
                    + "measured case, and the float reference accuracy";
        } else if (n.equals("convergence")) {
            return "hypervolume of the archive against evaluations";
        } else if (n.equals("energy_breakdown")) {
            return "energy per MAC of front designs, stacked by component";
        } else if (n.equals("mesh")) {
            return "the mesh's MZIs coloured by their programmed phases";
        } else if (n.startsWith("sweep_accuracy_heatmap")) {
            return "top-1 accuracy over the grid" + suffix(n, "sweep_accuracy_heatmap");
        } else if (n.startsWith("sweep_energy_heatmap")) {
            return "energy per inference over the grid" + suffix(n, "sweep_energy_heatmap");
        } else if (n.equals("sweep_accuracy")) {
            return "top-1 accuracy against the swept parameter, one line per architecture";
        } else if (n.equals("sweep_energy")) {
            return "energy per inference against the swept parameter, with the H100 lines";
        } else if (n.equals("sweep_error")) {
            return "relative output error (RMS) against the swept parameter";
        }
        return n.replace('_', ' ');
    }

    private static String suffix(String name, String prefix) {
        String rest = name.substring(prefix.length());
        return rest.isEmpty() ? "" : ", " + rest.substring(1);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
