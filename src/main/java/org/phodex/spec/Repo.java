package org.phodex.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where phodex's own files live (architectures/, workloads/). The launcher passes {@code -Dphodex.home};
 * otherwise the working directory and its parents are searched for {@code architectures/devices}.
 */
public record Repo(Path home) {

    public static Repo locate() {
        String prop = System.getProperty("phodex.home");
        if (prop != null && !prop.isBlank()) {
            return new Repo(Path.of(prop).toAbsolutePath().normalize());
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("architectures").resolve("devices"))) {
                return new Repo(p);
            }
            p = p.getParent();
        }
        throw new SpecException("phodex", 0, null, "cannot find the phodex repository (architectures/devices)",
                "run phodex through the ./phodex launcher, or pass -Dphodex.home=DIR");
    }

    public Path architectures() {
        return home.resolve("architectures");
    }

    public Path devices() {
        return home.resolve("architectures").resolve("devices");
    }

    public Path references() {
        return home.resolve("architectures").resolve("reference");
    }

    public Path workloads() {
        return home.resolve("workloads");
    }

    /**
     * Resolves an architecture given by name (architectures/NAME.yaml) or by a path to a YAML file.
     */
    public Path architectureFile(String nameOrPath) {
        return resolve(nameOrPath, architectures(), "architecture", "phodex list architectures");
    }

    static Path resolve(String nameOrPath, Path dir, String what, String listCommand) {
        if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml") || nameOrPath.contains("/")) {
            Path p = Path.of(nameOrPath);
            if (!Files.isRegularFile(p)) {
                throw new SpecException(p, 0, null, what + " file not found", "give a name from '" + listCommand
                        + "' or a path to a YAML file");
            }
            return p;
        }
        Path p = dir.resolve(nameOrPath + ".yaml");
        if (!Files.isRegularFile(p)) {
            java.util.List<String> names = new java.util.ArrayList<>();
            try (var s = Files.list(dir)) {
                s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted()
                        .forEach(f -> names.add(f.substring(0, f.length() - 5)));
            } catch (java.io.IOException e) {
                // leave the list empty
            }
            throw new SpecException(what, 0, null, "no " + what + " named '" + nameOrPath + "'",
                    Hints.didYouMean(nameOrPath, names));
        }
        return p;
    }
}
