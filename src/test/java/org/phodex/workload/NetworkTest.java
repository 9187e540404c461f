package org.phodex.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTest {
    static final Path DIR = Path.of("workloads");

    static Network net(String name) {
        return Workloads.byNameOrPath(name, DIR).network().orElseThrow();
    }

    /** y = W x written the obvious way from the public weights: the reference for the fast kernels. */
    static LinearBackend naive(Network n) {
        List<Layer> ls = n.layers();
        return (l, x, batch) -> {
            double[] w = ls.get(l).weights();
            int in = ls.get(l).inDim();
            int out = ls.get(l).outDim();
            double[] y = new double[batch * out];
            for (int s = 0; s < batch; s++) {
                for (int o = 0; o < out; o++) {
                    double sum = 0;
                    for (int i = 0; i < in; i++) {
                        sum += w[o * in + i] * x[s * in + i];
                    }
                    y[s * out + o] = sum;
                }
            }
            return y;
        };
    }

    static void assertSameWeights(List<Layer> a, List<Layer> b) {
        assertEquals(a.size(), b.size());
        for (int l = 0; l < a.size(); l++) {
            assertArrayEquals(a.get(l).weights(), b.get(l).weights(), "layer " + l + " weights");
            assertArrayEquals(a.get(l).bias(), b.get(l).bias(), "layer " + l + " bias");
        }
    }

    @Test
    void mnistMeetsItsFloor() {
        Network n = net("mnist-mlp");
        Accuracy a = n.floatAccuracy(Integer.MAX_VALUE);
        assertEquals(2000, a.samples());
        assertTrue(a.top1() >= 0.94, "mnist-mlp float accuracy " + a.top1() + " (" + n.weightsOrigin() + ")");
        assertEquals(784, n.layers().get(0).inDim());
        assertEquals(128, n.layers().get(0).outDim());
        assertEquals(10, n.layers().get(1).outDim());
        System.out.println("mnist-mlp: " + a + " = " + a.top1() + "; weights " + n.weightsOrigin());
    }

    @Test
    void digitsMeetsItsFloorAndTrainsReproducibly() {
        Network n = net("digits-mlp");
        Accuracy a = n.floatAccuracy(Integer.MAX_VALUE);
        assertEquals(400, a.samples());
        assertTrue(a.top1() >= 0.95, "digits-mlp float accuracy " + a.top1() + " (" + n.weightsOrigin() + ")");
        System.out.println("digits-mlp: " + a + " = " + a.top1() + "; weights " + n.weightsOrigin());
        // two fresh trainings with the same seed, and the weights in use (cached or trained), agree bit for bit
        List<Layer> first = n.train();
        List<Layer> second = n.train();
        assertSameWeights(first, second);
        assertSameWeights(first, n.layers());
    }

    @Test
    void mnistTrainingPathIsReproducibleAndSeedMatters() {
        Network full = net("mnist-mlp");
        TrainingConfig c = full.training();
        TrainingConfig short1 = new TrainingConfig(c.optimizer(), c.learningRate(), c.momentum(), 1, 64, c.seed());
        TrainingConfig short2 = new TrainingConfig(c.optimizer(), c.learningRate(), c.momentum(), 1, 64, c.seed() + 1);
        Network a = full.withTraining(short1);
        assertSameWeights(a.train(), a.train());
        double[] w1 = a.train().get(0).weights();
        double[] w2 = full.withTraining(short2).train().get(0).weights();
        assertTrue(!java.util.Arrays.equals(w1, w2), "a different seed must give different weights");
    }

    @Test
    void sgdWithMomentumAlsoLearns() {
        Network digits = net("digits-mlp");
        Network sgd = digits.withTraining(new TrainingConfig("sgd", 0.05, 0.9, 20, 32, 5));
        double acc = sgd.floatAccuracy(400).top1();
        assertTrue(acc > 0.9, "sgd+momentum digits accuracy " + acc);
    }

    @Test
    void anExactBackendReproducesTheFloatAccuracy() {
        for (String name : List.of("digits-mlp", "mnist-mlp")) {
            Network n = net(name);
            Accuracy viaNaive = n.accuracy(naive(n), 300);
            assertEquals(n.floatAccuracy(300), viaNaive, name);
            assertEquals(300, viaNaive.samples());
        }
    }

    @Test
    void fastKernelMatchesTheObviousProduct() {
        Network n = net("mnist-mlp");
        List<double[]> inputs = n.layerInputs(7);
        assertArrayEquals(n.testInputs(7), inputs.get(0));
        for (int l = 0; l < 2; l++) {
            double[] x = inputs.get(l);
            double[] fast = n.exactBackend().multiply(l, x, 7);
            double[] slow = naive(n).multiply(l, x, 7);
            for (int i = 0; i < fast.length; i++) {
                assertEquals(slow[i], fast[i], 1e-12 * (1 + Math.abs(slow[i])));
            }
        }
        // the second layer's input is ReLU(W1 x + b1) of the first
        double[] z = naive(n).multiply(0, inputs.get(0), 7);
        double[] b = n.layers().get(0).bias();
        for (int i = 0; i < z.length; i++) {
            assertEquals(Math.max(0, z[i] + b[i % 128]), inputs.get(1)[i], 1e-12);
        }
    }

    @Test
    void bigNoiseLowersAccuracyAndChipSpreadIsReported() {
        Network n = net("digits-mlp");
        LinearBackend exact = n.exactBackend();
        java.util.function.IntFunction<LinearBackend> noisyChip = chip -> {
            Random r = new Random(100 + chip);
            return (l, x, batch) -> {
                double[] y = exact.multiply(l, x, batch);
                double rms = 0;
                for (double v : y) {
                    rms += v * v;
                }
                rms = Math.sqrt(rms / y.length);
                for (int i = 0; i < y.length; i++) {
                    y[i] += 1.5 * rms * r.nextGaussian(); // noise 1.5x the signal
                }
                return y;
            };
        };
        double clean = n.floatAccuracy(400).top1();
        Accuracy.Spread s = n.accuracyOverChips(noisyChip, 4, 400);
        assertEquals(4, s.chips());
        assertEquals(400, s.samples());
        assertTrue(s.mean() < clean - 0.2, "noisy " + s.mean() + " vs clean " + clean);
        assertTrue(s.std() > 0, "independent chips should differ");
        Accuracy.Spread exactChips = n.accuracyOverChips(chip -> exact, 3, 400);
        assertEquals(clean, exactChips.mean(), 1e-15);
        assertEquals(0.0, exactChips.std());
    }

    @Test
    void spreadIsMeanAndSampleStd() {
        Accuracy.Spread s = Accuracy.spread(List.of(new Accuracy(90, 100), new Accuracy(80, 100),
                new Accuracy(70, 100)));
        assertEquals(0.8, s.mean(), 1e-15);
        assertEquals(0.1, s.std(), 1e-15); // sqrt((0.01 + 0 + 0.01) / 2)
        assertThrows(IllegalArgumentException.class,
                () -> Accuracy.spread(List.of(new Accuracy(1, 2), new Accuracy(1, 3))));
    }

    @Test
    void subsetIsClampedAndReported() {
        Network n = net("digits-mlp");
        assertEquals(400, n.floatAccuracy(100_000).samples());
        assertEquals(37, n.accuracy(n.exactBackend(), 37).samples());
        assertThrows(IllegalArgumentException.class, () -> n.floatAccuracy(0));
        assertEquals(37 * 64, n.testInputs(37).length);
        assertEquals(37, n.testLabels(37).length);
        double[] x = n.testInputs(400);
        for (double v : x) {
            assertTrue(v >= 0 && v <= 1, "inputs scaled to [0, 1]: " + v);
        }
    }

    @Test
    void aBackendReturningTheWrongShapeIsRejected() {
        Network n = net("digits-mlp");
        assertThrows(IllegalStateException.class, () -> n.accuracy((l, x, b) -> new double[3], 10));
    }

    @Test
    void cacheIsWrittenOnceAndSharedByConcurrentCallers(@TempDir Path tmp) throws Exception {
        Path yaml = tmp.resolve("digits-mlp.yaml");
        Files.writeString(yaml, Files.readString(DIR.resolve("digits-mlp.yaml")).replace("data/",
                DIR.resolve("data").toAbsolutePath() + "/"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Layer>>> fs = new ArrayList<>();
        Workload shared = Workloads.load(yaml);
        for (int t = 0; t < 4; t++) {
            // two callers share one instance, two load their own: all must end with identical weights
            Workload w = t < 2 ? shared : Workloads.load(yaml);
            fs.add(pool.submit(() -> w.network().orElseThrow().layers()));
        }
        List<List<Layer>> results = new ArrayList<>();
        for (Future<List<Layer>> f : fs) {
            results.add(f.get());
        }
        pool.shutdown();
        for (List<Layer> r : results) {
            assertSameWeights(results.get(0), r);
        }
        Path cached = shared.network().orElseThrow().weightsFile().orElseThrow();
        assertTrue(Files.isRegularFile(cached), cached.toString());
        assertEquals(tmp.resolve(".trained"), cached.getParent());
        try (var s = Files.list(cached.getParent())) {
            assertEquals(1, s.count(), "no temporary files left behind");
        }
        Network again = Workloads.load(yaml).network().orElseThrow();
        assertSameWeights(results.get(0), again.layers());
        assertTrue(again.weightsOrigin().startsWith("read from"), again.weightsOrigin());

        // a corrupt cache file is ignored and replaced
        Files.write(cached, new byte[] {1, 2, 3});
        Network healed = Workloads.load(yaml).network().orElseThrow();
        assertSameWeights(results.get(0), healed.layers());
        assertTrue(healed.weightsOrigin().startsWith("trained"), healed.weightsOrigin());
    }

    @Test
    void stratifiedSplitIsProportionalAndDisjoint() throws IOException {
        int[] y = new int[1797];
        Random r = new Random(9);
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(10);
        }
        int[][] parts = DataSpec.stratified(y, 10, 400, 1);
        assertEquals(400, parts[0].length);
        assertEquals(1397, parts[1].length);
        int[] all = new int[1797];
        int[] perClassTest = new int[10];
        int[] perClass = new int[10];
        for (int v : y) {
            perClass[v]++;
        }
        for (int i : parts[0]) {
            all[i]++;
            perClassTest[y[i]]++;
        }
        for (int i : parts[1]) {
            all[i]++;
        }
        for (int c : all) {
            assertEquals(1, c);
        }
        for (int c = 0; c < 10; c++) {
            double share = 400.0 * perClass[c] / 1797;
            assertTrue(perClassTest[c] >= Math.floor(share) && perClassTest[c] <= Math.ceil(share),
                    "class " + c + ": " + perClassTest[c] + " vs " + share);
        }
        assertArrayEquals(parts[0], DataSpec.stratified(y, 10, 400, 1)[0]);
        assertTrue(!java.util.Arrays.equals(parts[0], DataSpec.stratified(y, 10, 400, 2)[0]));
    }
}
