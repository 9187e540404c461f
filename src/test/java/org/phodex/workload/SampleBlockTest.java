package org.phodex.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded representative blocks of each GEMM: shapes, determinism, and the operand statistics they claim. */
class SampleBlockTest {
    static final Path DIR = Path.of("workloads");

    static Workload load(String name) {
        return Workloads.byNameOrPath(name, DIR);
    }

    static int index(Workload w, String gemm) {
        List<Gemm> gs = w.gemms();
        for (int i = 0; i < gs.size(); i++) {
            if (gs.get(i).name().equals(gemm)) {
                return i;
            }
        }
        throw new AssertionError("no GEMM " + gemm);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void blocksAreCappedAndSeeded() {
        for (String name : List.of("resnet18", "bert-base-layer", "gpt2-small-block")) {
            Workload w = load(name);
            for (int i = 0; i < w.gemms().size(); i++) {
                Gemm g = w.gemms().get(i);
                GemmBlock b = w.sampleBlock(i, 7);
                assertEquals(Math.min(64, g.rows()), b.rows(), g.name());
                assertEquals(Math.min(256, g.inner()), b.inner(), g.name());
                assertEquals(Math.min(256, g.outputs()), b.outputs(), g.name());
                assertEquals(g, b.gemm());
                GemmBlock again = w.sampleBlock(i, 7);
                assertArrayEquals(b.weights(), again.weights());
                assertArrayEquals(b.inputs(), again.inputs());
            }
        }
        Workload r = load("resnet18");
        assertFalse(java.util.Arrays.equals(r.sampleBlock(3, 7).weights(), r.sampleBlock(3, 8).weights()));
        assertFalse(java.util.Arrays.equals(r.sampleBlock(3, 7).weights(), r.sampleBlock(4, 7).weights()),
                "two GEMMs of the same shape must not share a stream");
        GemmBlock small = r.sampleBlock(0, 1, 5, 6, 7);
        assertEquals(5, small.rows());
        assertEquals(6, small.inner());
        assertEquals(7, small.outputs());
    }

    @Test
    void resnetOperandsHaveKaimingWeightsAndPostReluInputs() {
        Workload w = load("resnet18");
        int i = index(w, "layer4.1.conv2"); // K = 512 * 9
        GemmBlock b = w.sampleBlock(i, 3, 64, 256, 256);
        assertEquals(Math.sqrt(2.0 / 4608), std(b.weights()), 0.03 * Math.sqrt(2.0 / 4608));
        assertEquals(0.0, mean(b.weights()), 0.01 * Math.sqrt(2.0 / 4608) * 10);
        int zeros = 0;
        for (double x : b.inputs()) {
            assertTrue(x >= 0);
            zeros += x == 0 ? 1 : 0;
        }
        assertEquals(0.5, (double) zeros / b.inputs().length, 0.02);
        // the positive half is half-normal: mean sqrt(2/pi)
        double posSum = 0;
        for (double x : b.inputs()) {
            posSum += x;
        }
        assertEquals(Math.sqrt(2 / Math.PI), posSum / (b.inputs().length - zeros), 0.03);
        // conv1 sees a normalized image: signed
        GemmBlock c1 = w.sampleBlock(index(w, "conv1"), 3);
        assertEquals(1.0, std(c1.inputs()), 0.05);
        assertEquals(Operands.InputDist.NORMAL, w.operands(index(w, "conv1")).inputs());
    }

    @Test
    void transformerOperands() {
        Workload w = load("bert-base-layer");
        GemmBlock qkv = w.sampleBlock(index(w, "qkv_projection"), 1);
        assertEquals(0.02, std(qkv.weights()), 0.001);
        assertFalse(w.operands(index(w, "qkv_projection")).dynamicWeights());
        assertTrue(w.operands(index(w, "attention_scores")).dynamicWeights());
        // P V at seq 128: inner 128 fits the block, so every input row is a whole softmax row
        GemmBlock pv = w.sampleBlock(index(w, "attention_context"), 1);
        assertEquals(128, pv.inner());
        for (int r = 0; r < pv.rows(); r++) {
            double s = 0;
            for (int k = 0; k < pv.inner(); k++) {
                double p = pv.inputs()[r * pv.inner() + k];
                assertTrue(p > 0 && p < 1);
                s += p;
            }
            assertEquals(1.0, s, 1e-12);
        }
        // FFN out sees GELU(z) = z Phi(z), z ~ N(0, 1): by Stein's lemma E[z Phi(z)] = E[phi(z)]
        // = 1 / (2 sqrt(pi)); the minimum of GELU is about -0.17
        GemmBlock ffn = w.sampleBlock(index(w, "ffn_out"), 1);
        assertEquals(1 / (2 * Math.sqrt(Math.PI)), mean(ffn.inputs()), 0.02);
        for (double x : ffn.inputs()) {
            assertTrue(x > -0.1701);
        }
        Workload g = load("gpt2-small-block");
        assertEquals(0.02 / Math.sqrt(24), std(g.sampleBlock(index(g, "mlp_out"), 1).weights()), 0.0002);
        // softmax over all 1024 keys, block keeps 256 of them: a quarter of the mass on average
        GemmBlock gpv = g.sampleBlock(index(g, "attention_context"), 1);
        assertEquals(256, gpv.inner());
        assertEquals(0.25 * gpv.rows(), sum(gpv.inputs()), 0.05 * gpv.rows());
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void exactProduct() {
        GemmBlock b = new GemmBlock(new Gemm("g", 2, 3, 2, 1), 2, 3, 2,
                new double[] {1, 0, 2, 0, 1, -1}, new double[] {1, 2, 3, -1, 0, 4});
        // row 1: (1*1 + 0*2 + 2*3, 0*1 + 1*2 - 1*3) = (7, -1); row 2: (-1 + 8, 0 - 4) = (7, -4)
        assertArrayEquals(new double[] {7, -1, 7, -4}, b.exact());
    }

    @Test
    void networkBlocksAreCutFromTrainedWeightsAndRealInputs() {
        Workload w = load("digits-mlp");
        assertEquals(Operands.WeightDist.TRAINED, w.operands(0).weights());
        GemmBlock b = w.sampleBlock(0, 4, 10, 20, 16);
        assertEquals(10, b.rows());
        assertEquals(20, b.inner());
        assertEquals(16, b.outputs());
        Network n = w.network().orElseThrow();
        double[] full = n.layers().get(0).weights();
        // every block weight is one of the layer's weights, and every block input a pixel in [0, 1]
        java.util.Set<Double> all = new java.util.HashSet<>();
        for (double v : full) {
            all.add(v);
        }
        for (double v : b.weights()) {
            assertTrue(all.contains(v));
        }
        for (double v : b.inputs()) {
            assertTrue(v >= 0 && v <= 1);
        }
        GemmBlock whole = w.sampleBlock(0, 4, 400, 64, 32);
        assertArrayEquals(full, whole.weights()); // whole layer: columns and rows in order
        assertArrayEquals(n.testInputs(400), whole.inputs());
    }
}
