package org.phodex.sim;

/**
 * A matrix product as a weight-stationary integer MAC array computes it: weights quantized symmetrically per
 * output row to {@code weightBits} (scale = max |w| of the row / (2^(b-1) - 1), round to nearest), each input
 * vector quantized symmetrically to {@code activationBits} with its own scale (max |x| of the vector: dynamic
 * quantization), integer products summed exactly within one tile of {@code tileCols} inputs and added into a
 * saturating two's-complement accumulator of {@code accumulatorBits} (the tile's sum and every running sum
 * are clamped to [-(2^(a-1) - 1), 2^(a-1) - 1]); the result is the accumulator times the two scales.
 */
public final class IntegerGemm {

    /** The array's number formats and tile width. */
    public record Settings(int weightBits, int activationBits, int accumulatorBits, int tileCols) {
        public Settings {
            if (weightBits < 2 || activationBits < 2 || accumulatorBits < 2 || accumulatorBits > 48 || tileCols < 1) {
                throw new IllegalArgumentException("integer formats need at least 2 bits (accumulator at most 48) "
                        + "and a tile at least 1 wide");
            }
        }
    }

    private final Settings s;
    private final int outDim;
    private final int inDim;
    private final int[] qw;
    private final double[] rowScale;
    private final long accMax;

    private IntegerGemm(Settings s, int outDim, int inDim, int[] qw, double[] rowScale) {
        this.s = s;
        this.outDim = outDim;
        this.inDim = inDim;
        this.qw = qw;
        this.rowScale = rowScale;
        this.accMax = (1L << (s.accumulatorBits() - 1)) - 1;
    }

    /** Quantizes {@code w} ({@code outDim x inDim}, row-major) into the array's weight registers. */
    public static IntegerGemm program(double[] w, int outDim, int inDim, Settings s) {
        if (w.length != (long) outDim * inDim) {
            throw new IllegalArgumentException("weights are " + w.length + " values, not " + outDim + " x " + inDim);
        }
        int qmax = (1 << (s.weightBits() - 1)) - 1;
        int[] q = new int[w.length];
        double[] scale = new double[outDim];
        for (int o = 0; o < outDim; o++) {
            double max = 0;
            for (int i = 0; i < inDim; i++) {
                max = Math.max(max, Math.abs(w[o * inDim + i]));
            }
            scale[o] = max / qmax;
            for (int i = 0; i < inDim; i++) {
                q[o * inDim + i] = max == 0 ? 0 : (int) Math.round(w[o * inDim + i] / scale[o]);
            }
        }
        return new IntegerGemm(s, outDim, inDim, q, scale);
    }

    /** y = W x for {@code batch} input vectors ({@code batch x inDim} in, {@code batch x outDim} out, row-major). */
    public double[] apply(double[] x, int batch) {
        if (x.length != (long) batch * inDim) {
            throw new IllegalArgumentException("inputs are " + x.length + " values, not " + batch + " x " + inDim);
        }
        int qmax = (1 << (s.activationBits() - 1)) - 1;
        int tile = s.tileCols();
        int[] qx = new int[inDim];
        double[] y = new double[batch * outDim];
        for (int b = 0; b < batch; b++) {
            double max = 0;
            for (int i = 0; i < inDim; i++) {
                max = Math.max(max, Math.abs(x[b * inDim + i]));
            }
            if (max == 0) {
                continue;
            }
            double xScale = max / qmax;
            for (int i = 0; i < inDim; i++) {
                qx[i] = (int) Math.round(x[b * inDim + i] / xScale);
            }
            for (int o = 0; o < outDim; o++) {
                int wo = o * inDim;
                long acc = 0;
                for (int c0 = 0; c0 < inDim; c0 += tile) {
                    int c1 = Math.min(inDim, c0 + tile);
                    long part = 0;
                    for (int i = c0; i < c1; i++) {
                        part += (long) qw[wo + i] * qx[i];
                    }
                    acc = saturate(saturate(part) + acc);
                }
                y[b * outDim + o] = acc * rowScale[o] * xScale;
            }
        }
        return y;
    }

    private long saturate(long v) {
        return Math.max(-accMax, Math.min(accMax, v));
    }
}
