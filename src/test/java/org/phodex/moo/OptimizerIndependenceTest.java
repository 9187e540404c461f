package org.phodex.moo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The optimizer is model-free: its sources name no phodex package but itself and {@code spec} (for the
 * {@code Design} value and the did-you-mean hints), so a new architecture family, estimator or simulator
 * never touches it and it never reaches the photonic model. Checked on the source text (imports and fully
 * qualified names alike) rather than with ArchUnit: the rule is one regular expression, and it needs no
 * dependency in the build.
 */
class OptimizerIndependenceTest {
    private static final Path SOURCES = Path.of("src/main/java/org/phodex/moo");
    /** A phodex package named in code; group 1 is the first component after {@code org.phodex}. */
    private static final Pattern PHODEX_REF = Pattern.compile("\\borg\\.phodex\\.([a-z]+)\\b");
    private static final List<String> ALLOWED = List.of("moo", "spec");

    static List<String> violations(String file, String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                continue; // javadoc may mention the photonic problem that uses the optimizer
            }
            Matcher m = PHODEX_REF.matcher(line);
            while (m.find()) {
                if (!ALLOWED.contains(m.group(1))) {
                    out.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        }
        return out;
    }

    @Test
    void optimizerSourcesNameNoModelPackage() throws IOException {
        List<String> bad = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.list(SOURCES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                files++;
                bad.addAll(violations(p.getFileName().toString(), Files.readString(p)));
            }
        }
        assertTrue(files >= 20, "found only " + files + " optimizer sources in " + SOURCES);
        assertEquals(List.of(), bad, "the optimizer must not depend on the model (cost, evaluation, sim, "
                + "photonics, arch, workload) nor on search/cli");
    }

    @Test
    void theScanCatchesImportsAndQualifiedNames() {
        String src = """
                package org.phodex.moo;
                import org.phodex.spec.Design;
                import org.phodex.cost.CostModel;
                import static org.phodex.sim.Kernels.dot;
                /** Used by {@link org.phodex.search.SearchRun}. */
                class X { Object o = new org.phodex.photonics.Mzi(); }
                """;
        List<String> v = violations("X.java", src);
        assertEquals(3, v.size(), v.toString());
        assertTrue(v.get(0).contains("CostModel") && v.get(1).contains("Kernels") && v.get(2).contains("Mzi"));
    }
}
