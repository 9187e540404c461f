package org.phodex.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.workload.DeepNetwork;
import org.phodex.workload.ModelShape;
import org.phodex.workload.Workloads;

/** Training on small configurations of the shipped MNIST data: cache, determinism, and that it learns. */
class TrainedTest {
    static final ModelShape.Cnn TINY_CNN = new ModelShape.Cnn(28, 28, 1, 10, 5, new int[] {2}, new int[] {0},
            new int[0]);
    static final ModelShape.Vit TINY_VIT = new ModelShape.Vit(28, 28, 1, 10, 14, 8, 2, 1, 8);

    static DeepNetwork mnist(ModelShape shape, int trainSize, int epochs, Path cache) {
        DeepNetwork d = Workloads.load(Path.of("workloads/mnist-cnn.yaml")).model().orElseThrow();
        return d.with(shape).withTrainSize(trainSize).with(d.training().withEpochs(epochs), cache);
    }

    private static void assertSameWeights(Net a, Net b) {
        List<Tensor> pa = a.parameters();
        List<Tensor> pb = b.parameters();
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).value(), pb.get(i).value(), "parameter " + a.names().get(i));
        }
    }

    @Test
    void aSecondRunReadsTheCacheAndTrainsNothing(@TempDir Path dir) throws Exception {
        DeepNetwork spec = mnist(TINY_VIT, 128, 1, dir);
        Trained first = Trained.load(spec, null);
        assertTrue(first.origin().startsWith("trained in"), first.origin());
        Path file = Trained.weightsFile(spec).orElseThrow();
        assertTrue(Files.isRegularFile(file));
        long modified = Files.getLastModifiedTime(file).toMillis();
        Trained second = Trained.load(spec, null);
        assertTrue(second.origin().startsWith("read from"), second.origin());
        assertSameWeights(first.net(), second.net());
        assertTrue(Files.getLastModifiedTime(file).toMillis() == modified, "the cache file was not rewritten");

        // a corrupt file is not trusted: it is retrained and rewritten
        Files.write(file, new byte[] {1, 2, 3});
        Trained third = Trained.load(spec, null);
        assertTrue(third.origin().startsWith("trained in"), third.origin());
        assertSameWeights(first.net(), third.net());
        // another recipe is another file
        DeepNetwork other = mnist(TINY_VIT, 128, 2, dir);
        assertFalse(Trained.weightsFile(other).orElseThrow().equals(file));
    }

    @Test
    void trainingIsDeterministicFromTheSeed() {
        DeepNetwork spec = mnist(TINY_CNN, 160, 1, null);
        Net a = Training.train(spec, null);
        Net b = Training.train(spec, null);
        assertSameWeights(a, b);
        Net c = Training.train(spec.with(new org.phodex.workload.DeepTraining(spec.training().learningRate(),
                spec.training().weightDecay(), 1, spec.training().batchSize(), spec.training().shift(), 99), null),
                null);
        assertFalse(java.util.Arrays.equals(a.parameters().get(0).value(), c.parameters().get(0).value()));
    }

    @Test
    void aTinyCnnLearnsDigits() {
        // one 5x5 convolution with 2 channels and a linear head, 600 images, 3 epochs of batches of 16: far above
        // chance (10 %)
        DeepNetwork spec = mnist(TINY_CNN, 600, 3, null);
        Trained t = Trained.load(spec.with(new org.phodex.workload.DeepTraining(0.005, 0, 3, 16, 0, 1), null), null);
        double acc = t.floatAccuracy(500).top1();
        assertTrue(acc > 0.5, "accuracy " + acc);
    }
}
