package org.phodex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.phodex.devices.Device;
import org.phodex.devices.DeviceLibrary;
import org.phodex.devices.Quantity;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Repo;
import org.phodex.spec.SearchRange;
import org.phodex.workload.Workload;
import org.phodex.workload.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phodex list architectures|workloads|devices}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List what is available: architectures, workloads or devices (with value, unit, source "
                + "and the dotted path that --set uses).")
final class ListCommand implements Callable<Integer> {

    enum What { architectures, workloads, devices }

    @Parameters(index = "0", paramLabel = "WHAT", description = "architectures, workloads or devices")
    What what;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Repo repo = Repo.locate();
        switch (what) {
            case devices -> devices(out, DeviceLibrary.load(repo.devices()));
            case architectures -> architectures(out, repo);
            case workloads -> workloads(out, repo);
        }
        out.flush();
        return 0;
    }

    private static void devices(PrintWriter out, DeviceLibrary lib) {
        for (Device d : lib.devices()) {
            out.printf("%s (%s)%s%n", d.name(), d.kind(), d.description().isEmpty() ? "" : ": " + d.description());
            for (Quantity q : d.fields().values()) {
                out.printf("  %-48s %-12s %-7s %s%n", q.path(), fmt(q.value()), q.unit(), q.source());
            }
        }
    }

    private static void architectures(PrintWriter out, Repo repo) {
        DeviceLibrary lib = DeviceLibrary.load(repo.devices());
        for (Path f : yamlFiles(repo.architectures())) {
            ArchitectureSpec a = ArchitectureSpec.load(f, lib::checkPhaseShifter);
            out.printf("%-16s %s%n", a.name(), a.description());
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, SearchRange> e : a.searchSpace().entrySet()) {
                SearchRange r = e.getValue();
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ');
                sb.append(r.isChoice() ? r.choices().stream().map(c -> c instanceof Number n ? fmt(n.doubleValue())
                        : c.toString()).toList().toString()
                        : "[" + fmt(r.min()) + ".." + fmt(r.max()) + "]");
            }
            out.printf("%-16s   searches: %s%n", "", sb);
            if (!a.citation().isEmpty()) {
                out.printf("%-16s   source: %s%n", "", a.citation());
            }
        }
    }

    private static void workloads(PrintWriter out, Repo repo) {
        for (Workload w : Workloads.all(repo.workloads())) {
            String kind = w.network().map(n -> "has data: " + n.trainSize() + " train / " + n.testSize() + " test")
                    .or(() -> w.model().map(m -> "has data: " + m.trainSize() + " train / " + m.testSize() + " test, "
                            + m.shape()))
                    .orElse("shape-only: no application accuracy, matrix-level error only");
            out.printf("%-18s %,17d MACs  %s%n", w.name(), w.macsPerInference(), w.description());
            out.printf("%-18s %17s        %s%n", "", "", kind);
        }
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        return String.format("%.4g", v);
    }
}
