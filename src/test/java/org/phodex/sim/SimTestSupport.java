package org.phodex.sim;

import java.util.SplittableRandom;
import org.phodex.photonics.RealizedMesh;
import org.phodex.photonics.RealizedSvdTile;

/** Slow, obvious references for the simulator's fast path. */
final class SimTestSupport {
    private SimTestSupport() {
    }

    static double[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    /** y = W x for each of the batch's vectors: W out x in, x batch x in. */
    static double[] exact(double[] w, int out, int in, double[] x, int batch) {
        double[] y = new double[batch * out];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < out; i++) {
                double s = 0;
                for (int j = 0; j < in; j++) {
                    s += w[i * in + j] * x[b * in + j];
                }
                y[b * out + i] = s;
            }
        }
        return y;
    }

    /** Pushes one complex field vector through a realized mesh MZI by MZI (with crossings and output phases). */
    static void propagate(RealizedMesh mesh, double[] re, double[] im) {
        double[] t = new double[8];
        int col = -1;
        int m = mesh.layout().mziCount();
        boolean[] busy = new boolean[re.length];
        for (int k = 0; k <= m; k++) {
            int target = k < m ? mesh.layout().column(k) : mesh.layout().depth() - 1;
            while (col < target) {
                // a balanced mesh passes waveguides idle in the finished column through an equally lossy section
                for (int i = 0; i < re.length && col >= 0 && (k < m || col < lastMziColumn(mesh)); i++) {
                    if (!busy[i]) {
                        re[i] *= mesh.idleAmplitude();
                        im[i] *= mesh.idleAmplitude();
                    }
                }
                java.util.Arrays.fill(busy, false);
                col++;
                int[] p = mesh.layout().permutationBefore(col);
                if (p != null) {
                    double[] r2 = re.clone();
                    double[] i2 = im.clone();
                    for (int i = 0; i < p.length; i++) {
                        re[i] = r2[p[i]];
                        im[i] = i2[p[i]];
                    }
                }
            }
            if (k == m) {
                break;
            }
            int a = mesh.layout().top(k);
            busy[a] = true;
            busy[a + 1] = true;
            mesh.mziTransfer(k, t);
            double xr = re[a], xi = im[a], yr = re[a + 1], yi = im[a + 1];
            re[a] = t[0] * xr - t[1] * xi + t[2] * yr - t[3] * yi;
            im[a] = t[0] * xi + t[1] * xr + t[2] * yi + t[3] * yr;
            re[a + 1] = t[4] * xr - t[5] * xi + t[6] * yr - t[7] * yi;
            im[a + 1] = t[4] * xi + t[5] * xr + t[6] * yi + t[7] * yr;
        }
        if (m > 0 && col == lastMziColumn(mesh)) {
            for (int i = 0; i < re.length; i++) {
                if (!busy[i]) {
                    re[i] *= mesh.idleAmplitude();
                    im[i] *= mesh.idleAmplitude();
                }
            }
        }
        for (int i = 0; i < re.length; i++) {
            double c = Math.cos(mesh.outputPhase(i)), s = Math.sin(mesh.outputPhase(i));
            double r = re[i];
            re[i] = c * r - s * im[i];
            im[i] = c * im[i] + s * r;
        }
    }

    static int lastMziColumn(RealizedMesh mesh) {
        int m = mesh.layout().mziCount();
        return m == 0 ? -1 : mesh.layout().column(m - 1);
    }

    /**
     * The per-MZI reference of a programmed MZI layer with noise off: every input vector pushed through every
     * tile's V mesh, attenuators and U mesh one MZI at a time; real part, times the tile scale, summed.
     */
    static double[] perMziReference(PhotonicLayer layer, double[] x, int batch) {
        int n = layer.settings().tileRows();
        int gr = (layer.outDim() + n - 1) / n;
        int gc = (layer.inDim() + n - 1) / n;
        double[] y = new double[batch * layer.outDim()];
        for (int b = 0; b < batch; b++) {
            for (int a = 0; a < gr; a++) {
                for (int c = 0; c < gc; c++) {
                    int t = a * gc + c;
                    RealizedSvdTile tile = layer.realizedTile(t);
                    double[] re = new double[n];
                    double[] im = new double[n];
                    for (int j = 0; j < n && c * n + j < layer.inDim(); j++) {
                        re[j] = x[b * layer.inDim() + c * n + j];
                    }
                    propagate(tile.v(), re, im);
                    for (int i = 0; i < n; i++) {
                        double r = re[i];
                        re[i] = tile.attenuatorRe()[i] * r - tile.attenuatorIm()[i] * im[i];
                        im[i] = tile.attenuatorRe()[i] * im[i] + tile.attenuatorIm()[i] * r;
                    }
                    propagate(tile.u(), re, im);
                    for (int i = 0; i < n && a * n + i < layer.outDim(); i++) {
                        y[b * layer.outDim() + a * n + i] += layer.tileScale(t) * layer.tileGain(t) * re[i];
                    }
                }
            }
        }
        return y;
    }
}
