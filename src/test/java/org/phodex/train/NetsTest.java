package org.phodex.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.phodex.workload.Gemm;
import org.phodex.workload.ModelShape;

/**
 * Whole small networks: gradients of the logits with respect to every parameter against finite differences, and
 * the forward pass issuing exactly the workload's GEMM list (the cost model's lowering) through {@link Products}.
 */
class NetsTest {
    static final ModelShape.Cnn SMALL_CNN = new ModelShape.Cnn(8, 8, 1, 3, 3, new int[] {2, 3}, new int[] {1, 0},
            new int[] {4});
    static final ModelShape.Vit SMALL_VIT = new ModelShape.Vit(8, 8, 1, 3, 4, 8, 2, 2, 8);

    private static Tensor images(int batch, int dim, long seed) {
        Random r = new Random(seed);
        double[] v = new double[batch * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble();
        }
        return Tensor.constant(v, batch, dim);
    }

    private static void checkGradients(String what, Net net, Tensor x) {
        Tensor[] params = net.parameters().toArray(new Tensor[0]);
        GradCheck.check(what, p -> net.logits(x, Products.EXACT), params);
    }

    @Test
    void cnnGradientsMatchFiniteDifferences() {
        Net net = Training.create(SMALL_CNN, new Random(1));
        checkGradients("cnn", net, images(2, 64, 2));
    }

    @Test
    void vitGradientsMatchFiniteDifferences() {
        Net net = Training.create(SMALL_VIT, new Random(3));
        // larger weights than the 0.02 initialization, so attention is far from uniform and every path matters
        Random r = new Random(4);
        for (Tensor t : net.parameters()) {
            double[] v = t.value();
            for (int i = 0; i < v.length; i++) {
                v[i] += 0.3 * r.nextGaussian();
            }
        }
        checkGradients("vit", net, images(2, 64, 5));
    }

    /** Records every product a forward pass asks for. */
    private static final class Recorder implements Products {
        final List<int[]> calls = new ArrayList<>(); // gemm, vectors, inner, outputs, groups

        @Override
        public Tensor linear(int gemm, Tensor x, Tensor w) {
            calls.add(new int[] {gemm, x.size() / w.dim(1), w.dim(1), w.dim(0), 1});
            return Products.EXACT.linear(gemm, x, w);
        }

        @Override
        public Tensor dynamic(int gemm, Tensor a, Tensor b) {
            int groups = a.size() / (a.dim(-1) * a.dim(-2));
            calls.add(new int[] {gemm, a.dim(-2), a.dim(-1), b.dim(-2), groups});
            return Products.EXACT.dynamic(gemm, a, b);
        }
    }

    private static void checkLowering(ModelShape shape, int batch) {
        Recorder rec = new Recorder();
        Training.create(shape, new Random(1)).logits(images(batch, shape.height() * shape.width(), 1), rec);
        List<Gemm> gemms = shape.gemms();
        assertEquals(gemms.size(), rec.calls.size(), "one product per GEMM");
        for (int i = 0; i < gemms.size(); i++) {
            int[] c = rec.calls.get(i);
            Gemm g = gemms.get(i);
            assertEquals(i, c[0], "GEMMs in order");
            boolean dynamic = shape.operands().get(i).dynamicWeights();
            // a static product sees batch x M input vectors; a dynamic one M vectors per group, batch x count groups
            assertEquals(dynamic ? g.rows() : batch * g.rows(), c[1], g.name() + " input vectors");
            assertEquals(g.inner(), c[2], g.name() + " inner");
            assertEquals(g.outputs(), c[3], g.name() + " outputs");
            assertEquals(dynamic ? batch * g.count() : g.count(), c[4], g.name() + " groups");
        }
    }

    @Test
    void forwardPassRunsExactlyTheCostModelsLowering() {
        checkLowering(SMALL_CNN, 3);
        checkLowering(SMALL_VIT, 3);
        checkLowering(new ModelShape.Cnn(28, 28, 1, 10, 5, new int[] {6, 16}, new int[] {2, 0}, new int[] {120, 84}), 2);
        checkLowering(new ModelShape.Vit(28, 28, 1, 10, 7, 64, 4, 2, 128), 2);
    }

    @Test
    void lenetGemmsAreTheTextbookShapes() {
        // LeNet-5 on 28x28 with padding 2: conv1 784 positions x 25 -> 6, conv2 100 x 150 -> 16, then 400-120-84-10
        List<Gemm> g = new ModelShape.Cnn(28, 28, 1, 10, 5, new int[] {6, 16}, new int[] {2, 0},
                new int[] {120, 84}).gemms();
        assertEquals(new Gemm("conv1", 784, 25, 6, 1), g.get(0));
        assertEquals(new Gemm("conv2", 100, 150, 16, 1), g.get(1));
        assertEquals(new Gemm("fc1", 1, 400, 120, 1), g.get(2));
        assertEquals(new Gemm("fc3", 1, 84, 10, 1), g.get(4));
        long macs = g.stream().mapToLong(Gemm::macs).sum();
        assertEquals(784 * 25 * 6 + 100 * 150 * 16 + 400 * 120 + 120 * 84 + 84 * 10, macs);
    }
}
