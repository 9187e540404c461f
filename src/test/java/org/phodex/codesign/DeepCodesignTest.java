package org.phodex.codesign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.HardwareProducts;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.StaticErrors;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.train.Net;
import org.phodex.train.Ops;
import org.phodex.train.Products;
import org.phodex.train.Tensor;
import org.phodex.train.Trained;
import org.phodex.train.Training;
import org.phodex.workload.DeepNetwork;
import org.phodex.workload.DeepTraining;
import org.phodex.workload.ModelShape;

/** Noise-aware fine-tuning of a CNN: straight-through gradients inside the convolution, the cache, the refusals. */
class DeepCodesignTest {
    /** One 5x5 convolution with 2 channels (a GEMM of 576 vectors x 25 per image), 2x2 pooling, a 10-way layer. */
    private static final ModelShape.Cnn TINY = new ModelShape.Cnn(28, 28, 1, 10, 5, new int[] {2}, new int[] {0},
            new int[0]);

    private static DeepNetwork mnist(int trainSize, Path cache) {
        DeepNetwork d = Catalog.locate().workload("mnist-cnn").model().orElseThrow();
        return d.with(TINY).withTrainSize(trainSize).with(d.training().withEpochs(1), cache);
    }

    /** 8x8 Clements tiles with static errors, 6-bit DAC, 3-bit ADC and detector noise. */
    private static SimSettings noisy() {
        return SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.clements(),
                new StaticErrors(8, 0.01, 0.005, 0, 0, 0)), 8, 8).withConverters(6, 3).withReceivedPower(1e-5);
    }

    /**
     * Every product as its hardware value at a base point plus the exact product's change since: to first order
     * the exact product, evaluated where the hardware put the network. Its finite differences are what the
     * straight-through gradient should be.
     */
    private static final class Linearized implements Products {
        private final Products base;
        private final List<double[]> hardware = new ArrayList<>();
        private final List<double[]> exactAtBase = new ArrayList<>();
        private boolean replay;
        private int call;

        Linearized(Products base) {
            this.base = base;
        }

        void replay() {
            replay = true;
            call = 0;
        }

        @Override
        public Tensor linear(int gemm, Tensor x, Tensor w) {
            Tensor xc = Tensor.constant(x.value(), x.shape());
            Tensor wc = Tensor.constant(w.value(), w.shape());
            Tensor exact = Products.EXACT.linear(gemm, xc, wc);
            if (!replay) {
                hardware.add(base.linear(gemm, xc, wc).value());
                exactAtBase.add(exact.value());
            }
            double[] hw = hardware.get(call);
            double[] e0 = exactAtBase.get(call++);
            double[] y = new double[hw.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = hw[i] + (exact.value()[i] - e0[i]);
            }
            return Tensor.constant(y, exact.shape());
        }

        @Override
        public Tensor dynamic(int gemm, Tensor a, Tensor b) {
            throw new UnsupportedOperationException("a CNN has no dynamic products");
        }
    }

    @Test
    void theConvolutionsStraightThroughGradientIsTheExactProductsAtTheHardwarePoint() {
        DeepNetwork spec = mnist(16, null);
        Net net = Training.create(TINY, new Random(3));
        // kinks, where finite differences are one-sided, kept away: exact ties in max pooling (MNIST's blank
        // background gives equal outputs, so the images get a little noise; coarse ADCs give equal levels, so the
        // converters have 8 bits here) and outputs at exactly 0 at the ReLUs (so the biases are not 0)
        Random r = new Random(5);
        double[] images = Arrays.copyOf(spec.trainInputs(), 6 * spec.dim());
        for (int i = 0; i < images.length; i++) {
            images[i] += 0.05 * r.nextDouble();
        }
        int[] labels = Arrays.copyOf(spec.trainLabels(), 6);
        Tensor x = Tensor.constant(images, 6, spec.dim());
        SimSettings sim = noisy().withConverters(8, 8);
        for (int p = 1; p < net.parameters().size(); p += 2) {
            double[] b = net.parameters().get(p).value();
            for (int i = 0; i < b.length; i++) {
                b[i] = 0.1 * r.nextGaussian();
            }
        }

        Tensor logits = net.logits(x, HardwareProducts.forTraining(sim, 11));
        Ops.crossEntropy(logits, labels).backward();
        Tensor conv = net.parameters().get(0);
        assertEquals("conv1.weight", net.names().get(0));
        double[] ste = conv.grad().clone();
        for (Tensor p : net.parameters()) {
            p.zeroGrad();
        }

        Linearized lin = new Linearized(HardwareProducts.forTraining(sim, 11));
        double[] recorded = net.logits(x, lin).value();
        assertArrayEquals(logits.value(), recorded, 0, "the same chip and noise on a fresh sample");
        Ops.crossEntropy(net.logits(x, Products.EXACT), labels).backward();
        double[] exactGrad = conv.grad().clone();

        double[] w = conv.value();
        double eps = 1e-6;
        double worst = 0;
        double scale = 0;
        double differs = 0;
        for (int k = 0; k < w.length; k += 3) {
            double w0 = w[k];
            w[k] = w0 + eps;
            lin.replay();
            double up = Ops.crossEntropy(net.logits(x, lin), labels).item();
            w[k] = w0 - eps;
            lin.replay();
            double down = Ops.crossEntropy(net.logits(x, lin), labels).item();
            w[k] = w0;
            double fd = (up - down) / (2 * eps);
            worst = Math.max(worst, Math.abs(fd - ste[k]));
            scale = Math.max(scale, Math.abs(fd));
            differs = Math.max(differs, Math.abs(exactGrad[k] - ste[k]));
        }
        assertTrue(scale > 1e-3, "a gradient to check: " + scale);
        assertTrue(worst < 1e-6 * Math.max(1, scale), "straight-through vs finite differences: " + worst);
        // the hardware's forward pass matters: the float network's gradient is not the straight-through one
        assertTrue(differs > 0.02 * scale, "hardware and float gradients differ by " + differs);
    }

    private static Trained floatNet(Path dir) {
        return Trained.of(mnist(160, dir), null);
    }

    /** Two steps of 48 images, no shifts; ADC full scales chosen on 40 images. */
    private static final DeepCodesign.Recipe QUICK = new DeepCodesign.Recipe(new DeepTraining(1e-3, 0, 1, 48, 0, 1),
            96, 40);

    @Test
    void aSecondRunTrainsNothingAndReadsTheSameParameters(@TempDir Path dir) throws Exception {
        Trained f = floatNet(dir);
        TrainingCache.Stats s0 = TrainingCache.stats();
        DeepCodesign.Tuned first = TrainingCache.get(f, "mnist-cnn", noisy(), TrainingMode.NOISE_AWARE,
                HardwareProducts.TRAINING, QUICK);
        assertEquals(1, TrainingCache.stats().trainings() - s0.trainings());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("mnist-cnn-noise-aware-")
                    && p.toString().endsWith(".params")).count());
        }
        assertTrue(first == TrainingCache.get(f, "mnist-cnn", noisy(), TrainingMode.NOISE_AWARE,
                HardwareProducts.TRAINING, QUICK), "the same process: from memory");
        TrainingCache.clearMemory();
        DeepCodesign.Tuned second = TrainingCache.get(f, "mnist-cnn", noisy(), TrainingMode.NOISE_AWARE,
                HardwareProducts.TRAINING, QUICK);
        TrainingCache.Stats s1 = TrainingCache.stats();
        assertEquals(1, s1.trainings() - s0.trainings(), "nothing trained the second time");
        assertEquals(1, s1.diskReads() - s0.diskReads());
        assertEquals(3, s1.requests() - s0.requests());
        assertTrue(second.origin().startsWith("read from"), second.origin());
        boolean moved = false;
        for (int p = 0; p < f.net().parameters().size(); p++) {
            double[] tuned = first.net().net().parameters().get(p).value();
            assertArrayEquals(tuned, second.net().net().parameters().get(p).value(), 0);
            moved |= !Arrays.equals(tuned, f.net().parameters().get(p).value());
        }
        assertTrue(moved, "fine-tuning changed the float parameters");
        // the float network itself is untouched, and another noise level is another key
        assertFalse(first.net().net() == f.net());
        // the ADC full scales chosen after the fine-tuning (3-bit ADCs) come back from disk too
        assertEquals(first.adcFullScale().keySet(), second.adcFullScale().keySet());
        assertEquals(2, first.adcFullScale().size(), "both GEMMs' tiles");
        for (int g : first.adcFullScale().keySet()) {
            assertArrayEquals(first.adcFullScale().get(g), second.adcFullScale().get(g), 0);
        }
        TrainingCache.get(f, "mnist-cnn", noisy().withConverters(6, 4), TrainingMode.NOISE_AWARE,
                HardwareProducts.TRAINING, QUICK);
        assertEquals(2, TrainingCache.stats().trainings() - s0.trainings());
    }

    @Test
    void fineTuningIsDeterministic(@TempDir Path dir) {
        Trained f = floatNet(dir);
        DeepCodesign.Tuned a = DeepCodesign.train(f, TrainingMode.NOISE_AWARE, TrainingKey.of("mnist-cnn",
                Trained.key(f.spec()), noisy(), TrainingMode.NOISE_AWARE, 1, QUICK.key()), QUICK,
                HardwareProducts.TRAINING);
        DeepCodesign.Tuned b = DeepCodesign.train(f, TrainingMode.NOISE_AWARE, TrainingKey.of("mnist-cnn",
                Trained.key(f.spec()), noisy(), TrainingMode.NOISE_AWARE, 1, QUICK.key()), QUICK,
                HardwareProducts.TRAINING);
        for (int p = 0; p < f.net().parameters().size(); p++) {
            assertArrayEquals(a.net().net().parameters().get(p).value(), b.net().net().parameters().get(p).value(),
                    0);
        }
        for (int g : a.adcFullScale().keySet()) {
            assertArrayEquals(a.adcFullScale().get(g), b.adcFullScale().get(g), 0);
        }
    }

    @Test
    void aDivergingFineTuningKeepsTheFloatParameters(@TempDir Path dir) {
        Trained f = floatNet(dir);
        // a learning rate of 30 wrecks the network within two steps
        DeepCodesign.Recipe wild = new DeepCodesign.Recipe(new DeepTraining(30, 0, 1, 48, 0, 1), 96, 40);
        DeepCodesign.Tuned t = DeepCodesign.train(f, TrainingMode.NOISE_AWARE, TrainingKey.of("mnist-cnn",
                Trained.key(f.spec()), noisy(), TrainingMode.NOISE_AWARE, 1, wild.key()), wild,
                HardwareProducts.TRAINING);
        assertTrue(t.origin().contains("kept the float parameters"), t.origin());
        for (int p = 0; p < f.net().parameters().size(); p++) {
            assertArrayEquals(f.net().parameters().get(p).value(), t.net().net().parameters().get(p).value(), 0);
        }
    }

    @Test
    void adcFullScalesAreChosenWhereTheStepsNotTheNoiseLimit() {
        SimSettings s = noisy();
        // full-scale-sine SNR = 1 / (2 sigma^2): 18 dB is sigma 0.089 of the range, 24 dB 0.045, 36 dB 0.011
        SimSettings snr18 = s.withReceivedPower(org.phodex.photonics.DetectorNoise.minReceivedPowerW(18, s.detector()));
        SimSettings snr24 = s.withReceivedPower(org.phodex.photonics.DetectorNoise.minReceivedPowerW(24, s.detector()));
        SimSettings snr36 = s.withReceivedPower(org.phodex.photonics.DetectorNoise.minReceivedPowerW(36, s.detector()));
        assertTrue(DeepCodesign.quantizationLimited(snr18.withConverters(6, 3)), "step 1/3 against 0.089");
        assertFalse(DeepCodesign.quantizationLimited(snr24.withConverters(6, 6)), "step 1/31 against 0.045");
        assertTrue(DeepCodesign.quantizationLimited(snr36.withConverters(6, 6)), "step 1/31 against 0.011");
        assertFalse(DeepCodesign.quantizationLimited(snr36.withConverters(6, 0)), "no ADC");
    }

    @Test
    void aSearchsBudgetCutsTheFineTuningsImagesAndIsPartOfTheKey() {
        DeepCodesign.Recipe full = new DeepCodesign.Recipe(new DeepTraining(2e-3, 0, 1, 64, 2, 1), 7000);
        assertEquals(700, full.withBudget(0.1).images());
        assertEquals(full, full.withBudget(1));
        assertFalse(full.key().equals(full.withBudget(0.1).key()));
    }

    @Test
    void modesACnnCannotTrainAreRefusedWithAHint() {
        for (TrainingMode m : new TrainingMode[] {TrainingMode.IN_MESH, TrainingMode.IN_MESH_NOISE_AWARE}) {
            var e = assertThrows(IllegalArgumentException.class, () -> DeepCodesign.check(m, noisy(), "mnist-cnn"));
            assertTrue(e.getMessage().contains("noise-aware, adc-calibrated or post-mapping"), e.getMessage());
        }
        SimSettings butterfly = SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.butterfly(1),
                new StaticErrors(8, 0.01, 0.005, 0, 0, 0)), 8, 8);
        var e = assertThrows(IllegalArgumentException.class, () -> DeepCodesign.check(TrainingMode.NOISE_AWARE,
                butterfly, "mnist-cnn"));
        assertTrue(e.getMessage().contains("numerical fit"), e.getMessage());
    }
}
