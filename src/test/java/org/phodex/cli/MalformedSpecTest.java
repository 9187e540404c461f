package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many malformed spec files: each must give exit 2 and one message naming the file, the line and the key,
 * never a stack trace. The expected line is found in the mutated text itself (where the fault was put).
 */
class MalformedSpecTest {

    @TempDir
    Path repo;

    @BeforeEach
    void copyRepo() throws IOException {
        Path src = Path.of("architectures");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path dst = repo.resolve("architectures").resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst);
                }
            }
        }
        Files.createDirectories(repo.resolve("workloads"));
        System.setProperty("phodex.home", repo.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("phodex.home");
    }

    /**
     * @param file     file to mutate, relative to the repo
     * @param find     text to replace (first occurrence); null = replace the whole file
     * @param replace  replacement
     * @param marker   text on the line the message must point at (null: the expected line is {@code line})
     * @param line     expected line when marker is null (0 = no line expected)
     * @param key      key (dotted path) the message must name, or a fragment of it
     * @param command  "devices" or "architectures" (what `phodex list` loads)
     */
    static Stream<Arguments> cases() {
        String dev = "architectures/devices/photonics.yaml";
        String arch = "architectures/mzi-clements.yaml";
        return Stream.of(
                Arguments.of("typo in a device field", dev, "  mzi:\n    kind: mzi\n    description: Mach-Zehnder interferometer cell (two couplers and a phase shifter)\n    insertion_loss_db",
                        "  mzi:\n    kind: mzi\n    description: Mach-Zehnder interferometer cell (two couplers and a phase shifter)\n    insertion_los_db", "insertion_los_db", 0, "devices.mzi.insertion_los_db", "devices", "insertion_loss_db"),
                Arguments.of("wrong type for a device value", dev, "insertion_loss_db: {value: 0.99,", "insertion_loss_db: {value: lots,",
                        "value: lots", 0, "devices.mzi.insertion_loss_db.value", "devices", "number"),
                Arguments.of("negative loss", dev, "insertion_loss_db: {value: 0.99,", "insertion_loss_db: {value: -0.5,",
                        "value: -0.5", 0, "devices.mzi.insertion_loss_db.value", "devices", "positive dB"),
                Arguments.of("efficiency above 1", dev, "wall_plug_efficiency: {value: 0.2,", "wall_plug_efficiency: {value: 1.5,",
                        "value: 1.5", 0, "devices.laser.wall_plug_efficiency.value", "devices", "(0, 1]"),
                Arguments.of("positive crosstalk", dev, "crosstalk_db: {value: -41,", "crosstalk_db: {value: 41,",
                        "value: 41,", 0, "devices.crossing.crosstalk_db.value", "devices", "negative dB"),
                Arguments.of("missing source", dev, "dark_current_a: {value: 1.0e-9, source: \"Ge photodetector literature (~1 nA); SimPhony device library\"}",
                        "dark_current_a: {value: 1.0e-9}", "dark_current_a: {value: 1.0e-9}", 0, "devices.photodetector.dark_current_a", "devices", "source"),
                Arguments.of("missing required device field", dev, "    responsivity_a_per_w: {value: 1.0, source: \"Ge photodetector literature, 0.95 to 1.1 A/W; SimPhony device library\"}\n", "",
                        "  photodetector:", 0, "devices.photodetector", "devices", "responsivity_a_per_w"),
                Arguments.of("unknown device kind", dev, "kind: crossing", "kind: crosing",
                        "kind: crosing", 0, "devices.crossing.kind", "devices", "crossing"),
                Arguments.of("truncated YAML", dev, "  waveguide:", "  waveguide: {kind: [waveguide,\n",
                        null, -1, "", "devices", "malformed YAML"),
                Arguments.of("zero bits", arch, "  adc_bits: 6", "  adc_bits: 0",
                        "  adc_bits: 0", 0, "parameters.adc_bits", "architectures", "[1, 16]"),
                Arguments.of("tab indentation", arch, "  cores: 4", "\tcores: 4",
                        "\tcores: 4", 0, "", "architectures", "tab"),
                Arguments.of("empty file", arch, null, "",
                        null, 1, "", "architectures", "empty"),
                Arguments.of("unknown family", arch, "family: mzi-clements", "family: mzi-hexagonal",
                        "family: mzi-hexagonal", 0, "family", "architectures", "mzi-"),
                Arguments.of("missing referenced device", arch, "  phase_shifter: thermo_optic", "  phase_shifter: graphene",
                        "  phase_shifter: graphene", 0, "parameters.phase_shifter", "architectures", "not in the device library"),
                Arguments.of("typo in a top-level key", arch, "search_space:", "serch_space:",
                        "serch_space:", 0, "serch_space", "architectures", "search_space"),
                Arguments.of("typo in a parameter name", arch, "  adc_bits: 6", "  adc_bit: 6",
                        "  adc_bit: 6", 0, "parameters.adc_bit", "architectures", "adc_bits"),
                Arguments.of("range max below min", arch, "  dac_bits: {min: 2, max: 8}", "  dac_bits: {min: 6, max: 3}",
                        "  dac_bits: {min: 6, max: 3}", 0, "search_space.dac_bits.max", "architectures", "below min"),
                Arguments.of("unsupported version", arch, "version: 1", "version: 7",
                        "version: 7", 0, "version", "architectures", "supported"),
                Arguments.of("duplicate key", arch, "  cores: 4", "  cores: 4\n  cores: 8",
                        "  cores: 8", 0, "parameters.cores", "architectures", "once"),
                Arguments.of("word in a numeric choice list", arch, "  mesh_size: {choices: [8, 16, 32, 64]}", "  mesh_size: {choices: [8, big]}",
                        "  mesh_size: {choices: [8, big]}", 0, "search_space.mesh_size.choices[1]", "architectures", "number"),
                Arguments.of("range for a choice parameter", arch, "  phase_shifter: {choices: [thermo_optic, mems]}", "  phase_shifter: {min: 1, max: 2}",
                        "  phase_shifter: {min: 1, max: 2}", 0, "search_space.phase_shifter", "architectures", "choices"),
                Arguments.of("quoted number", arch, "  adc_bits: 6", "  adc_bits: \"6\"",
                        "  adc_bits: \"6\"", 0, "parameters.adc_bits", "architectures", "quotes"),
                Arguments.of("missing required parameter", arch, "  modulation_ghz: 10\n", "",
                        "parameters:", 0, "parameters", "architectures", "modulation_ghz"),
                Arguments.of("non-physical error sigma", arch, "  phase_error_rad: 0.005", "  phase_error_rad: -0.1",
                        "  phase_error_rad: -0.1", 0, "parameters.phase_error_rad", "architectures", "out of range"),
                Arguments.of("list where a mapping belongs", arch, "constraints:\n  max_area_mm2: 2000", "constraints: [2000]",
                        "constraints: [2000]", 0, "constraints", "architectures", "mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedSpecExitsTwoWithFileLineKey(String name, String file, String find, String replace, String marker,
                                              int line, String key, String command, String hintFragment)
            throws IOException {
        Path f = repo.resolve(file);
        String text = Files.readString(f);
        String mutated;
        if (find == null) {
            mutated = replace;
        } else {
            assertTrue(text.contains(find), "fixture text not found: " + find);
            mutated = text.replaceFirst(java.util.regex.Pattern.quote(find),
                    java.util.regex.Matcher.quoteReplacement(replace));
        }
        Files.writeString(f, mutated);
        int expectedLine = line;
        if (marker != null) {
            expectedLine = lineOf(mutated, marker);
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "list", command);
        String msg = err.toString();

        assertEquals(2, code, "exit code; stderr: " + msg);
        assertTrue(msg.contains(f.getFileName().toString()), "names the file: " + msg);
        if (expectedLine > 0) {
            assertTrue(msg.contains(f.getFileName() + ":" + expectedLine + ":"), "names line " + expectedLine + ": "
                    + msg);
        } else if (expectedLine < 0) {
            assertTrue(msg.matches("(?s).*" + java.util.regex.Pattern.quote(f.getFileName().toString())
                    + ":\\d+:.*"), "names a line: " + msg);
        }
        if (!key.isEmpty()) {
            assertTrue(msg.contains("key '" + key + "'"), "names key " + key + ": " + msg);
        }
        assertTrue(msg.contains(hintFragment), "explains with '" + hintFragment + "': " + msg);
        assertFalse(msg.contains("\tat "), "no stack trace: " + msg);
        assertEquals(1, msg.strip().lines().count(), "one message: " + msg);
    }

    private static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        String firstLine = marker.split("\n")[0];
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(firstLine)) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }

}
