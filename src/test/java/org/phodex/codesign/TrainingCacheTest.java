package org.phodex.codesign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.evaluation.Catalog;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.StaticErrors;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.workload.Network;

class TrainingCacheTest {
    private static final Network DIGITS = Catalog.locate().workload("digits-mlp").network().orElseThrow();
    private static final CodesignTrainer.Hyper QUICK = new CodesignTrainer.Hyper(1, 256, 1e-3, 1e-2);

    private static SimSettings butterfly() {
        return SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.butterfly(1),
                new StaticErrors(8, 0.01, 0.005, 0, 0, 0)), 8, 8).withConverters(6, 6);
    }

    @Test
    void aSecondRunTrainsNothingAndReadsTheSameNetwork(@TempDir Path dir) throws Exception {
        long before = TrainingCache.trainings();
        TrainingCache.Stats s0 = TrainingCache.stats();
        Codesigned first = TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH,
                Optional.of(dir), QUICK);
        assertEquals(before + 1, TrainingCache.trainings());
        assertTrue(first.inMesh());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".codesign")).count());
        }
        // the same process: from memory
        assertTrue(first == TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH,
                Optional.of(dir), QUICK));
        // a new process: from disk
        TrainingCache.clearMemory();
        Codesigned second = TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH,
                Optional.of(dir), QUICK);
        assertEquals(before + 1, TrainingCache.trainings(), "nothing trained the second time");
        assertTrue(second.origin().startsWith("read from"), second.origin());
        // the counters a search reports: three requests, one training, one disk read, two hits
        TrainingCache.Stats s1 = TrainingCache.stats();
        assertEquals(3, s1.requests() - s0.requests());
        assertEquals(1, s1.trainings() - s0.trainings());
        assertEquals(1, s1.diskReads() - s0.diskReads());
        assertEquals(2, s1.hits() - s0.hits());
        assertTrue(s1.trainingCpuS() > s0.trainingCpuS(), "the training's CPU time is counted");
        assertEquals(2.0 / 3, new TrainingCache.Stats(3, 1, 1, 0, 0).hitRate(), 1e-12);
        assertTrue(Double.isNaN(new TrainingCache.Stats(0, 0, 0, 0, 0).hitRate()));
        for (int l = 0; l < first.layers().size(); l++) {
            assertArrayEquals(first.layers().get(l).weights(), second.layers().get(l).weights(), 0);
            assertArrayEquals(first.layers().get(l).bias(), second.layers().get(l).bias(), 0);
            for (int t = 0; t < first.tiles().get(l).length; t++) {
                assertArrayEquals(first.tiles().get(l)[t].attenuation(), second.tiles().get(l)[t].attenuation(), 0);
                assertEquals(first.tiles().get(l)[t].u().theta(3), second.tiles().get(l)[t].u().theta(3), 0);
            }
        }
    }

    @Test
    void noiseAwareTrainingStoresEveryTilesAdcFullScale(@TempDir Path dir) {
        SimSettings clements = SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.clements(),
                new StaticErrors(8, 0.005, 0.0025, 0, 0, 0)), 8, 8).withConverters(6, 3);
        CodesignTrainer.Hyper quick = new CodesignTrainer.Hyper(1, 500, 3e-3, 0, true);
        // the full training (about 2 CPU-s here): one epoch does not beat its start, which the final selection keeps
        Codesigned first = TrainingCache.get(DIGITS, "digits-mlp", clements, TrainingMode.NOISE_AWARE,
                Optional.of(dir), CodesignTrainer.NOISE_AWARE);
        assertTrue(first.origin().contains("kept trained"), first.origin());
        java.util.Set<Double> allowed = new java.util.HashSet<>();
        for (double f : CodesignTrainer.ADC_FULL_SCALES) {
            for (double m : CodesignTrainer.ADC_LAYER_FACTORS) {
                allowed.add(Math.min(1, f * m));
            }
        }
        // on a mesh the full scales start on the grid and are trained with the weights
        int offGrid = 0;
        for (int l = 0; l < DIGITS.layers().size(); l++) {
            var ly = DIGITS.layers().get(l);
            double[] adc = first.adcFullScale().get(l);
            assertEquals(((ly.outDim() + 7) / 8) * ((ly.inDim() + 7) / 8), adc.length, "one per tile");
            for (double a : adc) {
                assertTrue(a >= CodesignTrainer.MIN_FRACTION && a <= 1, "a fraction of the range: " + a);
                offGrid += allowed.contains(a) ? 0 : 1;
            }
        }
        assertTrue(offGrid > 0, "trained full scales leave the grid");
        TrainingCache.clearMemory();
        Codesigned second = TrainingCache.get(DIGITS, "digits-mlp", clements, TrainingMode.NOISE_AWARE,
                Optional.of(dir), CodesignTrainer.NOISE_AWARE);
        assertTrue(second.origin().startsWith("read from"), second.origin());
        for (int l = 0; l < DIGITS.layers().size(); l++) {
            assertArrayEquals(first.adcFullScale().get(l), second.adcFullScale().get(l), 0);
        }
        // adc-calibrated: the float weights untouched, only the full scales chosen
        Codesigned calibrated = TrainingCache.get(DIGITS, "digits-mlp", clements, TrainingMode.ADC_CALIBRATED,
                Optional.empty(), CodesignTrainer.ADC_CALIBRATED);
        for (int l = 0; l < DIGITS.layers().size(); l++) {
            assertArrayEquals(DIGITS.layers().get(l).weights(), calibrated.layers().get(l).weights(), 0);
            assertArrayEquals(DIGITS.layers().get(l).bias(), calibrated.layers().get(l).bias(), 0);
            assertEquals(first.adcFullScale().get(l).length, calibrated.adcFullScale().get(l).length);
            for (double a : calibrated.adcFullScale().get(l)) {
                assertTrue(allowed.contains(a), "a grid value times a layer factor, at most 1: " + a);
            }
        }
        // without ADCs there is nothing to choose
        Codesigned noAdc = TrainingCache.get(DIGITS, "digits-mlp", clements.withConverters(6, 0),
                TrainingMode.NOISE_AWARE, Optional.empty(), quick);
        assertTrue(noAdc.adcFullScale().stream().allMatch(java.util.Objects::isNull));
    }

    @Test
    void noiseLevelsShareAKeyOnTheGridAndBitsDoNot() {
        SimSettings a = butterfly();
        SimSettings b = a.withStaticErrors(new StaticErrors(8, 0.0105, 0.005, 0, 0, 0));
        SimSettings c = a.withStaticErrors(new StaticErrors(8, 0.02, 0.005, 0, 0, 0));
        TrainingMode m = TrainingMode.IN_MESH_NOISE_AWARE;
        String ka = TrainingKey.of("w", "k", a, m, 1, "h").text();
        assertEquals(ka, TrainingKey.of("w", "k", b, m, 1, "h").text());
        assertNotEquals(ka, TrainingKey.of("w", "k", c, m, 1, "h").text());
        assertNotEquals(ka, TrainingKey.of("w", "k", a.withConverters(6, 3), m, 1, "h").text());
        // noiseless in-mesh training does not depend on the noise or the converters
        assertEquals(TrainingKey.of("w", "k", a, TrainingMode.IN_MESH, 1, "h").text(),
                TrainingKey.of("w", "k", c.withConverters(6, 3), TrainingMode.IN_MESH, 1, "h").text());
        // the detector's SNR is rounded down to a multiple of 3 dB: trained for at most 3 dB more noise
        SimSettings n198 = a.withReceivedPower(org.phodex.photonics.DetectorNoise.minReceivedPowerW(19.8, a.detector()));
        SimSettings n182 = a.withReceivedPower(org.phodex.photonics.DetectorNoise.minReceivedPowerW(18.2, a.detector()));
        SimSettings n179 = a.withReceivedPower(org.phodex.photonics.DetectorNoise.minReceivedPowerW(17.9, a.detector()));
        TrainingKey k198 = TrainingKey.of("w", "k", n198, m, 1, "h");
        assertEquals(k198.text(), TrainingKey.of("w", "k", n182, m, 1, "h").text());
        assertNotEquals(k198.text(), TrainingKey.of("w", "k", n179, m, 1, "h").text());
        assertTrue(k198.text().contains("snr_db=18"), k198.text());
        assertEquals(18, TrainingKey.snrDb(k198.settings()), 1e-6);
        // training runs at the grid point
        assertEquals(0.01, ((TileRealization.MziMesh) TrainingKey.of("w", "k", b, m, 1, "h").settings().tile())
                .errors().phaseErrorRad(), 1e-12);
    }

    @Test
    void theBudgetIsPartOfTheKeyAndCutsTheSteps(@TempDir Path dir) throws Exception {
        // the full training writes no budget, so networks trained before budgets existed keep their keys
        assertEquals(CodesignTrainer.NOISE_AWARE.key(), CodesignTrainer.NOISE_AWARE.withBudget(1).key());
        assertFalse(CodesignTrainer.NOISE_AWARE.key().contains("budget"));
        assertTrue(CodesignTrainer.NOISE_AWARE.withBudget(0.1).key().endsWith(";budget=0.1"));
        // mnist-mlp's 8,000 training images: 10 epochs of 8 batches, and a tenth of that
        assertEquals(80, CodesignTrainer.NOISE_AWARE.steps(8000));
        assertEquals(8, CodesignTrainer.NOISE_AWARE.withBudget(0.1).steps(8000));
        assertEquals(1, CodesignTrainer.NOISE_AWARE.withBudget(0.001).steps(8000), "at least one step");
        // adc-calibrated takes no step: every budget is its full training, with the same key
        assertTrue(CodesignTrainer.ADC_CALIBRATED == CodesignTrainer.ADC_CALIBRATED.withBudget(0.1));
        assertEquals(1, CodesignTrainer.ADC_CALIBRATED.withBudget(0.1).effectiveBudget());
        assertThrows(IllegalArgumentException.class, () -> CodesignTrainer.IN_MESH.withBudget(0));
        assertThrows(IllegalArgumentException.class, () -> CodesignTrainer.IN_MESH.withBudget(1.5));

        CodesignTrainer.Hyper full = new CodesignTrainer.Hyper(2, 256, 1e-3, 1e-2);
        long before = TrainingCache.trainings();
        Codesigned cut = TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH, Optional.of(dir),
                full.withBudget(0.25));
        Codesigned whole = TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH,
                Optional.of(dir), full);
        assertEquals(before + 2, TrainingCache.trainings(), "two budgets, two trainings");
        assertTrue(cut.origin().contains("budget 0.25"), cut.origin());
        assertFalse(java.util.Arrays.equals(cut.layers().get(0).weights(), whole.layers().get(0).weights()));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".codesign")).count(), "one file per budget");
        }
        TrainingCache.clearMemory();
        Codesigned again = TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH,
                Optional.of(dir), full.withBudget(0.25));
        assertEquals(before + 2, TrainingCache.trainings(), "the cut training is read back, not trained again");
        assertArrayEquals(cut.layers().get(0).weights(), again.layers().get(0).weights(), 0);
    }

    @Test
    void threadsAskingForOneKeyAtOnceShareOneTraining(@TempDir Path dir) throws Exception {
        CodesignTrainer.Hyper h = new CodesignTrainer.Hyper(1, 300, 1e-3, 1e-2); // a key no other test trains
        long before = TrainingCache.trainings();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<Codesigned>> got = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH,
                            Optional.of(dir), h);
                }));
            }
            Codesigned first = got.get(0).get();
            assertTrue(first == got.get(1).get() && first == got.get(2).get(), "one network for all three");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, TrainingCache.trainings(), "trained once");
    }

    @Test
    void anInterruptedTrainingStopsAndStoresNothing(@TempDir Path dir) throws Exception {
        CodesignTrainer.Hyper long_ = new CodesignTrainer.Hyper(50, 64, 1e-3, 1e-2);
        long before = TrainingCache.trainings();
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt(); // as a search's stop interrupts its evaluation threads
            try {
                TrainingCache.get(DIGITS, "digits-mlp", butterfly(), TrainingMode.IN_MESH, Optional.of(dir), long_);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join();
        assertTrue(thrown.get() instanceof java.util.concurrent.CancellationException, String.valueOf(thrown.get()));
        assertEquals(before, TrainingCache.trainings(), "nothing counted as trained");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no cache file, not even a partial one");
        }
    }

    @Test
    void modesAFamilyCannotTrainAreRefusedWithAHint() {
        SimSettings rings = SimSettings.ideal(TileRealization.ringBank(), 8, 8);
        var e = assertThrows(IllegalArgumentException.class, () -> CodesignTrainer.check(TrainingMode.IN_MESH, rings));
        assertTrue(e.getMessage().contains("noise-aware"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class,
                () -> CodesignTrainer.check(TrainingMode.NOISE_AWARE, butterfly()));
        assertTrue(f.getMessage().contains("in-mesh-noise-aware"), f.getMessage());
    }
}
