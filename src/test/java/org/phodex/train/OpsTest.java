package org.phodex.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every op's gradient against central finite differences, and the forward values against obvious formulas. */
class OpsTest {
    private static Tensor g(long seed, int... shape) {
        return GradCheck.gaussian(seed, shape);
    }

    @Test
    void matmulTGradients() {
        GradCheck.check("matmulT", p -> Ops.matmulT(p[0], p[1]), g(1, 2, 3, 5), g(2, 4, 5));
    }

    @Test
    void bmmTGradients() {
        GradCheck.check("bmmT", p -> Ops.bmmT(p[0], p[1]), g(3, 2, 3, 4, 5), g(4, 2, 3, 6, 5));
    }

    @Test
    void addBroadcastGradients() {
        GradCheck.check("add bias", p -> Ops.add(p[0], p[1]), g(5, 3, 4), g(6, 4));
        GradCheck.check("add table", p -> Ops.add(p[0], p[1]), g(7, 2, 3, 4), g(8, 3, 4));
        GradCheck.check("add same", p -> Ops.add(p[0], p[1]), g(9, 2, 3), g(10, 2, 3));
    }

    @Test
    void elementwiseGradients() {
        GradCheck.check("scale", p -> Ops.scale(p[0], -0.7), g(11, 3, 4));
        GradCheck.check("relu", p -> Ops.relu(p[0]), g(12, 3, 4));
        GradCheck.check("gelu", p -> Ops.gelu(Ops.scale(p[0], 2)), g(13, 3, 7));
    }

    @Test
    void softmaxAndLayerNormGradients() {
        GradCheck.check("softmax", p -> Ops.softmax(p[0]), g(14, 3, 5));
        Tensor gamma = g(16, 6);
        GradCheck.check("layerNorm", p -> Ops.layerNorm(p[0], p[1], p[2]), g(15, 2, 3, 6), gamma, g(17, 6));
    }

    @Test
    void crossEntropyGradientAndValue() {
        GradCheck.check("crossEntropy", p -> Ops.crossEntropy(p[0], new int[] {2, 0, 4}), g(18, 3, 5));
        // two classes, logits (0, ln 3): p = (1/4, 3/4); label 0 costs ln 4
        Tensor z = Tensor.constant(new double[] {0, Math.log(3)}, 1, 2);
        assertEquals(Math.log(4), Ops.crossEntropy(z, new int[] {0}).item(), 1e-12);
    }

    @Test
    void layoutGradients() {
        GradCheck.check("reshape", p -> Ops.scale(Ops.reshape(p[0], 6, 2), 1.5), g(19, 3, 4));
        GradCheck.check("swapMiddle", p -> Ops.swapMiddle(p[0]), g(20, 2, 3, 4, 5));
        GradCheck.check("transposeLast", p -> Ops.transposeLast(p[0]), g(21, 2, 3, 4));
        GradCheck.check("sliceLast", p -> Ops.sliceLast(p[0], 2, 5), g(22, 3, 6));
        GradCheck.check("prependToken", p -> Ops.prependToken(p[0], p[1]), g(23, 2, 3, 4), g(24, 4));
        GradCheck.check("selectToken", p -> Ops.selectToken(p[0], 1), g(25, 2, 3, 4));
        GradCheck.check("meanTokens", p -> Ops.meanTokens(p[0]), g(26, 2, 3, 4));
        // a tensor used twice gets both contributions
        GradCheck.check("reuse", p -> Ops.add(p[0], Ops.matmulT(Ops.relu(p[0]), p[1])), g(39, 2, 3), g(40, 3, 3));
    }

    @Test
    void imageGradients() {
        GradCheck.check("im2col pad 1", p -> Ops.im2col(p[0], 3, 1, 1), g(27, 2, 5, 4, 3));
        GradCheck.check("im2col stride 2", p -> Ops.im2col(p[0], 2, 2, 0), g(28, 1, 6, 6, 2));
        GradCheck.check("maxPool", p -> Ops.maxPool(p[0], 2), g(29, 2, 4, 5, 3));
    }

    @Test
    void convolutionByIm2colMatchesTheDirectSum() {
        // independent expectation: y[n, oy, ox, o] = sum_{ky,kx,c} x[n, oy+ky-1, ox+kx-1, c] w[o, ky, kx, c]
        int b = 2, h = 5, w = 4, c = 3, k = 3, out = 2;
        Tensor x = g(30, b, h, w, c);
        Tensor wt = g(31, out, k * k * c);
        Tensor y = Ops.matmulT(Ops.im2col(x, k, 1, 1), wt);
        double[] xv = x.value();
        double[] wv = wt.value();
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < h; oy++) {
                for (int ox = 0; ox < w; ox++) {
                    for (int o = 0; o < out; o++) {
                        double s = 0;
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy + ky - 1;
                                int ix = ox + kx - 1;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                    continue;
                                }
                                for (int e = 0; e < c; e++) {
                                    s += xv[((n * h + iy) * w + ix) * c + e] * wv[o * k * k * c + (ky * k + kx) * c + e];
                                }
                            }
                        }
                        assertEquals(s, y.value()[((n * h + oy) * w + ox) * out + o], 1e-12);
                    }
                }
            }
        }
        GradCheck.check("conv", p -> Ops.matmulT(Ops.im2col(p[0], k, 1, 1), p[1]), g(32, 1, 4, 4, 2),
                g(33, 3, k * k * 2));
    }

    @Test
    void straightThroughTakesTheHardwareValueAndTheExactGradient() {
        Tensor x = g(34, 2, 3);
        Tensor w = g(35, 4, 3);
        Tensor exact = Ops.matmulT(x, w);
        double[] noisy = exact.value().clone();
        noisy[0] += 0.5;
        Tensor y = Ops.straightThrough(exact, noisy);
        assertArrayEquals(noisy, y.value());
        double[] r = new double[8];
        r[0] = 1;
        Ops.weightedSum(y, r).backward();
        // d y[0,0] / d w[0, j] = x[0, j]
        assertArrayEquals(new double[] {x.value()[0], x.value()[1], x.value()[2]},
                java.util.Arrays.copyOf(w.grad(), 3), 1e-15);
    }

    @Test
    void constantsBuildNoGraphAndGeluMatchesErfFormNearly() {
        Tensor c = Tensor.constant(new double[] {-1, 0.5, 2}, 3);
        Tensor y = Ops.gelu(c);
        assertFalse(y.requiresGrad());
        for (int i = 0; i < 3; i++) {
            double z = c.value()[i];
            double exact = 0.5 * z * (1 + org.apache.commons.math3.special.Erf.erf(z / Math.sqrt(2)));
            assertEquals(exact, y.value()[i], 1e-3); // the tanh form is within 1e-3 of the erf form
        }
        assertThrows(IllegalArgumentException.class, () -> Ops.add(g(1, 2, 3), g(2, 2)));
    }

    @Test
    void attentionCompositeGradients() {
        // softmax(q k^T / sqrt(d)) v for 2 groups, 3 tokens, width 4: the ViT's attention, exact products
        GradCheck.check("attention", p -> {
            Tensor s = Ops.scale(Ops.bmmT(p[0], p[1]), 0.5);
            return Ops.bmmT(Ops.softmax(s), Ops.transposeLast(p[2]));
        }, g(36, 2, 3, 4), g(37, 2, 3, 4), g(38, 2, 3, 4));
    }
}
