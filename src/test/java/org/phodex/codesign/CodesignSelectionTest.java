package org.phodex.codesign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.evaluation.Catalog;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.StaticErrors;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.workload.Layer;
import org.phodex.workload.Network;

/** The model selection at the end of noise-aware training and adc-calibrated (CodesignTrainer.select). */
class CodesignSelectionTest {
    private static final Network DIGITS = Catalog.locate().workload("digits-mlp").network().orElseThrow();

    private static SimSettings clements(int adcBits) {
        return SimSettings.ideal(new TileRealization.MziMesh(MeshProgrammer.clements(),
                new StaticErrors(8, 0.005, 0.0025, 0, 0, 0)), 8, 8).withConverters(6, adcBits);
    }

    @Test
    void aTrainingThatHurtsIsDiscardedForItsStart() {
        // a learning rate of 3 throws the weights far from anything that classifies: the guard must keep the start
        CodesignTrainer.Hyper wild = new CodesignTrainer.Hyper(1, 500, 3, 0, false);
        SimSettings sim = clements(0);
        TrainingKey key = TrainingKey.of("digits-mlp", "test", sim, TrainingMode.NOISE_AWARE, 1, wild.key());
        Codesigned c = CodesignTrainer.train(DIGITS, TrainingMode.NOISE_AWARE, key, wild, 1);
        assertTrue(c.origin().contains("kept float weights"), c.origin());
        for (int l = 0; l < DIGITS.layers().size(); l++) {
            assertArrayEquals(DIGITS.layers().get(l).weights(), c.layers().get(l).weights(), 0);
            assertArrayEquals(DIGITS.layers().get(l).bias(), c.layers().get(l).bias(), 0);
            assertNull(c.adcFullScale().get(l), "no ADC, no full scale");
        }
    }

    @Test
    void theSelectionKeepsTheMostAccurateAndTheFirstOnATie() {
        SimSettings sim = clements(6);
        int nl = DIGITS.layers().size();
        List<Layer> broken = new ArrayList<>();
        for (Layer l : DIGITS.layers()) { // every output the same: the arg max is class 0 for every image
            broken.add(Layer.of(l.inDim(), l.outDim(), new double[l.weights().length], new double[l.outDim()],
                    l.activation()));
        }
        int[] ys = DIGITS.trainLabels();
        int n = CodesignTrainer.guardSamples(ys.length);
        long zeros = java.util.Arrays.stream(ys, ys.length - n, ys.length).filter(y -> y == 0).count();
        var bad = new CodesignTrainer.Candidate("broken", broken, new double[nl][]);
        var good = new CodesignTrainer.Candidate("float", DIGITS.layers(), new double[nl][]);
        var best = CodesignTrainer.select(List.of(bad, good), sim, DIGITS.trainInputs(), ys, DIGITS.inputSize(), 7);
        assertSame(good, best);
        // the broken network answers class 0 everywhere: its score is the share of zeros, counted independently
        assertEquals(100.0 * zeros / n, bad.accuracy(), 1e-9);
        assertTrue(good.accuracy() > 80, "the float weights at 6 bits without noise: " + good.accuracy());
        var twin = new CodesignTrainer.Candidate("twin", DIGITS.layers(), new double[nl][]);
        var first = new CodesignTrainer.Candidate("first", DIGITS.layers(), new double[nl][]);
        assertSame(first, CodesignTrainer.select(List.of(first, twin), sim, DIGITS.trainInputs(), ys,
                DIGITS.inputSize(), 7));
        assertEquals(first.accuracy(), twin.accuracy(), 0, "the same chips and noise for every candidate");
    }
}
