package org.phodex.workload;

/**
 * The statistics of a GEMM's two operands, used to draw synthetic blocks for shape-only workloads (whose
 * accuracy is a matrix-level error, never a made-up top-1).
 *
 * @param weights   how the {@code outputs x inner} matrix is drawn
 * @param weightStd standard deviation for {@link WeightDist#NORMAL}; NaN otherwise
 * @param inputs    how the {@code rows x inner} input vectors are drawn
 */
public record Operands(WeightDist weights, double weightStd, InputDist inputs) {

    /** True when input vectors take negative values (normal and GELU inputs; data and ReLU/softmax are >= 0). */
    public boolean signedInputs() {
        return inputs == InputDist.NORMAL || inputs == InputDist.GELU;
    }

    /** The matrix operand. */
    public enum WeightDist {
        /** Trained weights of a {@link Network}; blocks are cut from them. */
        TRAINED("trained"),
        /** N(0, 2/K) with K the full inner size: Kaiming-normal (He et al., ICCV 2015), as for ReLU CNNs. */
        KAIMING_NORMAL("kaiming_normal"),
        /** N(0, weightStd^2), e.g. 0.02 as BERT and GPT-2 initialize their linear layers. */
        NORMAL("normal"),
        /**
         * An activation, not a weight: keys or values in attention. N(0, 1); the matrix changes with every
         * input, so hardware holding weights must be rewritten per inference.
         */
        ACTIVATION("activation");

        private final String yaml;

        WeightDist(String yaml) {
            this.yaml = yaml;
        }

        public String yamlName() {
            return yaml;
        }
    }

    /** The input vectors. */
    public enum InputDist {
        /** Real inputs: a network's test samples on the float path. */
        DATA("data"),
        /** N(0, 1): layer-normalized activations (transformer projections, queries) or a normalized image. */
        NORMAL("normal"),
        /**
         * max(0, z), z ~ N(0, 1): post-ReLU activations (rectified normal: half exactly 0, the other half
         * half-normal), as in ResNet convolutions after the first.
         */
        RELU_NORMAL("relu_normal"),
        /** GELU(z), z ~ N(0, 1): the FFN's second matrix in BERT and GPT-2. */
        GELU("gelu"),
        /** Rows of softmax(z), z ~ N(0, 1) i.i.d. over the full inner length K: attention probabilities. */
        SOFTMAX("softmax");

        private final String yaml;

        InputDist(String yaml) {
            this.yaml = yaml;
        }

        public String yamlName() {
            return yaml;
        }
    }

    /** True when the matrix operand is itself an activation (rewritten per inference). */
    public boolean dynamicWeights() {
        return weights == WeightDist.ACTIVATION;
    }
}
