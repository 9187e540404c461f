package org.phodex.sim;

import java.util.SplittableRandom;
import org.phodex.photonics.ComplexMatrix;
import org.phodex.photonics.DetectorNoise;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.MrrBank;
import org.phodex.photonics.Quantizer;
import org.phodex.photonics.RealizedSvdTile;
import org.phodex.photonics.StaticErrors;
import org.phodex.photonics.SvdTile;

/**
 * One weight matrix programmed on its tiles for one chip sample. Immutable and thread-safe.
 *
 * <p>{@link #program}: the {@code outDim x inDim} matrix is cut into {@code tileRows x tileCols} tiles
 * (zero-padded at the edges), tile t = tileRow * tileColumns + tileCol. Each MZI tile is mapped by SVD
 * ({@link SvdTile}, cached across chips), sampled with this chip's static errors from a stream seeded by
 * (chipSeed, t), and multiplied out once into its realized matrix; homodyne detection reads the real part,
 * so the tile keeps Re(T), the normalized optical transfer, plus its digital scale s_max. An MRR tile keeps
 * the bank's realized weights (targets normalized by the tile's largest |w|) and that largest |w|.
 *
 * <p>{@link #apply}, per tile column block and input vector: full scale fs = max |x| over the block's inputs;
 * x / fs goes through the signed input DAC; then one matrix product over the whole batch per tile; then per
 * output: + N(0, (relativeNoise(P_rx) * range)^2), ADC over [-range, range] with clipping, and the result
 * times fs times the tile's scale is added to the digital partial sum. The ADC range of a tile is calibrated
 * to the largest noise-free |output| of the tile over the batch. MRR inputs are intensities: a block with
 * negative inputs runs two passes (positive and negative parts), each with its own noise and ADC.
 */
public final class PhotonicLayer {
    private final SimSettings settings;
    private final int outDim;
    private final int inDim;
    private final int tileRows;
    private final int tileCols;
    private final int gridRows;
    private final int gridCols;
    /** per tile: realized normalized matrix, transposed: validCols x validRows row-major. */
    private final double[][] transposed;
    private final double[] scale;
    private final double[] gain;
    private final RealizedSvdTile[] realized;
    private final double fitError;

    private PhotonicLayer(SimSettings s, int outDim, int inDim, double[][] transposed, double[] scale,
            double[] gain, RealizedSvdTile[] realized, double fitError) {
        this.gain = gain;
        this.settings = s;
        this.outDim = outDim;
        this.inDim = inDim;
        this.tileRows = s.tileRows();
        this.tileCols = s.tileCols();
        this.gridRows = ceilDiv(outDim, tileRows);
        this.gridCols = ceilDiv(inDim, tileCols);
        this.transposed = transposed;
        this.scale = scale;
        this.realized = realized;
        this.fitError = fitError;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * Programs {@code weights} ({@code outDim x inDim} row-major) for the chip sample {@code chipSeed}.
     */
    public static PhotonicLayer program(double[] weights, int outDim, int inDim, SimSettings s, long chipSeed) {
        if (outDim < 1 || inDim < 1 || weights.length != outDim * inDim) {
            throw new IllegalArgumentException("weights hold " + weights.length + " values, not " + outDim + " x "
                    + inDim);
        }
        int rows = s.tileRows();
        int cols = s.tileCols();
        int gr = ceilDiv(outDim, rows);
        int gc = ceilDiv(inDim, cols);
        double[][] tr = new double[gr * gc][];
        double[] sc = new double[gr * gc];
        double[] gains = new double[gr * gc];
        java.util.Arrays.fill(gains, 1);
        RealizedSvdTile[] rz = s.layout().isMzi() ? new RealizedSvdTile[gr * gc] : null;
        double fit = 0;
        StaticErrors errors = s.staticErrors();
        MeshProgrammer programmer = s.layout().isMzi() ? s.meshProgrammer() : null;
        MrrBank bank = s.layout().isMzi() ? null : s.mrrBank();
        for (int a = 0; a < gr; a++) {
            for (int b = 0; b < gc; b++) {
                int t = a * gc + b;
                int r0 = a * rows;
                int c0 = b * cols;
                int vr = Math.min(rows, outDim - r0);
                int vc = Math.min(cols, inDim - c0);
                double[] tile = new double[rows * cols];
                for (int i = 0; i < vr; i++) {
                    System.arraycopy(weights, (r0 + i) * inDim + c0, tile, i * cols, vc);
                }
                double[] wt = new double[vc * vr];
                if (programmer != null) {
                    SvdTile prog = TileProgramCache.shared().get(tile, rows, programmer);
                    fit += prog.fitError();
                    sc[t] = prog.scale();
                    RealizedSvdTile r = prog.realize(errors, new SplittableRandom(Seeds.derive(chipSeed, t)));
                    rz[t] = r;
                    ComplexMatrix m = r.transfer();
                    double g = calibratedGain(m.re, tile, rows, cols, vr, vc, sc[t]);
                    gains[t] = g;
                    for (int i = 0; i < vr; i++) {
                        for (int j = 0; j < vc; j++) {
                            wt[j * vr + i] = g * m.re[i * rows + j];
                        }
                    }
                } else {
                    double max = 0;
                    for (double w : tile) {
                        max = Math.max(max, Math.abs(w));
                    }
                    sc[t] = max;
                    if (max > 0) {
                        for (int k = 0; k < tile.length; k++) {
                            tile[k] /= max;
                        }
                        double[] got = bank.realize(tile, rows, cols);
                        for (int i = 0; i < vr; i++) {
                            for (int j = 0; j < vc; j++) {
                                wt[j * vr + i] = got[i * cols + j];
                            }
                        }
                    }
                }
                tr[t] = wt;
            }
        }
        return new PhotonicLayer(s, outDim, inDim, tr, sc, gains, rz, programmer == null ? 0 : fit / (gr * gc));
    }

    /**
     * Gain calibration of one tile, as a chip's receiver gain is trimmed once after fabrication: the scalar g that
     * best maps the realized transfer onto the target (least squares, g = <T, R> / <R, R>). Uniform insertion loss
     * is paid for by the link budget's laser power and calibrated out here; non-uniform loss (unbalanced paths,
     * loss spread) and all other errors remain.
     */
    static double calibratedGain(double[] realizedRe, double[] tile, int rows, int cols, int vr, int vc, double scale) {
        if (scale == 0) {
            return 1;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < vr; i++) {
            for (int j = 0; j < vc; j++) {
                double rv = realizedRe[i * rows + j];
                num += tile[i * cols + j] / scale * rv;
                den += rv * rv;
            }
        }
        return den > 0 && num > 0 ? num / den : 1;
    }

    /**
     * Runs a batch through the layer: {@code x} is {@code batch x inDim} row-major, the result
     * {@code batch x outDim}. Noise streams are seeded by (noiseSeed, tile, pass) only.
     */
    public double[] apply(double[] x, int batch, long noiseSeed) {
        if (batch < 0 || x.length != batch * inDim) {
            throw new IllegalArgumentException("input holds " + x.length + " values, not " + batch + " x " + inDim);
        }
        double[] out = new double[batch * outDim];
        double relNoise = DetectorNoise.relativeNoise(settings.receivedPowerW(), settings.detector());
        boolean mrr = !settings.layout().isMzi();
        double[] xq = new double[batch * tileCols];
        double[] xNeg = mrr ? new double[batch * tileCols] : null;
        double[] fs = new double[batch];
        double[] y = new double[batch * tileRows];
        for (int b = 0; b < gridCols; b++) {
            int c0 = b * tileCols;
            int vc = Math.min(tileCols, inDim - c0);
            boolean negatives = quantizeInputs(x, batch, c0, vc, xq, fs);
            if (mrr && negatives) {
                for (int k = 0; k < batch * vc; k++) {
                    xNeg[k] = Math.max(0, -xq[k]);
                    xq[k] = Math.max(0, xq[k]);
                }
            }
            for (int a = 0; a < gridRows; a++) {
                int t = a * gridCols + b;
                if (scale[t] == 0) {
                    continue; // an all-zero tile is not mapped
                }
                int r0 = a * tileRows;
                int vr = Math.min(tileRows, outDim - r0);
                Kernels.multiply(xq, batch, vc, transposed[t], vr, y);
                detect(y, batch, vr, relNoise, Seeds.derive(noiseSeed, 2L * t), fs, scale[t], out, r0);
                if (mrr && negatives) {
                    Kernels.multiply(xNeg, batch, vc, transposed[t], vr, y);
                    detect(y, batch, vr, relNoise, Seeds.derive(noiseSeed, 2L * t + 1), fs, -scale[t], out, r0);
                }
            }
        }
        return out;
    }

    /** Per vector: fs = max |x| over the block, x / fs through the signed DAC; true if any input is negative. */
    private boolean quantizeInputs(double[] x, int batch, int c0, int vc, double[] xq, double[] fs) {
        int bits = settings.dacBits();
        boolean negatives = false;
        for (int b = 0; b < batch; b++) {
            int xo = b * inDim + c0;
            double max = 0;
            for (int j = 0; j < vc; j++) {
                max = Math.max(max, Math.abs(x[xo + j]));
            }
            fs[b] = max;
            double inv = max > 0 ? 1 / max : 0;
            int qo = b * vc;
            for (int j = 0; j < vc; j++) {
                double v = x[xo + j];
                negatives |= v < 0;
                xq[qo + j] = bits > 0 ? Quantizer.signed(v * inv, 1, bits) : v * inv;
            }
        }
        return negatives;
    }

    /** Detector noise and ADC on a tile's batch of outputs, then the digital rescale and partial sum. */
    private void detect(double[] y, int batch, int vr, double relNoise, long seed, double[] fs, double tileScale,
            double[] out, int r0) {
        int bits = settings.adcBits();
        if (relNoise == 0 && bits <= 0) {
            for (int b = 0; b < batch; b++) {
                double g = fs[b] * tileScale;
                int yo = b * vr;
                int oo = b * outDim + r0;
                for (int i = 0; i < vr; i++) {
                    out[oo + i] += g * y[yo + i];
                }
            }
            return;
        }
        double range = 0;
        for (int k = 0; k < batch * vr; k++) {
            range = Math.max(range, Math.abs(y[k]));
        }
        if (range == 0) {
            return;
        }
        double sigma = relNoise * range;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < batch; b++) {
            double g = fs[b] * tileScale;
            int yo = b * vr;
            int oo = b * outDim + r0;
            for (int i = 0; i < vr; i++) {
                double v = y[yo + i];
                if (sigma > 0) {
                    v += sigma * rng.nextGaussian();
                }
                out[oo + i] += g * Quantizer.signed(v, range, bits);
            }
        }
    }

    /** Mean relative Frobenius error of the non-universal mesh fits over tiles (mean of U and V); 0 otherwise. */
    public double fitError() {
        return fitError;
    }

    public int tiles() {
        return transposed.length;
    }

    public int outDim() {
        return outDim;
    }

    public int inDim() {
        return inDim;
    }

    public SimSettings settings() {
        return settings;
    }

    /** The chip's realized SVD tile t (MZI layouts), for reference checks. */
    RealizedSvdTile realizedTile(int t) {
        return realized[t];
    }

    /** The digital scale of tile t. */
    /** The calibrated receiver gain of tile t (1 for MRR tiles and ideal meshes). */
    double tileGain(int t) {
        return gain[t];
    }

    double tileScale(int t) {
        return scale[t];
    }
}
