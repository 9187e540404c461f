package org.phodex.train;

import java.util.List;

/**
 * A network whose forward pass is written once against {@link Products}: the same code trains (exact products,
 * gradients), gives the float reference, and runs through simulated hardware.
 */
public interface Net {
    /**
     * Logits {@code [batch, classes]} of images {@code [batch, height * width * channels]} (row-major, channels
     * last), every matrix product through {@code products} with the workload's GEMM indices.
     */
    Tensor logits(Tensor images, Products products);

    /** The trainable tensors, in a fixed order (the order of the weight file). */
    List<Tensor> parameters();

    /** A name per parameter, e.g. {@code conv1.weight}. */
    List<String> names();

    /** Per parameter: true for matrices that weight decay applies to. */
    boolean[] decays();
}
