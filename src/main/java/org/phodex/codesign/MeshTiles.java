package org.phodex.codesign;

import org.phodex.photonics.Mesh;
import org.phodex.photonics.MeshLayout;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.RealizedSvdTile;
import org.phodex.photonics.StaticErrors;
import org.phodex.photonics.SvdTile;
import org.phodex.photonics.TileGradient;
import org.phodex.photonics.ZigguratRandom;
import org.phodex.sim.PhotonicLayer;
import org.phodex.sim.Seeds;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.train.Ops;
import org.phodex.train.Tensor;

/**
 * One layer's MZI tiles as trainable parameters: per tile (row-major over the tile grid, as {@link PhotonicLayer}
 * cuts a matrix) the output mesh U's internal phases, external phases and output screen, then the input mesh V's,
 * in {@link #phases()}; the attenuator amplitudes in [0, 1] and the digital scale in {@link #amplitudes()}. The
 * layer's weights are W = scale Re(U diag(a) V) per tile, the part of each padded tile inside the matrix.
 */
final class MeshTiles {
    private final int out;
    private final int in;
    private final int n;
    private final int gridCols;
    private final int tiles;
    private final MeshLayout layout;
    private final int mzis;
    private final int perPhases;
    private final int perAmps;
    private final Tensor phases;
    private final Tensor amplitudes;

    MeshTiles(int out, int in, int n, MeshLayout layout, double[] phases, double[] amplitudes) {
        this.out = out;
        this.in = in;
        this.n = n;
        this.gridCols = (in + n - 1) / n;
        this.tiles = ((out + n - 1) / n) * gridCols;
        this.layout = layout;
        this.mzis = layout.mziCount();
        this.perPhases = 2 * (2 * mzis + n);
        this.perAmps = n + 1;
        if (phases.length != tiles * perPhases || amplitudes.length != tiles * perAmps) {
            throw new IllegalArgumentException("tile parameters do not match a " + out + " x " + in + " layer on "
                    + n + "-mode " + layout.name() + " tiles");
        }
        this.phases = Tensor.parameter(phases, phases.length);
        this.amplitudes = Tensor.parameter(amplitudes, amplitudes.length);
    }

    /** Starts from the mapping of {@code w} ({@code out x in}) that post-mapping uses (decomposition or fit). */
    static MeshTiles fromWeights(double[] w, int out, int in, MeshProgrammer programmer, int n) {
        int gr = (out + n - 1) / n;
        int gc = (in + n - 1) / n;
        SvdTile[] ts = new SvdTile[gr * gc];
        for (int t = 0; t < ts.length; t++) {
            int r0 = (t / gc) * n;
            int c0 = (t % gc) * n;
            double[] tile = new double[n * n];
            for (int i = 0; i < Math.min(n, out - r0); i++) {
                System.arraycopy(w, (r0 + i) * in + c0, tile, i * n, Math.min(n, in - c0));
            }
            ts[t] = PhotonicLayer.TileMapping.CACHED.map(t, tile, n, programmer);
        }
        return of(ts, out, in, n);
    }

    /** Parameters holding the given tiles. */
    static MeshTiles of(SvdTile[] ts, int out, int in, int n) {
        MeshLayout layout = ts[0].u().layout();
        int m = layout.mziCount();
        int pp = 2 * (2 * m + n);
        double[] ph = new double[ts.length * pp];
        double[] am = new double[ts.length * (n + 1)];
        for (int t = 0; t < ts.length; t++) {
            int o = t * pp;
            for (Mesh mesh : new Mesh[] {ts[t].u(), ts[t].v()}) {
                for (int k = 0; k < m; k++) {
                    ph[o + k] = mesh.theta(k);
                    ph[o + m + k] = mesh.phi(k);
                }
                for (int i = 0; i < n; i++) {
                    ph[o + 2 * m + i] = mesh.outputPhase(i);
                }
                o += 2 * m + n;
            }
            System.arraycopy(ts[t].attenuation(), 0, am, t * (n + 1), n);
            am[t * (n + 1) + n] = ts[t].scale();
        }
        return new MeshTiles(out, in, n, layout, ph, am);
    }

    Tensor phases() {
        return phases;
    }

    Tensor amplitudes() {
        return amplitudes;
    }

    /** The tiles as the parameters now stand. */
    SvdTile[] tiles() {
        SvdTile[] ts = new SvdTile[tiles];
        double[] ph = phases.value();
        double[] am = amplitudes.value();
        for (int t = 0; t < tiles; t++) {
            int o = t * perPhases;
            Mesh u = mesh(ph, o);
            Mesh v = mesh(ph, o + 2 * mzis + n);
            ts[t] = new SvdTile(u, v, java.util.Arrays.copyOfRange(am, t * perAmps, t * perAmps + n),
                    am[t * perAmps + n], 0);
        }
        return ts;
    }

    private Mesh mesh(double[] ph, int o) {
        return new Mesh(layout, java.util.Arrays.copyOfRange(ph, o, o + mzis),
                java.util.Arrays.copyOfRange(ph, o + mzis, o + 2 * mzis),
                java.util.Arrays.copyOfRange(ph, o + 2 * mzis, o + 2 * mzis + n));
    }

    /** Keeps every attenuator in [0, 1], what an MZI attenuator can do. */
    void clampAttenuations() {
        double[] am = amplitudes.value();
        for (int t = 0; t < tiles; t++) {
            for (int i = t * perAmps; i < t * perAmps + n; i++) {
                am[i] = Math.min(1, Math.max(0, am[i]));
            }
        }
    }

    /** The layer's weights on ideal devices ({@code out x in}). */
    double[] idealWeights() {
        SvdTile[] ts = tiles();
        double[] w = new double[out * in];
        for (int t = 0; t < tiles; t++) {
            RealizedSvdTile r = ts[t].realize(StaticErrors.none(), new ZigguratRandom(0));
            scatter(r.transferRe(), ts[t].scale(), t, w);
        }
        return w;
    }

    /** Adds s times the valid part of padded tile {@code t} ({@code n x n}) into the layer matrix. */
    private void scatter(double[] tile, double s, int t, double[] w) {
        int r0 = (t / gridCols) * n;
        int c0 = (t % gridCols) * n;
        for (int i = 0; i < Math.min(n, out - r0); i++) {
            for (int j = 0; j < Math.min(n, in - c0); j++) {
                w[(r0 + i) * in + c0 + j] = s * tile[i * n + j];
            }
        }
    }

    /**
     * x W^T with W built from the tiles: on ideal devices, or (noisy) on the chip sampled from {@code chipSeed} and
     * run through the simulated hardware, with the gradient of the exact product on that chip's tiles.
     */
    Tensor forward(Tensor x, SimSettings sim, boolean noisy, long chipSeed) {
        return forward(x, sim, noisy, chipSeed, null);
    }

    /** The tiles programmed as they are now on the chip sample {@code chipSeed} (inference's path). */
    PhotonicLayer program(SimSettings sim, long chipSeed) {
        return PhotonicLayer.program(idealWeights(), out, in, sim, chipSeed, 1, PhotonicLayer.TileMapping.given(tiles()));
    }

    /**
     * {@link #forward(Tensor, SimSettings, boolean, long)} with the tiles' ADC full scales {@code adcFraction}
     * (null: the calibrated ranges).
     */
    Tensor forward(Tensor x, SimSettings sim, boolean noisy, long chipSeed, double[] adcFraction) {
        SvdTile[] ts = tiles();
        StaticErrors errors = noisy ? ((TileRealization.MziMesh) sim.tile()).errors() : StaticErrors.none();
        RealizedSvdTile[] rz = new RealizedSvdTile[tiles];
        double[][] re = new double[tiles][];
        double[] w = new double[out * in];
        for (int t = 0; t < tiles; t++) {
            rz[t] = ts[t].realize(errors, new ZigguratRandom(Seeds.derive(chipSeed, t)));
            re[t] = rz[t].transferRe();
            scatter(re[t], ts[t].scale(), t, w);
        }
        Tensor wt = Ops.custom(w, new int[] {out, in}, g -> backward(g, ts, rz, re), phases, amplitudes);
        Tensor exact = Ops.matmulT(x, wt);
        if (!noisy) {
            return exact;
        }
        int rows = x.size() / in;
        double[] hw = CodesignTrainer.withAdc(PhotonicLayer.program(idealWeights(), out, in, sim, chipSeed, 1,
                PhotonicLayer.TileMapping.given(ts)), adcFraction).apply(x.value(), rows, Seeds.derive(chipSeed, 0x7e57L));
        return Ops.straightThrough(exact, hw);
    }

    private void backward(double[] g, SvdTile[] ts, RealizedSvdTile[] rz, double[][] re) {
        double[] gp = phases.grad();
        double[] ga = amplitudes.grad();
        double[] gt = new double[n * n];
        for (int t = 0; t < tiles; t++) {
            int r0 = (t / gridCols) * n;
            int c0 = (t % gridCols) * n;
            java.util.Arrays.fill(gt, 0);
            double s = ts[t].scale();
            double dScale = 0;
            for (int i = 0; i < Math.min(n, out - r0); i++) {
                for (int j = 0; j < Math.min(n, in - c0); j++) {
                    double gij = g[(r0 + i) * in + c0 + j];
                    gt[i * n + j] = s * gij;
                    dScale += gij * re[t][i * n + j];
                }
            }
            TileGradient.Result r = TileGradient.of(rz[t], gt);
            int o = t * perPhases;
            for (TileGradient.MeshGradient mg : new TileGradient.MeshGradient[] {r.u(), r.v()}) {
                for (int k = 0; k < mzis; k++) {
                    gp[o + k] += mg.theta()[k];
                    gp[o + mzis + k] += mg.phi()[k];
                }
                for (int i = 0; i < n; i++) {
                    gp[o + 2 * mzis + i] += mg.outputPhase()[i];
                }
                o += 2 * mzis + n;
            }
            for (int i = 0; i < n; i++) {
                ga[t * perAmps + i] += r.attenuation()[i];
            }
            ga[t * perAmps + n] += dScale;
        }
    }
}
