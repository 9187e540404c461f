package org.phodex.train;

import java.util.Random;
import org.phodex.workload.ModelShape;

/**
 * A LeNet-like CNN ({@link ModelShape.Cnn}): convolutions lowered by im2col to GEMMs (one input vector per
 * output position), each followed by bias, ReLU and 2x2 max pooling; then fully connected layers. GEMM i of
 * the shape's list is product i here. Weights are {@code [out, kernel * kernel * in]} with columns ordered
 * (ky, kx, channel), as {@link Ops#im2col} lays out its rows.
 */
public final class Cnn extends ParameterList {
    private final ModelShape.Cnn shape;
    private final Tensor[] w;
    private final Tensor[] b;

    /** Kaiming-normal weights (He et al., ICCV 2015), zero biases, drawn from {@code rnd} in order. */
    public Cnn(ModelShape.Cnn shape, Random rnd) {
        this.shape = shape;
        java.util.List<org.phodex.workload.Gemm> gemms = shape.gemms();
        w = new Tensor[gemms.size()];
        b = new Tensor[gemms.size()];
        for (int i = 0; i < gemms.size(); i++) {
            org.phodex.workload.Gemm g = gemms.get(i);
            double std = Math.sqrt(2.0 / g.inner());
            double[] v = new double[g.outputs() * g.inner()];
            for (int k = 0; k < v.length; k++) {
                v[k] = std * rnd.nextGaussian();
            }
            w[i] = register(g.name() + ".weight", Tensor.parameter(v, g.outputs(), g.inner()), true);
            b[i] = register(g.name() + ".bias", Tensor.parameter(new double[g.outputs()], g.outputs()), false);
        }
    }

    @Override
    public Tensor logits(Tensor images, Products products) {
        int batch = images.size() / (shape.height() * shape.width() * shape.channels());
        Tensor x = Ops.reshape(images, batch, shape.height(), shape.width(), shape.channels());
        int convs = shape.convChannels().length;
        for (int i = 0; i < convs; i++) {
            Tensor cols = Ops.im2col(x, shape.kernel(), 1, shape.padding()[i]);
            x = Ops.maxPool(Ops.relu(Ops.add(products.linear(i, cols, w[i]), b[i])), 2);
        }
        x = Ops.reshape(x, batch, shape.flat());
        for (int i = convs; i < w.length; i++) {
            x = Ops.add(products.linear(i, x, w[i]), b[i]);
            if (i < w.length - 1) {
                x = Ops.relu(x);
            }
        }
        return x;
    }
}
