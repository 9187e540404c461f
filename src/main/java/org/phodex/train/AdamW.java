package org.phodex.train;

import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, ICLR 2019): m and v moments with bias correction
 * (Kingma and Ba, ICLR 2015; beta1 0.9, beta2 0.999, eps 1e-8), and w -= lr * decay * w for the tensors that
 * decay (matrices; biases, norms and embeddings usually do not). The learning rate is given per step, so any
 * schedule can drive it.
 */
public final class AdamW {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final List<Tensor> params;
    private final boolean[] decays;
    private final double weightDecay;
    private final double[][] m;
    private final double[][] v;
    private double pow1 = 1;
    private double pow2 = 1;

    /**
     * @param params      the trainable tensors
     * @param decays      per tensor: whether weight decay applies
     * @param weightDecay decoupled decay per unit learning rate (e.g. 0.05)
     */
    public AdamW(List<Tensor> params, boolean[] decays, double weightDecay) {
        if (decays.length != params.size()) {
            throw new IllegalArgumentException(params.size() + " parameters, " + decays.length + " decay flags");
        }
        this.params = List.copyOf(params);
        this.decays = decays.clone();
        this.weightDecay = weightDecay;
        this.m = new double[params.size()][];
        this.v = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new double[params.get(i).size()];
            v[i] = new double[params.get(i).size()];
        }
    }

    /** One update with learning rate {@code lr} from the accumulated gradients, which it then clears. */
    public void step(double lr) {
        pow1 *= BETA1;
        pow2 *= BETA2;
        double step = lr / (1 - pow1);
        double bc2 = 1 - pow2;
        for (int p = 0; p < params.size(); p++) {
            Tensor t = params.get(p);
            double[] w = t.value();
            double[] g = t.grad();
            double[] mp = m[p];
            double[] vp = v[p];
            double decay = decays[p] ? 1 - lr * weightDecay : 1;
            for (int i = 0; i < w.length; i++) {
                mp[i] = BETA1 * mp[i] + (1 - BETA1) * g[i];
                vp[i] = BETA2 * vp[i] + (1 - BETA2) * g[i] * g[i];
                w[i] = w[i] * decay - step * mp[i] / (Math.sqrt(vp[i] / bc2) + EPS);
            }
            t.zeroGrad();
        }
    }
}
