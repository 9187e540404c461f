/**
 * Training: a small reverse-mode autodiff on row-major {@code double[]} tensors and the networks written on it.
 *
 * <p>The core API is four types:
 * <ul>
 *   <li>{@link org.phodex.train.Tensor}: values, shape, and (for parameters and what is computed from them) the
 *       graph node; {@code loss.backward()} accumulates every parameter's {@code grad()}.</li>
 *   <li>{@link org.phodex.train.Ops}: the differentiable operations (products, bias and table adds, ReLU, GELU,
 *       softmax, layer norm, cross-entropy, im2col, max pooling, token and head layout, straight-through).</li>
 *   <li>{@link org.phodex.train.Products}: where a network's matrix products run. A network's forward pass is
 *       written once against it; {@code Products.EXACT} trains and gives the float reference, a hardware
 *       implementation simulates the chip (returning {@code Ops.straightThrough(exact, hardware)} when gradients
 *       must flow, as in noise-aware training).</li>
 *   <li>{@link org.phodex.train.AdamW}: the optimizer, learning rate given per step.</li>
 * </ul>
 * A training step: {@code Tensor loss = Ops.crossEntropy(net.logits(x, Products.EXACT), labels);
 * loss.backward(); opt.step(lr);}. Inputs built with {@code Tensor.constant} and no parameters build no graph,
 * so inference costs no more than plain loops.
 *
 * <p>Every op's gradient is checked against central finite differences ({@code OpsTest}), and the fast products
 * against triple loops ({@code DenseTest}). Results never depend on the number of threads.
 */
package org.phodex.train;
