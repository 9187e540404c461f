package org.phodex.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A dense row-major array of doubles with a shape, and (when it takes part in training) the node of a
 * reverse-mode autodiff graph: the tensors it was computed from and how to push its gradient back to them.
 *
 * <p>Three kinds: {@link #constant} (data, inputs: no gradient), {@link #parameter} (trainable: its gradient is
 * accumulated by {@link #backward()}), and results of {@link Ops}, which record their inputs only when one of
 * them needs a gradient. So the same forward code runs inference (no graph is kept) and training.
 *
 * <p>Values are never modified after an op returns them (ops may share a value array with their input, e.g.
 * {@link Ops#reshape}); gradients are accumulated with {@code +=} so a tensor used twice gets both parts.
 */
public final class Tensor {
    /** Pushes this node's gradient to its inputs' gradients (adds, never overwrites). */
    @FunctionalInterface
    interface Backward {
        void run(double[] outGrad);
    }

    private final double[] value;
    private final int[] shape;
    private final boolean requiresGrad;
    private final Tensor[] inputs;
    private Backward backward;
    private double[] grad;

    private Tensor(double[] value, int[] shape, boolean requiresGrad, Tensor[] inputs) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != value.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, not "
                    + value.length);
        }
        this.value = value;
        this.shape = shape.clone();
        this.requiresGrad = requiresGrad;
        this.inputs = inputs;
    }

    /** Data that needs no gradient (inputs, labels turned into numbers, hardware outputs). Not copied. */
    public static Tensor constant(double[] value, int... shape) {
        return new Tensor(value, shape, false, new Tensor[0]);
    }

    /** A trainable parameter: {@link #backward()} accumulates its gradient in {@link #grad()}. Not copied. */
    public static Tensor parameter(double[] value, int... shape) {
        return new Tensor(value, shape, true, new Tensor[0]);
    }

    /**
     * The result of an op on {@code inputs}: a graph node (with {@code backward}) if any input needs a gradient,
     * else a constant and {@code backward} is dropped.
     */
    static Tensor result(double[] value, int[] shape, Backward backward, Tensor... inputs) {
        boolean needs = false;
        for (Tensor t : inputs) {
            needs |= t.requiresGrad;
        }
        if (!needs) {
            return new Tensor(value, shape, false, new Tensor[0]);
        }
        Tensor t = new Tensor(value, shape, true, inputs);
        t.backward = backward;
        return t;
    }

    /** The values, row-major; callers must not modify them. */
    public double[] value() {
        return value;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code d} (negative counts from the end, -1 is the last). */
    public int dim(int d) {
        return shape[d < 0 ? shape.length + d : d];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return value.length;
    }

    /** True for parameters and for results computed from them. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The accumulated gradient (zeros until a backward pass reaches this tensor); same layout as the value. */
    public double[] grad() {
        if (grad == null) {
            grad = new double[value.length];
        }
        return grad;
    }

    /** Clears the accumulated gradient (call on parameters between steps). */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad, 0);
        }
    }

    /** The single value of a one-element tensor (a loss). */
    public double item() {
        if (value.length != 1) {
            throw new IllegalStateException("item() of a tensor with " + value.length + " values");
        }
        return value[0];
    }

    /**
     * Reverse-mode pass from this scalar: its gradient is set to 1 and every node reachable from it, in reverse
     * topological order, adds its inputs' share. Parameters keep the accumulated gradients; intermediate nodes'
     * gradients are released.
     */
    public void backward() {
        if (value.length != 1) {
            throw new IllegalStateException("backward() starts from a scalar loss, got " + value.length + " values");
        }
        if (!requiresGrad) {
            return;
        }
        List<Tensor> order = topologicalOrder();
        grad()[0] += 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            if (t.backward != null && t.grad != null) {
                for (Tensor in : t.inputs) {
                    if (in.requiresGrad) {
                        in.grad();
                    }
                }
                t.backward.run(t.grad);
                t.grad = null; // intermediate: free it (parameters have no backward and keep theirs)
            }
        }
    }

    /** Inputs before the nodes that use them (iterative depth-first search: deep graphs cannot overflow). */
    private List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {this, 0});
        seen.add(this);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            int next = (Integer) top[1];
            if (next < t.inputs.length) {
                top[1] = next + 1;
                Tensor in = t.inputs[next];
                if (in.requiresGrad && seen.add(in)) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + (requiresGrad ? " (grad)" : "");
    }
}
