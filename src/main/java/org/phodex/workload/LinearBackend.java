package org.phodex.workload;

/**
 * Computes the matrix products of a network on some hardware (exact, simulated photonic, ...). Activations and
 * biases stay digital; only {@code W x} goes through the backend.
 */
@FunctionalInterface
public interface LinearBackend {
    /**
     * y = W_layer x for a batch.
     *
     * @param layerIndex index into {@link Network#layers()}
     * @param x          {@code batch x inDim}, row-major; the backend must not modify it
     * @param batch      number of input vectors
     * @return {@code batch x outDim}, row-major
     */
    double[] multiply(int layerIndex, double[] x, int batch);
}
