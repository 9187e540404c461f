package org.phodex.train;

import java.util.Random;
import org.phodex.workload.ModelShape;

/**
 * A small vision transformer ({@link ModelShape.Vit}; Dosovitskiy et al., ICLR 2021) in pre-norm form:
 * patch embedding (one GEMM over non-overlapping patches, via {@link Ops#im2col}), class token, learned position
 * table, then per block x += proj(attention(LN(x))) and x += W2 GELU(W1 LN(x)), a final layer norm and a linear
 * head on the class token. Attention per head: softmax(Q K^T / sqrt(d)) V, where Q K^T and P V are
 * {@link Products#dynamic} products (their matrix operand is an activation). Layer norm, softmax, GELU, the
 * scaling and the residual adds are digital.
 */
public final class Vit extends ParameterList {
    private final ModelShape.Vit shape;
    private final Tensor embedW;
    private final Tensor embedB;
    private final Tensor cls;
    private final Tensor pos;
    private final Tensor[][] block; // per block: ln1 g, ln1 b, qkv w, qkv b, out w, out b, ln2 g, ln2 b, w1, b1, w2, b2
    private final Tensor lnG;
    private final Tensor lnB;
    private final Tensor headW;
    private final Tensor headB;

    /**
     * Weights N(0, 0.02^2) (truncated at 2 sigma, as in ViT and BERT), zero biases, unit norm gains, drawn from
     * {@code rnd} in order.
     */
    public Vit(ModelShape.Vit shape, Random rnd) {
        this.shape = shape;
        int d = shape.dim();
        int pp = shape.patch() * shape.patch() * shape.channels();
        embedW = register("patch_embed.weight", normal(rnd, d, pp), true);
        embedB = register("patch_embed.bias", zeros(d), false);
        cls = register("cls_token", normal(rnd, d), false);
        pos = register("position", normal(rnd, shape.tokens(), d), false);
        block = new Tensor[shape.blocks()][];
        for (int bl = 0; bl < shape.blocks(); bl++) {
            String p = "block" + (bl + 1) + ".";
            block[bl] = new Tensor[] {
                register(p + "ln1.gain", ones(d), false), register(p + "ln1.bias", zeros(d), false),
                register(p + "qkv.weight", normal(rnd, 3 * d, d), true), register(p + "qkv.bias", zeros(3 * d), false),
                register(p + "attention_output.weight", normal(rnd, d, d), true),
                register(p + "attention_output.bias", zeros(d), false),
                register(p + "ln2.gain", ones(d), false), register(p + "ln2.bias", zeros(d), false),
                register(p + "mlp_in.weight", normal(rnd, shape.mlp(), d), true), register(p + "mlp_in.bias",
                        zeros(shape.mlp()), false),
                register(p + "mlp_out.weight", normal(rnd, d, shape.mlp()), true), register(p + "mlp_out.bias", zeros(d), false),
            };
        }
        lnG = register("ln.gain", ones(d), false);
        lnB = register("ln.bias", zeros(d), false);
        headW = register("head.weight", normal(rnd, shape.classes(), d), true);
        headB = register("head.bias", zeros(shape.classes()), false);
    }

    private static Tensor normal(Random rnd, int... s) {
        int n = 1;
        for (int v : s) {
            n *= v;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double z;
            do {
                z = rnd.nextGaussian();
            } while (Math.abs(z) > 2);
            v[i] = 0.02 * z;
        }
        return Tensor.parameter(v, s);
    }

    private static Tensor zeros(int n) {
        return Tensor.parameter(new double[n], n);
    }

    private static Tensor ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        return Tensor.parameter(v, n);
    }

    @Override
    public Tensor logits(Tensor images, Products products) {
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        int batch = images.size() / (h * w * c);
        int d = shape.dim();
        int t = shape.tokens();
        int heads = shape.heads();
        int hd = shape.headDim();
        Tensor x = Ops.reshape(images, batch, h, w, c);
        Tensor patches = Ops.im2col(x, shape.patch(), shape.patch(), 0);
        patches = Ops.reshape(patches, batch, shape.patches(), shape.patch() * shape.patch() * c);
        x = Ops.add(products.linear(0, patches, embedW), embedB);
        x = Ops.add(Ops.prependToken(x, cls), pos);
        double scale = 1 / Math.sqrt(hd);
        for (int bl = 0; bl < shape.blocks(); bl++) {
            Tensor[] p = block[bl];
            int g = shape.blockGemm(bl);
            Tensor qkv = Ops.add(products.linear(g, Ops.layerNorm(x, p[0], p[1]), p[2]), p[3]);
            Tensor q = heads(Ops.sliceLast(qkv, 0, d), batch, t, heads, hd);
            Tensor k = heads(Ops.sliceLast(qkv, d, 2 * d), batch, t, heads, hd);
            Tensor v = heads(Ops.sliceLast(qkv, 2 * d, 3 * d), batch, t, heads, hd);
            Tensor probs = Ops.softmax(Ops.scale(products.dynamic(g + 1, q, k), scale));      // [b, heads, t, t]
            Tensor ctx = products.dynamic(g + 2, probs, Ops.transposeLast(v));               // [b, heads, t, hd]
            ctx = Ops.reshape(Ops.swapMiddle(ctx), batch, t, d);
            x = Ops.add(x, Ops.add(products.linear(g + 3, ctx, p[4]), p[5]));
            Tensor m = Ops.gelu(Ops.add(products.linear(g + 4, Ops.layerNorm(x, p[6], p[7]), p[8]), p[9]));
            x = Ops.add(x, Ops.add(products.linear(g + 5, m, p[10]), p[11]));
        }
        Tensor clsOut = Ops.selectToken(Ops.layerNorm(x, lnG, lnB), 0);
        return Ops.add(products.linear(shape.blockGemm(shape.blocks()), clsOut, headW), headB);
    }

    /** [b, t, heads * hd] -> [b, heads, t, hd]. */
    private static Tensor heads(Tensor x, int batch, int t, int heads, int hd) {
        return Ops.swapMiddle(Ops.reshape(x, batch, t, heads, hd));
    }
}
