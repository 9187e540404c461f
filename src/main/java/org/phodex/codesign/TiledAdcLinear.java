package org.phodex.codesign;

import org.phodex.photonics.Quantizer;
import org.phodex.sim.NormalStream;
import org.phodex.sim.Seeds;
import org.phodex.train.Ops;
import org.phodex.train.Tensor;

/**
 * A layer's product x W^T through its tiles as {@link org.phodex.sim.PhotonicLayer#apply} computes it, with the
 * gradients of that computation for noise-aware training, including those through each tile's ADC range.
 *
 * <p>Forward, per tile column block and input vector b: fs_b = max |x_b| over the block, x_b / fs_b through the
 * signed input DAC; per tile t (its rows, that block) u = W_chip x_b / fs_b; the tile's range R_t = max |u| over
 * the batch and the tile's outputs; v = u + relNoise R_t z (detector noise, z standard normal); the ADC at full
 * scale A_t = f_t R_t (f_t the trained fraction) clips v to [-A_t, A_t] and rounds it to steps A_t / (2^(b-1) - 1);
 * the result times fs_b is added to the output. W_chip is the chip sample's realized matrix; zero tiles and
 * all-zero input blocks add nothing, as on the chip.
 *
 * <p>Backward: the exact gradient of the same computation with the ADC's rounding and the DAC taken as the
 * identity (straight-through, Bengio et al., arXiv:1308.3432) and W_chip's dependence on W taken as the identity;
 * everything else is differentiated: the clipping (no gradient through a clipped output, PACT, Choi et al.,
 * arXiv:1805.06085), the full scale A_t (as LSQ's step, Esser et al., ICLR 2020: inside the range the rounding
 * residual round(v / step) - v / step per step, outside +-1), and the range R_t, which sets both the detector noise
 * and the ADC step of every output of the tile and is the largest output of the batch: its gradient goes to that
 * output. So training sees that one tile's rare large output raises the noise and coarsens the steps of all of
 * them, which a plain straight-through estimator of the exact product cannot see.
 */
final class TiledAdcLinear {
    private TiledAdcLinear() {
    }

    /**
     * Settings of the chip as the op needs them.
     *
     * @param tileRows  tile outputs
     * @param tileCols  tile inputs
     * @param dacBits   input DAC bits (0: ideal)
     * @param adcBits   ADC bits (0: no ADC)
     * @param relNoise  detector noise standard deviation relative to a tile's range
     * @param rounding  false: the ADC only clips (for the gradient checks, where rounding has no derivative)
     */
    record Chip(int tileRows, int tileCols, int dacBits, int adcBits, double relNoise, boolean rounding) {
    }

    /**
     * @param x          {@code batch x in}
     * @param w          {@code out x in}, the trained weights (the gradient's path)
     * @param chipW      {@code out x in}, the chip sample's realized weights (the forward's values); null: w
     * @param fraction   per tile (row-major over the tile grid) the ADC full scale as a fraction of its range;
     *                   null: 1 for every tile
     * @param noiseSeed  the detector noise (tile t draws from the stream of (noiseSeed, t))
     */
    static Tensor apply(Tensor x, Tensor w, double[] chipW, Tensor fraction, Chip chip, long noiseSeed) {
        int out = w.dim(0);
        int in = w.dim(1);
        int batch = x.size() / in;
        int rows = chip.tileRows();
        int cols = chip.tileCols();
        int gr = (out + rows - 1) / rows;
        int gc = (in + cols - 1) / cols;
        if (fraction != null && fraction.size() != gr * gc) {
            throw new IllegalArgumentException(fraction.size() + " ADC full scales for " + gr * gc + " tiles");
        }
        double[] xv = x.value();
        double[] wc = chipW == null ? w.value() : chipW;
        double[] f = fraction == null ? null : fraction.value();
        // the DAC: per vector and block its full scale and codes
        double[] fs = new double[batch * gc];
        double[] xq = new double[batch * in];
        Quantizer.Signed dac = chip.dacBits() > 0 ? Quantizer.Signed.of(1, chip.dacBits()) : null;
        for (int b = 0; b < batch; b++) {
            for (int cb = 0; cb < gc; cb++) {
                int c0 = cb * cols;
                int c1 = Math.min(in, c0 + cols);
                double m = 0;
                for (int j = c0; j < c1; j++) {
                    m = Math.max(m, Math.abs(xv[b * in + j]));
                }
                fs[b * gc + cb] = m;
                double inv = m > 0 ? 1 / m : 0;
                for (int j = c0; j < c1; j++) {
                    double v = xv[b * in + j] * inv;
                    xq[b * in + j] = dac == null ? v : dac.apply(v);
                }
            }
        }
        double[] wct = transpose(wc, out, in);
        double[] range = new double[gr * gc];
        int[] argmax = new int[gr * gc]; // b * out + o of the largest |u|
        double[] y = new double[batch * out];
        double[] u = new double[batch * out];
        double[] z = new double[rows];
        double levels = chip.adcBits() > 1 ? (1L << (chip.adcBits() - 1)) - 1 : 1;
        for (int cb = 0; cb < gc; cb++) {
            blockProduct(xq, wct, in, out, batch, cb * cols, Math.min(in, cb * cols + cols), u);
            for (int a = 0; a < gr; a++) {
                int t = a * gc + cb;
                int r0 = a * rows;
                int vr = Math.min(rows, out - r0);
                double r = 0;
                int arg = -1;
                for (int b = 0; b < batch; b++) {
                    for (int i = 0; i < vr; i++) {
                        double v = Math.abs(u[b * out + r0 + i]);
                        if (v > r) {
                            r = v;
                            arg = b * out + r0 + i;
                        }
                    }
                }
                range[t] = r;
                argmax[t] = arg;
                if (r == 0) {
                    continue; // a zero tile, or no input: nothing to add
                }
                double sigma = chip.relNoise() * r;
                double full = (f == null ? 1 : f[t]) * r;
                double step = full / levels;
                NormalStream rng = sigma > 0 ? new NormalStream(Seeds.derive(noiseSeed, t)) : null;
                for (int b = 0; b < batch; b++) {
                    double g = fs[b * gc + cb];
                    if (g == 0) {
                        continue;
                    }
                    if (rng != null) {
                        rng.fill(z, 0, vr);
                    }
                    for (int i = 0; i < vr; i++) {
                        double v = u[b * out + r0 + i] + (rng == null ? 0 : sigma * z[i]);
                        y[b * out + r0 + i] += g * adc(v, full, step, chip);
                    }
                }
            }
        }
        int[] shape = {batch, out};
        Tensor[] inputs = fraction == null ? new Tensor[] {x, w} : new Tensor[] {x, w, fraction};
        return Ops.custom(y, shape, dy -> backward(dy, x, w, fraction, chip, noiseSeed, xv, wc, wct, xq, fs, range,
                argmax, out, in, batch, levels), inputs);
    }

    /** The ADC's output for v at full scale {@code full} (no ADC: v). */
    private static double adc(double v, double full, double step, Chip chip) {
        if (chip.adcBits() <= 0) {
            return v;
        }
        double c = Math.max(-full, Math.min(full, v));
        if (!chip.rounding()) {
            return c;
        }
        if (chip.adcBits() == 1) {
            return c >= 0 ? full : -full;
        }
        return Math.rint(c / step) * step;
    }

    private static void backward(double[] dy, Tensor x, Tensor w, Tensor fraction, Chip chip, long noiseSeed,
                                 double[] xv, double[] wc, double[] wct, double[] xq, double[] fs, double[] range,
                                 int[] argmax, int out, int in, int batch, double levels) {
        int rows = chip.tileRows();
        int cols = chip.tileCols();
        int gr = (out + rows - 1) / rows;
        int gc = (in + cols - 1) / cols;
        double[] f = fraction == null ? null : fraction.value();
        double[] u = new double[batch * out];
        double[] du = new double[batch * out];
        double[] dfs = new double[batch * gc];
        double[] z = new double[rows];
        boolean adc = chip.adcBits() > 0;
        double[] gx = x.requiresGrad() ? x.grad() : null;
        double[] gw = w.requiresGrad() ? w.grad() : null;
        double[] gf = fraction != null && fraction.requiresGrad() ? fraction.grad() : null;
        for (int cb = 0; cb < gc; cb++) {
            int c0 = cb * cols;
            int c1 = Math.min(in, c0 + cols);
            blockProduct(xq, wct, in, out, batch, c0, c1, u);
            java.util.Arrays.fill(du, 0);
            for (int a = 0; a < gr; a++) {
                int t = a * gc + cb;
                double r = range[t];
                if (r == 0) {
                    continue;
                }
                int r0 = a * rows;
                int vr = Math.min(rows, out - r0);
                double ft = f == null ? 1 : f[t];
                double sigma = chip.relNoise() * r;
                double full = ft * r;
                double step = full / levels;
                NormalStream rng = sigma > 0 ? new NormalStream(Seeds.derive(noiseSeed, t)) : null;
                double dFull = 0; // dL/dA
                double dRange = 0; // dL/dR through the noise
                for (int b = 0; b < batch; b++) {
                    double g = fs[b * gc + cb];
                    if (g == 0) {
                        continue;
                    }
                    if (rng != null) {
                        rng.fill(z, 0, vr);
                    }
                    for (int i = 0; i < vr; i++) {
                        int k = b * out + r0 + i;
                        double noise = rng == null ? 0 : z[i];
                        double v = u[k] + sigma * noise;
                        double q = adc(v, full, step, chip);
                        double dq = dy[k] * g; // dL/dq
                        dfs[b * gc + cb] += dy[k] * q; // y += fs * q
                        double dv;
                        if (!adc) {
                            dv = dq;
                        } else if (v > full || v < -full) {
                            dv = 0;
                            dFull += dq * (v > 0 ? 1 : -1);
                        } else {
                            dv = dq;
                            if (chip.rounding() && chip.adcBits() > 1) {
                                dFull += dq * (q / step - v / step) / levels;
                            } else if (chip.rounding()) {
                                dFull += dq * (v >= 0 ? 1 : -1);
                            }
                        }
                        du[k] += dv;
                        dRange += dv * chip.relNoise() * noise;
                    }
                }
                dRange += dFull * ft;
                if (gf != null) {
                    gf[t] += dFull * r;
                }
                int arg = argmax[t];
                du[arg] += dRange * (u[arg] >= 0 ? 1 : -1);
            }
            // u = W_chip xq over the block: to W (straight through the chip's errors) and to xq
            for (int b = 0; b < batch; b++) {
                int uo = b * out;
                for (int j = c0; j < c1; j++) {
                    double xj = xq[b * in + j];
                    if (gw != null && xj != 0) {
                        for (int o = 0; o < out; o++) {
                            gw[o * in + j] += du[uo + o] * xj;
                        }
                    }
                    double s = 0;
                    for (int o = 0; o < out; o++) {
                        s += du[uo + o] * wct[j * out + o];
                    }
                    if (s == 0) {
                        continue;
                    }
                    // xq = x / fs (the DAC straight through): to x, and to fs
                    double m = fs[b * gc + cb];
                    if (m > 0) {
                        if (gx != null) {
                            gx[b * in + j] += s / m;
                        }
                        dfs[b * gc + cb] -= s * xv[b * in + j] / (m * m);
                    }
                }
            }
        }
        // fs = max |x| over the block: to its largest input
        if (gx != null) {
            for (int b = 0; b < batch; b++) {
                for (int cb = 0; cb < gc; cb++) {
                    double d = dfs[b * gc + cb];
                    if (d == 0 || fs[b * gc + cb] == 0) {
                        continue;
                    }
                    int c0 = cb * cols;
                    int c1 = Math.min(in, c0 + cols);
                    int jm = c0;
                    for (int j = c0; j < c1; j++) {
                        if (Math.abs(xv[b * in + j]) > Math.abs(xv[b * in + jm])) {
                            jm = j;
                        }
                    }
                    gx[b * in + jm] += d * (xv[b * in + jm] >= 0 ? 1 : -1);
                }
            }
        }
    }

    /** u[b, o] = sum over j in [c0, c1) of xq[b, j] wt[j, o] ({@code batch x out}, overwritten). */
    private static void blockProduct(double[] xq, double[] wt, int in, int out, int batch, int c0, int c1,
                                     double[] u) {
        java.util.Arrays.fill(u, 0, batch * out, 0);
        for (int b = 0; b < batch; b++) {
            int uo = b * out;
            for (int j = c0; j < c1; j++) {
                double a = xq[b * in + j];
                if (a == 0) {
                    continue;
                }
                int wo = j * out;
                for (int o = 0; o < out; o++) {
                    u[uo + o] += a * wt[wo + o];
                }
            }
        }
    }

    private static double[] transpose(double[] m, int r, int c) {
        double[] t = new double[m.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j * r + i] = m[i * c + j];
            }
        }
        return t;
    }
}
