package org.phodex.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.spec.SpecException;

/** Strict loading: every bad input is a SpecException naming file, line and key, with a hint. */
class WorkloadsLoadTest {
    static final String DIGITS_CSV = Path.of("workloads/data/optdigits-digits.csv.gz").toAbsolutePath().toString();

    @TempDir
    Path dir;

    Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, yaml);
        return p;
    }

    SpecException fails(String name, String yaml) throws IOException {
        Path p = write(name, yaml);
        SpecException e = assertThrows(SpecException.class, () -> Workloads.load(p));
        assertTrue(e.file().endsWith(name + ".yaml"), e.getMessage());
        return e;
    }

    static String mlp(String dataLines, String layers) {
        return "version: 1\nname: m\ndescription: test\nnetwork:\n  layers: " + layers + "\n  activation: relu\n"
                + "  data:\n" + dataLines
                + "  training: {optimizer: adam, learning_rate: 0.01, epochs: 1, batch_size: 16, seed: 3}\n";
    }

    static String csvData(int train, int test) {
        return "    format: csv\n    file: " + DIGITS_CSV + "\n    train: " + train + "\n    test: " + test
                + "\n    input_range: [0, 16]\n";
    }

    @Test
    void aValidShapeWorkloadLoads() throws IOException {
        Path p = write("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - gemm: {name: a, rows: 2, inner: 3, outputs: 4, count: 5}\n"
                + "  - conv: {name: c, in_channels: 3, out_channels: 8, kernel: [3, 5], stride: 2, padding: 1, "
                + "input_size: [32, 20], weights: normal, weight_std: 0.1, inputs: gelu}\n");
        Workload w = Workloads.load(p);
        assertEquals(new Gemm("a", 2, 3, 4, 5), w.gemms().get(0));
        // output (32 + 2 - 3) / 2 + 1 = 16 rows by (20 + 2 - 5) / 2 + 1 = 9 columns; K = 3 * 3 * 5
        assertEquals(new Gemm("c", 16 * 9, 45, 8, 1), w.gemms().get(1));
        assertEquals(2 * 3 * 4 * 5 + 144 * 45 * 8, w.macsPerInference());
        assertEquals(new Operands(Operands.WeightDist.NORMAL, 0.1, Operands.InputDist.GELU), w.operands(1));
        assertEquals(Operands.WeightDist.KAIMING_NORMAL, w.operands(0).weights());
        assertTrue(w.network().isEmpty());
    }

    @Test
    void unknownKeyGetsLineAndDidYouMean() throws IOException {
        SpecException e = fails("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - gemm: {name: a, rows: 2, iner: 3, outputs: 4}\n");
        assertEquals(5, e.line());
        assertEquals("gemms[0].gemm.iner", e.key());
        assertTrue(e.hint().contains("did you mean 'inner'"), e.hint());
        SpecException top = fails("w", "version: 1\nname: w\ndescription: d\ngemm:\n  - gemm: {}\n");
        assertEquals("gemm", top.key());
        assertTrue(top.hint().contains("did you mean 'gemms'"), top.hint());
    }

    @Test
    void wrongTypesAndBadShapesAreReported() throws IOException {
        SpecException text = fails("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - gemm: {name: a, rows: two, inner: 3, outputs: 4}\n");
        assertEquals("gemms[0].gemm.rows", text.key());
        assertTrue(text.problem().contains("expected a number"), text.problem());

        SpecException zero = fails("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - gemm: {name: a, rows: 1, inner: 0, outputs: 4}\n");
        assertEquals("gemms[0].gemm.inner", zero.key());

        SpecException kernel = fails("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - conv: {name: c, in_channels: 3, out_channels: 8, kernel: 9, input_size: 4, padding: 1}\n");
        assertEquals("gemms[0].conv.kernel", kernel.key());
        assertTrue(kernel.problem().contains("larger than the padded input 6"), kernel.problem());

        SpecException std = fails("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - gemm: {name: a, rows: 1, inner: 3, outputs: 4, weights: normal}\n");
        assertTrue(std.problem().contains("weight_std"), std.problem());

        SpecException dist = fails("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - gemm: {name: a, rows: 1, inner: 3, outputs: 4, inputs: relu}\n");
        assertEquals("gemms[0].gemm.inputs", dist.key());
        assertTrue(dist.hint().contains("relu_normal"), dist.hint());

        SpecException dup = fails("w", "version: 1\nname: w\ndescription: d\ngemms:\n"
                + "  - gemm: {name: a, rows: 1, inner: 3, outputs: 4}\n"
                + "  - gemm: {name: a, rows: 1, inner: 3, outputs: 4}\n");
        assertEquals(6, dup.line());
    }

    @Test
    void headerProblems() throws IOException {
        SpecException version = fails("w", "version: 2\nname: w\ndescription: d\ngemms: []\n");
        assertEquals("version", version.key());
        SpecException name = fails("w", "version: 1\nname: other\ndescription: d\ngemms: []\n");
        assertEquals("name", name.key());
        assertEquals(2, name.line());
        SpecException neither = fails("w", "version: 1\nname: w\ndescription: d\n");
        assertTrue(neither.problem().contains("'network'"), neither.problem());
        SpecException empty = fails("w", "version: 1\nname: w\ndescription: d\ngemms: []\n");
        assertEquals("gemms", empty.key());
    }

    @Test
    void missingDataFileNamesTheKey() throws IOException {
        SpecException e = fails("m", mlp("    format: idx\n    images: data/nope.gz\n    labels: data/nope2.gz\n"
                + "    train: 10\n    test: 10\n    input_range: [0, 255]\n", "[784, 16, 10]"));
        assertEquals("network.data.images", e.key());
        assertEquals(9, e.line()); // version, name, description, network, layers, activation, data, format, images
        assertTrue(e.problem().contains("not found"), e.problem());
        assertTrue(e.hint().contains("relative to the workload"), e.hint());
    }

    @Test
    void dataProblems() throws IOException {
        SpecException width = fails("m", mlp(csvData(100, 100), "[60, 16, 10]"));
        assertEquals("network.layers[0]", width.key());
        assertTrue(width.hint().contains("64"), width.hint());

        SpecException split = fails("m", mlp(csvData(1500, 400), "[64, 16, 10]"));
        assertEquals("network.data.train", split.key());
        assertTrue(split.problem().contains("1797"), split.problem());

        SpecException range = fails("m", mlp(csvData(100, 100).replace("[0, 16]", "[0, 15]"), "[64, 16, 10]"));
        assertEquals("network.data.input_range", range.key());

        SpecException classes = fails("m", mlp(csvData(100, 100), "[64, 16, 8]"));
        assertTrue(classes.problem().contains("label"), classes.problem());

        SpecException format = fails("m", mlp(csvData(100, 100).replace("format: csv", "format: cvs"),
                "[64, 16, 10]"));
        assertTrue(format.hint().contains("did you mean 'csv'"), format.hint());

        SpecException seed = fails("m", mlp(csvData(100, 100) + "    split: stratified\n", "[64, 16, 10]"));
        assertTrue(seed.problem().contains("split_seed"), seed.problem());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,3\n4,5\n");
        SpecException rows = fails("m", mlp(csvData(1, 1).replace(DIGITS_CSV, bad.toString()), "[2, 4, 10]"));
        assertEquals("network.data.file", rows.key());
        assertTrue(rows.problem().contains("line 2"), rows.problem());
    }

    @Test
    void trainingProblems() throws IOException {
        SpecException opt = fails("m", mlp(csvData(100, 100), "[64, 16, 10]").replace("adam", "adma"));
        assertEquals("network.training.optimizer", opt.key());
        assertTrue(opt.hint().contains("did you mean 'adam'"), opt.hint());
        SpecException mom = fails("m", mlp(csvData(100, 100), "[64, 16, 10]").replace("seed: 3", "seed: 3, momentum: 0.9"));
        assertEquals("network.training.momentum", mom.key());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        SpecException e = assertThrows(SpecException.class,
                () -> Workloads.byNameOrPath("mnst-mlp", Path.of("workloads")));
        assertTrue(e.problem().contains("unknown workload 'mnst-mlp'"), e.problem());
        assertTrue(e.hint().contains("did you mean 'mnist-mlp'"), e.hint());
        assertTrue(e.hint().contains("resnet18"), e.hint());
        SpecException path = assertThrows(SpecException.class,
                () -> Workloads.byNameOrPath("no/such.yaml", Path.of("workloads")));
        assertTrue(path.problem().contains("not found"), path.problem());
    }

    @Test
    void byPathAndByNameGiveTheSameWorkload() {
        Workload a = Workloads.byNameOrPath("bert-base-layer", Path.of("workloads"));
        Workload b = Workloads.byNameOrPath("workloads/bert-base-layer.yaml", Path.of("elsewhere"));
        assertEquals(a.gemms(), b.gemms());
        assertEquals(a.name(), b.name());
    }
}
