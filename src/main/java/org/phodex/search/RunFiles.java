package org.phodex.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.SearchRange;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** File helpers shared by search and sweep folders: folder checks, atomic writes, JSON, YAML, CSV. */
public final class RunFiles {
    public static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
    /** Keys of manifest.json that the evaluator's runInfo() cannot replace. */
    static final Set<String> RESERVED = Set.of("kind", "tool", "version", "seed", "start", "end", "status",
            "evaluations", "generations", "architectures", "objectives", "points", "vary");

    private RunFiles() {
    }

    /**
     * Makes sure {@code dir} can take a new run: absent or empty (but for its lock file), or {@code force}.
     * Call it holding the folder's {@link RunLock}. IllegalArgumentException with a user message otherwise.
     */
    public static void prepare(Path dir, boolean force) {
        createFolder(dir);
        try {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.allMatch(p -> p.getFileName().toString().equals(RunLock.FILE));
            }
            if (!empty && !force) {
                String what = Files.isRegularFile(Checkpoint.file(dir))
                        ? "continue it with 'phodex resume " + dir + "', " : "";
                throw new IllegalArgumentException("output folder " + dir + " is not empty; choose another "
                        + "with -o, " + what + "or pass --force to overwrite");
            }
            if (!empty) {
                for (String f : List.of("evaluations.csv", "pareto.csv", "indicators.csv", "manifest.json",
                        "spec.resolved.yaml", "sweep.csv", Checkpoint.DIR + "/" + Checkpoint.FILE)) {
                    Files.deleteIfExists(dir.resolve(f));
                }
            }
            Files.createDirectories(dir.resolve("plots"));
            probeWritable(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write to output folder " + dir + ": " + reason(e));
        }
    }

    /**
     * Creates {@code dir} and its parents; IllegalArgumentException naming the path and the reason when it
     * cannot (a parent is a file, no permission, a read-only or virtual file system).
     */
    public static void createFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output folder " + dir + " exists and is not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.NoSuchFileException e) {
            Path parent = dir.toAbsolutePath().getParent();
            throw new IllegalArgumentException("cannot create output folder " + dir + ": "
                    + (parent != null && Files.isDirectory(parent) && dir.toAbsolutePath().toString()
                    .equals(e.getFile()) ? "the file system of " + parent + " does not take new folders"
                    : reason(e)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output folder " + dir + ": " + reason(e));
        }
    }

    private static void probeWritable(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
        Files.delete(probe);
    }

    /** Why an I/O operation failed, in words: "not a folder: README.md", "permission denied", ... */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied" + (a.getFile() != null ? " (" + a.getFile() + ")" : "");
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof java.nio.file.NotDirectoryException n) {
            return "not a folder: " + n.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT)
                    + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public static void writeAtomically(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Checkpoint.moveAtomically(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String yaml(Map<String, Object> m) {
        DumpSettings s = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(s).dumpToString(m);
    }

    /** A CSV text of the given header and rows. */
    public static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSV)) {
            p.printRecord(header);
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    static void printRow(Writer w, List<String> row) throws IOException {
        CSVPrinter p = new CSVPrinter(w, CSV);
        p.printRecord(row);
        p.flush();
    }

    /** The architecture as used: every parameter's default, the search space and constraints. */
    public static Map<String, Object> describe(ArchitectureSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("family", a.family());
        if (a.file() != null) {
            m.put("file", a.file().toString());
        }
        m.put("parameters", new LinkedHashMap<>(a.defaults().params()));
        Map<String, Object> space = new LinkedHashMap<>();
        for (Map.Entry<String, SearchRange> e : a.searchSpace().entrySet()) {
            SearchRange r = e.getValue();
            Map<String, Object> x = new LinkedHashMap<>();
            if (r.isChoice()) {
                x.put("choices", r.choices());
            } else {
                x.put("min", r.min());
                x.put("max", r.max());
                if (r.step() > 0) {
                    x.put("step", r.step());
                }
            }
            space.put(e.getKey(), x);
        }
        m.put("search_space", space);
        Map<String, Object> c = new LinkedHashMap<>();
        ArchitectureSpec.Constraints k = a.constraints();
        putIfSet(c, "max_area_mm2", k.maxAreaMm2());
        putIfSet(c, "max_power_w", k.maxPowerW());
        putIfSet(c, "min_accuracy", k.minAccuracy());
        putIfSet(c, "max_latency_s", k.maxLatencyS());
        m.put("constraints", c);
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String k, double v) {
        if (!Double.isNaN(v)) {
            m.put(k, v);
        }
    }

    /** Common manifest fields: tool, version, git commit, JVM. */
    public static Map<String, Object> manifestBase(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("tool", "phodex");
        String v = RunFiles.class.getPackage().getImplementationVersion();
        m.put("version", v == null ? "dev" : v);
        m.put("git_commit", gitCommit());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        return m;
    }

    /** Adds the evaluator's run information at the top level (reserved keys stay ours). */
    public static void mergeRunInfo(Map<String, Object> manifest, Map<String, Object> runInfo) {
        for (Map.Entry<String, Object> e : runInfo.entrySet()) {
            if (!RESERVED.contains(e.getKey())) {
                manifest.put(e.getKey(), e.getValue());
            }
        }
    }

    public static String now() {
        return Instant.now().toString();
    }

    /** The current git commit of the working directory, or null. */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
