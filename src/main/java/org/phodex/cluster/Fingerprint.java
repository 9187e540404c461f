package org.phodex.cluster;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.phodex.spec.Repo;

/**
 * What must be equal on the search's machine and a worker's for a design to score the same on both: the
 * phodex version, the resolved spec (the task's context), the device library and the workload's data. Each is a
 * SHA-256 (hex); a worker compares the search's fingerprint with its own before evaluating, and refuses with
 * {@link #mismatch} naming what differs.
 *
 * @param version  phodex's version ({@code Implementation-Version} of the jar, {@code dev} from classes)
 * @param spec     hash of the serialized {@link EvalContext}
 * @param devices  hash of every file in {@code architectures/devices/} (name and bytes)
 * @param workload hash of the workload's YAML, every file it names, and the digital baseline figures
 */
public record Fingerprint(String version, String spec, String devices, String workload) implements Serializable {

    /** The version this code reports. */
    public static String codeVersion() {
        String v = Fingerprint.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** This machine's fingerprint for a context given as its serialized bytes. */
    public static Fingerprint local(byte[] contextBytes, String workload, Repo repo) {
        return new Fingerprint(codeVersion(), sha256(contextBytes), devicesHash(repo), workloadHash(workload, repo));
    }

    /** Null when {@code theirs} (the search's) equals this (the worker's), else what differs, for both logs. */
    public String mismatch(Fingerprint theirs) {
        List<String> diffs = new ArrayList<>();
        if (!version.equals(theirs.version)) {
            diffs.add("phodex version (worker " + version + ", search " + theirs.version + ")");
        }
        if (!spec.equals(theirs.spec)) {
            diffs.add("resolved spec (worker " + shortHash(spec) + ", search " + shortHash(theirs.spec) + ")");
        }
        if (!devices.equals(theirs.devices)) {
            diffs.add("device library architectures/devices/ (worker " + shortHash(devices) + ", search "
                    + shortHash(theirs.devices) + ")");
        }
        if (!workload.equals(theirs.workload)) {
            diffs.add("workload data (worker " + shortHash(workload) + ", search " + shortHash(theirs.workload) + ")");
        }
        if (diffs.isEmpty()) {
            return null;
        }
        return String.join(", ", diffs) + " differ" + (diffs.size() == 1 ? "s" : "") + "; every machine needs the "
                + "same phodex version and the same architectures/ and workloads/ files";
    }

    static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }

    /** Every regular file under {@code architectures/devices}, sorted by relative path. */
    static String devicesHash(Repo repo) {
        return hashFiles(repo.devices(), listFiles(repo.devices()));
    }

    /**
     * The workload's YAML, every file in its folder tree whose relative path appears in the YAML text (its data
     * files), and the digital baseline figures ({@code workloads/baseline}) that results are compared with.
     */
    static String workloadHash(String workload, Repo repo) {
        Path yaml = workload.endsWith(".yaml") || workload.endsWith(".yml") || workload.contains("/")
                ? Path.of(workload) : repo.workloads().resolve(workload + ".yaml");
        if (!Files.isRegularFile(yaml)) {
            return "missing:" + yaml;
        }
        try {
            String text = Files.readString(yaml, StandardCharsets.UTF_8);
            Path dir = yaml.toAbsolutePath().getParent();
            TreeSet<Path> files = new TreeSet<>();
            files.add(yaml.toAbsolutePath());
            Matcher m = Pattern.compile("[A-Za-z0-9_./-]+\\.[A-Za-z0-9]+").matcher(text);
            while (m.find()) {
                Path p = dir.resolve(m.group()).normalize();
                if (p.startsWith(dir) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
            Path baseline = repo.workloads().resolve("baseline");
            files.addAll(listFiles(baseline));
            MessageDigest md = sha();
            for (Path f : files) {
                md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workload " + yaml, e);
        }
    }

    private static List<Path> listFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String hashFiles(Path root, List<Path> files) {
        MessageDigest md = sha();
        try {
            for (Path f : files) {
                md.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] b) {
        return HexFormat.of().formatHex(sha().digest(b));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
