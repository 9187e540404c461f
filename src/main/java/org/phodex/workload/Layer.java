package org.phodex.workload;

/**
 * One fully connected layer of a trained network: {@code y = act(W x + b)}. Only {@code W x} goes through a
 * {@link LinearBackend}; the bias and the activation are digital.
 */
public final class Layer {
    /** What follows the matrix product and bias. */
    public enum Activation { RELU, NONE }

    private final int inDim;
    private final int outDim;
    private final double[] weights;
    private final double[] bias;
    private final Activation activation;

    Layer(int inDim, int outDim, double[] weights, double[] bias, Activation activation) {
        if (weights.length != (long) inDim * outDim || bias.length != outDim) {
            throw new IllegalArgumentException("layer " + outDim + "x" + inDim + ": weights " + weights.length
                    + ", bias " + bias.length);
        }
        this.inDim = inDim;
        this.outDim = outDim;
        this.weights = weights;
        this.bias = bias;
        this.activation = activation;
    }

    /** A layer from its weights ({@code outDim x inDim} row-major) and bias; the arrays are copied. */
    public static Layer of(int inDim, int outDim, double[] weights, double[] bias, Activation activation) {
        return new Layer(inDim, outDim, weights.clone(), bias.clone(), activation);
    }

    public int inDim() {
        return inDim;
    }

    public int outDim() {
        return outDim;
    }

    /** A copy of W, {@code outDim x inDim} row-major: {@code W[o][i] = weights[o * inDim + i]}. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of the bias, length {@code outDim}. */
    public double[] bias() {
        return bias.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** The internal arrays, for this package's loops; never handed out. */
    double[] w() {
        return weights;
    }

    double[] b() {
        return bias;
    }
}
