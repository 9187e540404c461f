package org.phodex.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of a convolutional or transformer network ({@code model:} in a workload YAML) and its
 * lowering to GEMMs: the one list that the cost model prices and that the network's forward pass
 * ({@code org.phodex.train}) runs through the simulated hardware, GEMM by GEMM, with the same indices.
 * Images are {@code height x width x channels}; inputs are scaled to [0, 1].
 */
public sealed interface ModelShape permits ModelShape.Cnn, ModelShape.Vit {

    int height();

    int width();

    int channels();

    int classes();

    /** Canonical text of the architecture, for the weight cache's key. */
    String key();

    /** Every matrix product of one inference, in execution order. */
    List<Gemm> gemms();

    /** The digital operations of one inference besides the GEMMs and their bias adds. */
    DigitalOps digitalOps();

    /** Operand statistics per GEMM (trained weights; which inputs are signed; which matrices are activations). */
    List<Operands> operands();

    /**
     * A LeNet-like CNN: per entry of {@code convChannels} a {@code kernel x kernel} convolution (stride 1, zero
     * padding {@code padding[i]}) lowered by im2col, ReLU and 2x2 max pooling; then fully connected ReLU layers of
     * {@code hidden} widths and a linear classifier.
     */
    record Cnn(int height, int width, int channels, int classes, int kernel, int[] convChannels, int[] padding,
               int[] hidden) implements ModelShape {
        public Cnn {
            if (convChannels.length == 0 || padding.length != convChannels.length) {
                throw new IllegalArgumentException("a CNN needs >= 1 convolution and one padding per convolution");
            }
            convChannels = convChannels.clone();
            padding = padding.clone();
            hidden = hidden.clone();
        }

        @Override
        public String key() {
            return "cnn;image=" + height + "x" + width + "x" + channels + ";classes=" + classes + ";kernel=" + kernel
                    + ";channels=" + java.util.Arrays.toString(convChannels) + ";padding="
                    + java.util.Arrays.toString(padding) + ";hidden=" + java.util.Arrays.toString(hidden);
        }

        @Override
        public String toString() {
            return "CNN " + java.util.Arrays.toString(convChannels) + " channels, " + kernel + "x" + kernel
                    + " kernels, hidden " + java.util.Arrays.toString(hidden);
        }

        /**
         * {height, width} of convolution i's output (before its pooling) for i < number of convolutions, and of the
         * last pooled map at index {@code convChannels.length}.
         */
        public int[][] maps() {
            int[][] s = new int[convChannels.length + 1][];
            int h = height;
            int w = width;
            for (int i = 0; i < convChannels.length; i++) {
                h = h + 2 * padding[i] - kernel + 1;
                w = w + 2 * padding[i] - kernel + 1;
                if (h < 2 || w < 2) {
                    throw new IllegalArgumentException("convolution " + (i + 1) + " leaves a " + h + " x " + w
                            + " map: too small to pool");
                }
                s[i] = new int[] {h, w};
                h /= 2;
                w /= 2;
            }
            s[convChannels.length] = new int[] {h, w};
            return s;
        }

        /** Inputs of the first fully connected layer (the flattened last pooled map). */
        public int flat() {
            int[] last = maps()[convChannels.length];
            return last[0] * last[1] * convChannels[convChannels.length - 1];
        }

        @Override
        public List<Gemm> gemms() {
            List<Gemm> g = new ArrayList<>();
            int[][] s = maps();
            int in = channels;
            for (int i = 0; i < convChannels.length; i++) {
                long rows = (long) s[i][0] * s[i][1]; // output positions per image
                g.add(new Gemm("conv" + (i + 1), rows, kernel * kernel * in, convChannels[i], 1));
                in = convChannels[i];
            }
            int prev = flat();
            for (int i = 0; i < hidden.length; i++) {
                g.add(new Gemm("fc" + (i + 1), 1, prev, hidden[i], 1));
                prev = hidden[i];
            }
            g.add(new Gemm("fc" + (hidden.length + 1), 1, prev, classes, 1));
            return g;
        }

        /** ReLU (one comparison per conv and hidden output) and 2x2 max pooling (3 comparisons per pooled value). */
        @Override
        public DigitalOps digitalOps() {
            double cmp = 0;
            int[][] m = maps();
            for (int i = 0; i < convChannels.length; i++) {
                double outs = (double) m[i][0] * m[i][1] * convChannels[i];
                cmp += outs + 3.0 * (m[i][0] / 2) * (m[i][1] / 2) * convChannels[i];
            }
            for (int h : hidden) {
                cmp += h;
            }
            return new DigitalOps(cmp, 0, 0);
        }

        @Override
        public List<Operands> operands() {
            List<Operands> o = new ArrayList<>();
            for (int i = 0; i < gemms().size(); i++) {
                // pixels and post-ReLU/max-pool activations are all >= 0
                o.add(new Operands(Operands.WeightDist.TRAINED, Double.NaN, Operands.InputDist.DATA));
            }
            return o;
        }
    }

    /**
     * A vision transformer (Dosovitskiy et al., ICLR 2021): non-overlapping {@code patch x patch} patches embedded
     * by one GEMM, a class token, learned position embeddings, {@code blocks} pre-norm encoder blocks (layer norm,
     * multi-head self-attention with a fused QKV projection and an output projection; layer norm, GELU MLP of
     * {@code mlp} hidden units; residual adds), a final layer norm and a linear classifier on the class token.
     */
    record Vit(int height, int width, int channels, int classes, int patch, int dim, int heads, int blocks, int mlp)
            implements ModelShape {
        public Vit {
            if (height % patch != 0 || width % patch != 0) {
                throw new IllegalArgumentException("patch " + patch + " does not tile a " + height + " x " + width
                        + " image");
            }
            if (dim % heads != 0) {
                throw new IllegalArgumentException("width " + dim + " is not a multiple of " + heads + " heads");
            }
        }

        @Override
        public String key() {
            return "vit;image=" + height + "x" + width + "x" + channels + ";classes=" + classes + ";patch=" + patch
                    + ";dim=" + dim + ";heads=" + heads + ";blocks=" + blocks + ";mlp=" + mlp + ";pre-norm;cls";
        }

        @Override
        public String toString() {
            return "ViT " + patch + "x" + patch + " patches, width " + dim + ", " + heads + " heads, " + blocks
                    + " blocks, MLP " + mlp;
        }

        public int patches() {
            return (height / patch) * (width / patch);
        }

        /** Sequence length: the patches and the class token. */
        public int tokens() {
            return patches() + 1;
        }

        public int headDim() {
            return dim / heads;
        }

        /** Index of the first GEMM of encoder block {@code b} (0-based); each block has {@link #PER_BLOCK}. */
        public int blockGemm(int b) {
            return 1 + b * PER_BLOCK;
        }

        /** GEMMs per block: qkv, scores, context, projection, mlp in, mlp out. */
        public static final int PER_BLOCK = 6;

        @Override
        public List<Gemm> gemms() {
            List<Gemm> g = new ArrayList<>();
            int t = tokens();
            g.add(new Gemm("patch_embed", patches(), patch * patch * channels, dim, 1));
            for (int b = 1; b <= blocks; b++) {
                String p = "block" + b + ".";
                g.add(new Gemm(p + "qkv", t, dim, 3 * dim, 1));
                g.add(new Gemm(p + "attention_scores", t, headDim(), t, heads));   // Q K^T per head
                g.add(new Gemm(p + "attention_context", t, t, headDim(), heads));  // P V per head
                g.add(new Gemm(p + "attention_output", t, dim, dim, 1));
                g.add(new Gemm(p + "mlp_in", t, dim, mlp, 1));
                g.add(new Gemm(p + "mlp_out", t, mlp, dim, 1));
            }
            g.add(new Gemm("head", 1, dim, classes, 1));
            return g;
        }

        /**
         * Per block: two layer norms over every token, the 1/sqrt(d) scaling and softmax of every head's scores,
         * GELU over the MLP, two residual adds; plus the position-table add and the final layer norm.
         */
        @Override
        public DigitalOps digitalOps() {
            int t = tokens();
            DigitalOps block = DigitalOps.layerNorm(2.0 * t, dim)
                    .plus(new DigitalOps(0, (double) heads * t * t, 0))
                    .plus(DigitalOps.softmax((double) heads * t, t))
                    .plus(DigitalOps.gelu((double) t * mlp))
                    .plus(new DigitalOps(2.0 * t * dim, 0, 0));
            return block.times(blocks).plus(new DigitalOps((double) t * dim, 0, 0))
                    .plus(DigitalOps.layerNorm(t, dim));
        }

        @Override
        public List<Operands> operands() {
            Operands pixels = new Operands(Operands.WeightDist.TRAINED, Double.NaN, Operands.InputDist.DATA);
            Operands normed = new Operands(Operands.WeightDist.TRAINED, Double.NaN, Operands.InputDist.NORMAL);
            Operands gelu = new Operands(Operands.WeightDist.TRAINED, Double.NaN, Operands.InputDist.GELU);
            List<Operands> o = new ArrayList<>();
            o.add(pixels);
            for (int b = 0; b < blocks; b++) {
                o.add(normed);                                                                        // LN output
                o.add(new Operands(Operands.WeightDist.ACTIVATION, Double.NaN, Operands.InputDist.NORMAL)); // Q
                o.add(new Operands(Operands.WeightDist.ACTIVATION, Double.NaN, Operands.InputDist.SOFTMAX)); // P
                o.add(normed);                                                                        // context
                o.add(normed);                                                                        // LN output
                o.add(gelu);
            }
            o.add(normed);
            return o;
        }
    }
}
