package org.phodex.sim;

import org.phodex.photonics.ComplexMatrix;
import org.phodex.photonics.DetectorNoise;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.MrrBank;
import org.phodex.photonics.Quantizer;
import org.phodex.photonics.RealizedSvdTile;
import org.phodex.photonics.StaticErrors;
import org.phodex.photonics.SvdTile;
import org.phodex.photonics.ZigguratRandom;

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
 * to the largest noise-free |output| of the tile over the batch; a layer whose ADC full scale was trained with the
 * network ({@link #withAdcFullScale}) sets its ADC reference to that fraction of the calibrated range (clipping
 * above it), while the detector noise stays relative to the calibrated range. MRR inputs are intensities: a block with
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
    /**
     * Per tile column block cb: the realized normalized matrices (times their gains) of the tiles (a, cb) for every
     * tile row a, transposed and side by side: {@code vc x ldw} row-major, element (j, a * tileRows + i) =
     * gain * Re(T)(i, j); the {@link Kernels#LANES} columns past outDim are zero padding, so a product's width can
     * be rounded up to whole vectors. One product per block then serves every tile row.
     */
    private final double[][] blockWeights;
    private final int ldw;
    private final double[] scale;
    private final double[] gain;
    private final RealizedSvdTile[] realized;
    private final double fitError;
    /** Per tile, the ADC full scale as a fraction of the calibrated range; null: the range itself. */
    private final double[] adcFraction;
    /** Per tile and candidate full scale, the squared error summed by {@link #calibrateAdcFullScale}; else null. */
    private final double[][] adcErrors;
    private final double[] adcCandidates;

    private PhotonicLayer(SimSettings s, int outDim, int inDim, double[][] blockWeights, double[] scale,
            double[] gain, RealizedSvdTile[] realized, double fitError) {
        this(s, outDim, inDim, blockWeights, scale, gain, realized, fitError, null, null, null);
    }

    private PhotonicLayer(SimSettings s, int outDim, int inDim, double[][] blockWeights, double[] scale,
            double[] gain, RealizedSvdTile[] realized, double fitError, double[] adcFraction, double[][] adcErrors,
            double[] adcCandidates) {
        this.adcFraction = adcFraction;
        this.adcErrors = adcErrors;
        this.adcCandidates = adcCandidates;
        this.gain = gain;
        this.settings = s;
        this.outDim = outDim;
        this.inDim = inDim;
        this.tileRows = s.tileRows();
        this.tileCols = s.tileCols();
        this.gridRows = ceilDiv(outDim, tileRows);
        this.gridCols = ceilDiv(inDim, tileCols);
        this.blockWeights = blockWeights;
        this.ldw = outDim + Kernels.LANES;
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
        return program(weights, outDim, inDim, s, chipSeed, 1);
    }

    /**
     * How an MZI tile's nominal programming (SVD mapping and mesh phases) is obtained from its zero-padded
     * {@code n x n} weights: {@link #CACHED} (decomposition or fit, kept in a shared LRU cache), {@link #UNCACHED}
     * (for weights that change at every step, as in noise-aware training), or {@link #given} (phases trained in the
     * mesh: the weights then only calibrate the receiver gain).
     */
    @FunctionalInterface
    public interface TileMapping {
        SvdTile map(int tile, double[] weights, int n, MeshProgrammer programmer);

        TileMapping CACHED = (t, w, n, p) -> TileProgramCache.shared().get(w, n, p);
        TileMapping UNCACHED = (t, w, n, p) -> SvdTile.program(w, n, p);

        /** Tile t (row-major over the tile grid) is {@code tiles[t]}. */
        static TileMapping given(SvdTile[] tiles) {
            return (t, w, n, p) -> tiles[t];
        }
    }

    /**
     * {@link #program(double[], int, int, SimSettings, long)} with the tiles realized on up to {@code threads}
     * threads; the result does not depend on {@code threads}.
     */
    public static PhotonicLayer program(double[] weights, int outDim, int inDim, SimSettings s, long chipSeed,
            int threads) {
        return program(weights, outDim, inDim, s, chipSeed, threads, TileMapping.CACHED);
    }

    /** {@link #program(double[], int, int, SimSettings, long, int)} with MZI tiles mapped by {@code mapping}. */
    public static PhotonicLayer program(double[] weights, int outDim, int inDim, SimSettings s, long chipSeed,
            int threads, TileMapping mapping) {
        if (outDim < 1 || inDim < 1 || weights.length != outDim * inDim) {
            throw new IllegalArgumentException("weights hold " + weights.length + " values, not " + outDim + " x "
                    + inDim);
        }
        long t0 = Profile.start();
        int rows = s.tileRows();
        int cols = s.tileCols();
        int gr = ceilDiv(outDim, rows);
        int gc = ceilDiv(inDim, cols);
        int ld = outDim + Kernels.LANES;
        double[][] bw = new double[gc][];
        for (int b = 0; b < gc; b++) {
            bw[b] = new double[Math.min(cols, inDim - b * cols) * ld];
        }
        double[] sc = new double[gr * gc];
        double[] gains = new double[gr * gc];
        double[] fits = new double[gr * gc];
        java.util.Arrays.fill(gains, 1);
        RealizedSvdTile[] rz = s.isMesh() ? new RealizedSvdTile[gr * gc] : null;
        StaticErrors errors = s.tile() instanceof TileRealization.MziMesh m ? m.errors() : null;
        MeshProgrammer programmer = s.tile() instanceof TileRealization.MziMesh m ? m.programmer() : null;
        MrrBank bank = s.tile() instanceof TileRealization.RingBank rb ? rb.bank() : null;
        Parallel.forEach(gr * gc, threads, t -> {
            int a = t / gc;
            int b = t % gc;
            int r0 = a * rows;
            int c0 = b * cols;
            int vr = Math.min(rows, outDim - r0);
            int vc = Math.min(cols, inDim - c0);
            double[] tile = new double[rows * cols];
            for (int i = 0; i < vr; i++) {
                System.arraycopy(weights, (r0 + i) * inDim + c0, tile, i * cols, vc);
            }
            double[] wt = bw[b];
            if (programmer != null) {
                SvdTile prog = mapping.map(t, tile, rows, programmer);
                fits[t] = prog.fitError();
                sc[t] = prog.scale();
                RealizedSvdTile r = prog.realize(errors, new ZigguratRandom(Seeds.derive(chipSeed, t)));
                rz[t] = r;
                double[] re = r.transferRe();
                double g = calibratedGain(re, tile, rows, cols, vr, vc, sc[t]);
                gains[t] = g;
                for (int i = 0; i < vr; i++) {
                    for (int j = 0; j < vc; j++) {
                        wt[j * ld + r0 + i] = g * re[i * rows + j];
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
                    double[] got = bank.realize(tile, rows, cols, bank.varies()
                            ? new ZigguratRandom(Seeds.derive(chipSeed, t)) : null);
                    for (int i = 0; i < vr; i++) {
                        for (int j = 0; j < vc; j++) {
                            wt[j * ld + r0 + i] = got[i * cols + j];
                        }
                    }
                }
            }
        });
        double fit = 0;
        for (double f : fits) {
            fit += f;
        }
        Profile.stop(Profile.Phase.BUILD, t0);
        return new PhotonicLayer(s, outDim, inDim, bw, sc, gains, rz, programmer == null ? 0 : fit / (gr * gc));
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

    /** Per-thread scratch, grown on demand and reused across calls (no per-call allocation of big arrays). */
    private static final class Scratch {
        double[] a = new double[0];
        double[] b = new double[0];
        double[] c = new double[0];
        double[] d = new double[0];
        int[] nz = new int[0];
        int[] nzIndex = new int[0];
        int[] nzCount = new int[0];
        double[] noise = new double[0];

        static double[] grow(double[] d, int n) {
            return d.length >= n ? d : new double[Math.max(n, d.length + d.length / 2)];
        }

        static int[] grow(int[] d, int n) {
            return d.length >= n ? d : new int[Math.max(n, d.length + d.length / 2)];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** This thread's buffer for one row of detector noise samples. */
    private static double[] noiseBuffer(int n) {
        Scratch sc = SCRATCH.get();
        sc.noise = Scratch.grow(sc.noise, n);
        return sc.noise;
    }

    /**
     * Runs a batch through the layer: {@code x} is {@code batch x inDim} row-major, the result
     * {@code batch x outDim}. Noise streams ({@link NormalStream}) are seeded by (noiseSeed, tile, pass) only.
     */
    public double[] apply(double[] x, int batch, long noiseSeed) {
        return apply(x, batch, noiseSeed, 1);
    }

    /**
     * {@link #apply(double[], int, long)} on up to {@code threads} threads (groups of tile rows); the result does not
     * depend on {@code threads}: each tile's noise has its own stream and each output's partial sums are added in
     * tile column order.
     */
    public double[] apply(double[] x, int batch, long noiseSeed, int threads) {
        if (batch < 0 || x.length != batch * inDim) {
            throw new IllegalArgumentException("input holds " + x.length + " values, not " + batch + " x " + inDim);
        }
        double[] out = new double[batch * outDim];
        if (batch == 0) {
            return out;
        }
        double relNoise = DetectorNoise.relativeNoise(settings.receivedPowerW(), settings.detector());
        boolean mrr = !settings.isMesh();
        // every column block's DAC codes, once: block cb at offset cb * batch * tileCols, full scales likewise; the
        // blocks are independent, so they are split over the threads
        Scratch sc = SCRATCH.get();
        sc.a = Scratch.grow(sc.a, gridCols * batch * tileCols);
        sc.b = Scratch.grow(sc.b, gridCols * batch);
        double[] xq = sc.a;
        double[] fs = sc.b;
        if (mrr) {
            sc.c = Scratch.grow(sc.c, gridCols * batch * tileCols);
        }
        double[] xNegQ = mrr ? sc.c : null;
        // mesh layers: each code row's nonzeros, found once here for every tile row's product (laid out as xq)
        int[] nzIndex = mrr ? null : (sc.nzIndex = Scratch.grow(sc.nzIndex, gridCols * batch * tileCols));
        int[] nzCount = mrr ? null : (sc.nzCount = Scratch.grow(sc.nzCount, gridCols * batch));
        boolean[] negatives = new boolean[gridCols];
        Parallel.forEach(gridCols, threads, cb -> {
            long t0 = Profile.start();
            int c0 = cb * tileCols;
            int vc = Math.min(tileCols, inDim - c0);
            int o = cb * batch * tileCols;
            negatives[cb] = quantizeInputs(x, batch, c0, vc, xq, o, fs, cb * batch);
            if (xNegQ != null && negatives[cb]) {
                for (int k = o; k < o + batch * vc; k++) {
                    xNegQ[k] = Math.max(0, -xq[k]);
                    xq[k] = Math.max(0, xq[k]);
                }
            }
            if (nzCount != null) {
                for (int b = 0; b < batch; b++) {
                    nzCount[cb * batch + b] = Kernels.nonzeros(xq, o + b * vc, vc, nzIndex, o + b * vc);
                }
            }
            Profile.stop(Profile.Phase.DAC, t0);
        });
        int groups = Math.min(threads, gridRows);
        Parallel.forEach(groups, threads, g -> applyRows(g * gridRows / groups, (g + 1) * gridRows / groups, batch,
                noiseSeed, relNoise, xq, xNegQ, negatives, fs, nzIndex, nzCount, out));
        return out;
    }

    /** Tile rows [a0, a1): per column block one product for all of them, then each tile's detection. */
    private void applyRows(int a0, int a1, int batch, long noiseSeed, double relNoise, double[] xq,
            double[] xNeg, boolean[] negatives, double[] fs, int[] nzIndex, int[] nzCount, double[] out) {
        int o0 = a0 * tileRows;
        int width = Math.min(outDim, a1 * tileRows) - o0;
        width += (Kernels.LANES - width % Kernels.LANES) % Kernels.LANES; // whole vectors; padding ignored
        Scratch sc = SCRATCH.get();
        sc.d = Scratch.grow(sc.d, batch * width);
        if (sc.nz.length < tileCols) {
            sc.nz = new int[tileCols];
        }
        double[] y = sc.d;
        int[] nz = sc.nz;
        for (int cb = 0; cb < gridCols; cb++) {
            int vc = Math.min(tileCols, inDim - cb * tileCols);
            int xo = cb * batch * tileCols;
            int fo = cb * batch;
            int passes = xNeg != null && negatives[cb] ? 2 : 1;
            for (int pass = 0; pass < passes; pass++) {
                long t0 = Profile.start();
                if (nzCount != null) {
                    Kernels.multiply(xq, xo, batch, vc, blockWeights[cb], ldw, o0, width, y, nzIndex, nzCount, fo);
                } else {
                    Kernels.multiply(pass == 0 ? xq : xNeg, xo, batch, vc, blockWeights[cb], ldw, o0, width, y, nz);
                }
                Profile.stop(Profile.Phase.PRODUCT, t0);
                t0 = Profile.start();
                for (int a = a0; a < a1; a++) {
                    int t = a * gridCols + cb;
                    if (scale[t] == 0) {
                        continue; // an all-zero tile is not mapped
                    }
                    int r0 = a * tileRows;
                    int vr = Math.min(tileRows, outDim - r0);
                    detect(t, y, width, r0 - o0, vr, batch, relNoise, Seeds.derive(noiseSeed, 2L * t + pass), fs, fo,
                            pass == 0 ? scale[t] : -scale[t], out, r0);
                }
                Profile.stop(Profile.Phase.NOISE_ADC, t0);
            }
        }
    }

    /**
     * Per vector of one column block: fs = max |x| over the block, x / fs through the signed DAC into
     * {@code xq[qo..]} ({@code batch x vc}), fs into {@code fs[fo..]}; true if any input is negative.
     */
    private boolean quantizeInputs(double[] x, int batch, int c0, int vc, double[] xq, int qo0, double[] fs,
            int fo) {
        int bits = settings.dacBits();
        Quantizer.Signed dac = bits > 0 ? Quantizer.Signed.of(1, bits) : null;
        boolean negatives = false;
        for (int b = 0; b < batch; b++) {
            int xo = b * inDim + c0;
            double max = Kernels.maxAbs(x, xo, vc);
            fs[fo + b] = max;
            double inv = max > 0 ? 1 / max : 0;
            int qo = qo0 + b * vc;
            if (!negatives) {
                for (int j = 0; j < vc; j++) {
                    negatives |= x[xo + j] < 0;
                }
            }
            if (dac != null) {
                Kernels.quantize(x, xo, vc, inv, dac, xq, qo);
            } else {
                for (int j = 0; j < vc; j++) {
                    xq[qo + j] = x[xo + j] * inv;
                }
            }
        }
        return negatives;
    }

    /**
     * Detector noise and ADC on one tile's batch of outputs (columns [yc, yc + vr) of y, row stride ldy), then the
     * digital rescale and partial sum into out's columns [r0, r0 + vr). A vector whose block is all zero (fs = 0)
     * adds exactly nothing and is skipped. The ADC range is the largest noise-free |output| over the batch (times
     * the layer's ADC full-scale fraction).
     */
    private void detect(int t, double[] y, int ldy, int yc, int vr, int batch, double relNoise, long seed,
            double[] fs, int fo, double tileScale, double[] out, int r0) {
        int bits = settings.adcBits();
        if (relNoise == 0 && bits <= 0) {
            for (int b = 0; b < batch; b++) {
                double g = fs[fo + b] * tileScale;
                int yo = b * ldy + yc;
                int oo = b * outDim + r0;
                for (int i = 0; i < vr; i++) {
                    out[oo + i] += g * y[yo + i];
                }
            }
            return;
        }
        double range = Kernels.maxAbs(y, yc, ldy, batch, vr);
        if (range == 0) {
            return;
        }
        double sigma = relNoise * range;
        if (adcErrors != null) {
            if (bits > 0) {
                recordAdcErrors(t, y, ldy, yc, vr, batch, sigma, range, seed, fs, fo, tileScale);
            }
            return;
        }
        Quantizer.Signed adc = bits > 0
                ? Quantizer.Signed.of(adcFraction == null ? range : range * adcFraction[t], bits) : null;
        NormalStream rng = sigma > 0 ? new NormalStream(seed) : null;
        double[] z = sigma > 0 ? noiseBuffer(vr) : null;
        for (int b = 0; b < batch; b++) {
            double g = fs[fo + b] * tileScale;
            if (g == 0) {
                continue;
            }
            int yo = b * ldy + yc;
            int oo = b * outDim + r0;
            if (sigma > 0) {
                rng.fill(z, 0, vr); // the row's normals first, then the fused quantize + accumulate
            }
            if (adc == null) {
                for (int i = 0; i < vr; i++) {
                    out[oo + i] += g * (y[yo + i] + sigma * z[i]);
                }
            } else if (sigma > 0) {
                Kernels.adcAccumulate(y, yo, z, sigma, adc, g, out, oo, vr);
            } else {
                for (int i = 0; i < vr; i++) {
                    out[oo + i] += g * adc.apply(y[yo + i]);
                }
            }
        }
    }

    /** Tile t's output errors (this tile's noise draws, as inference draws them) at every candidate full scale. */
    private void recordAdcErrors(int t, double[] y, int ldy, int yc, int vr, int batch, double sigma, double range,
            long seed, double[] fs, int fo, double tileScale) {
        int bits = settings.adcBits();
        NormalStream rng = sigma > 0 ? new NormalStream(seed) : null;
        double[] z = new double[vr];
        Quantizer.Signed[] adcs = new Quantizer.Signed[adcCandidates.length];
        for (int c = 0; c < adcs.length; c++) {
            adcs[c] = Quantizer.Signed.of(range * adcCandidates[c], bits);
        }
        double[] err = adcErrors[t];
        for (int b = 0; b < batch; b++) {
            double g = fs[fo + b] * tileScale;
            if (g == 0) {
                continue;
            }
            int yo = b * ldy + yc;
            if (sigma > 0) {
                rng.fill(z, 0, vr);
            }
            for (int i = 0; i < vr; i++) {
                double v = y[yo + i];
                double noisy = v + sigma * z[i];
                for (int c = 0; c < adcs.length; c++) {
                    double e = g * (adcs[c].apply(noisy) - v);
                    err[c] += e * e;
                }
            }
        }
    }

    /**
     * The same programmed layer with every tile's ADC reference set to {@code fraction} of its calibrated range
     * (the largest noise-free |output| over the batch): outputs beyond it clip, the ones below are resolved
     * 1 / fraction times finer. The detector noise is unchanged (it is set by the received power at the calibrated
     * full scale). A co-designed network trains this fraction with its weights (README, Co-design); a chip realizes
     * it as a programmed ADC reference, or the receiver's gain before the ADC, per tile.
     *
     * @param fraction in (0, 1]
     */
    public PhotonicLayer withAdcFullScale(double fraction) {
        double[] f = new double[tiles()];
        java.util.Arrays.fill(f, fraction);
        return withAdcFullScale(f);
    }

    /** {@link #withAdcFullScale(double)} with tile t's fraction {@code fractions[t]} (tile order as in program). */
    public PhotonicLayer withAdcFullScale(double[] fractions) {
        if (fractions.length != tiles()) {
            throw new IllegalArgumentException(fractions.length + " ADC full scales for " + tiles() + " tiles");
        }
        for (double f : fractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("ADC full scale must be a fraction in (0, 1] of the calibrated "
                        + "range, got " + f);
            }
        }
        return new PhotonicLayer(settings, outDim, inDim, blockWeights, scale, gain, realized, fitError,
                fractions.clone(), null, null);
    }

    /** Tile t's ADC full scale as a fraction of its calibrated range (1 unless {@link #withAdcFullScale}). */
    public double adcFullScale(int t) {
        return adcFraction == null ? 1 : adcFraction[t];
    }

    /**
     * Per tile, the candidate ADC full scale (fraction of the calibrated range) whose outputs on the batch {@code x}
     * are closest to the noise-free ones: least summed squared error of the rescaled partial sums, with the detector
     * noise drawn as {@link #apply} draws it for {@code noiseSeed}; ties keep the earlier candidate. Tiles without
     * an ADC (adc bits 0) or never driven keep the first candidate.
     *
     * @param candidates fractions in (0, 1], e.g. largest first
     */
    public double[] calibrateAdcFullScale(double[] x, int batch, long noiseSeed, double[] candidates) {
        double[][] err = new double[tiles()][candidates.length];
        new PhotonicLayer(settings, outDim, inDim, blockWeights, scale, gain, realized, fitError, null, err,
                candidates.clone()).apply(x, batch, noiseSeed);
        double[] best = new double[tiles()];
        for (int t = 0; t < best.length; t++) {
            int k = 0;
            for (int c = 1; c < candidates.length; c++) {
                if (err[t][c] < err[t][k]) {
                    k = c;
                }
            }
            best[t] = candidates[k];
        }
        return best;
    }

    /**
     * The chip's realized weights, {@code outDim x inDim} row-major: every tile's digital scale times its calibrated
     * realized transfer, the matrix {@link #apply} multiplies by before detector noise and ADC (a zero tile is zero).
     */
    public double[] realizedWeights() {
        double[] w = new double[outDim * inDim];
        for (int cb = 0; cb < gridCols; cb++) {
            int c0 = cb * tileCols;
            int vc = Math.min(tileCols, inDim - c0);
            for (int o = 0; o < outDim; o++) {
                double s = scale[(o / tileRows) * gridCols + cb];
                for (int j = 0; j < vc; j++) {
                    w[o * inDim + c0 + j] = s * blockWeights[cb][j * ldw + o];
                }
            }
        }
        return w;
    }

    /** Mean relative Frobenius error of the non-universal mesh fits over tiles (mean of U and V); 0 otherwise. */
    public double fitError() {
        return fitError;
    }

    public int tiles() {
        return scale.length;
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
