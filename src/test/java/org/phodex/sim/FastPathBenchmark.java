package org.phodex.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.phodex.photonics.DetectorNoise;
import org.phodex.photonics.DetectorParams;

/**
 * Timing helper, not a test: run with
 * {@code mvn -o -q test -Dtest=FastPathBenchmark -Dphodex.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the fast path against the per-MZI reference on a 784 x 128 layer with 1,000 inputs (32 x 32 Clements
 * tiles, static errors on, noise off), and the time of a 784-128-10 MLP on 2,000 inputs with everything on.
 */
@EnabledIfSystemProperty(named = "phodex.bench", matches = "true")
class FastPathBenchmark {

    @Test
    void speedUpOverPerMziPropagation() {
        int in = 784;
        int out = 128;
        int batch = 1000;
        double[] w = SimTestSupport.gaussian(in * out, 1);
        double[] x = SimTestSupport.gaussian(batch * in, 2);
        SimSettings s = SimSettings.ideal(TileRealization.mesh(org.phodex.photonics.MeshProgrammer.clements()), 32, 32).withStaticErrors(new org.phodex.photonics.StaticErrors(8, 0.01, 0.01, 0.2, 0.02, 0.005));
        PhotonicLayer.program(w, out, in, s, 0); // fill the SVD/decomposition cache, as across chip samples
        double best = Double.POSITIVE_INFINITY;
        double bestProgram = Double.POSITIVE_INFINITY;
        PhotonicLayer layer = null;
        double[] fast = null;
        for (int rep = 0; rep < 8; rep++) {
            long t0 = System.nanoTime();
            layer = PhotonicLayer.program(w, out, in, s, rep);
            long t1 = System.nanoTime();
            fast = layer.apply(x, batch, rep);
            long t2 = System.nanoTime();
            best = Math.min(best, (t2 - t0) / 1e6);
            bestProgram = Math.min(bestProgram, (t1 - t0) / 1e6);
        }
        long r0 = System.nanoTime();
        double[] slow = SimTestSupport.perMziReference(layer, x, batch);
        double slowMs = (System.nanoTime() - r0) / 1e6;
        double diff = 0;
        for (int i = 0; i < slow.length; i++) {
            diff = Math.max(diff, Math.abs(slow[i] - fast[i]));
        }
        System.out.printf("784x128, 1000 inputs, 32x32 Clements: fast %.1f ms (program %.1f ms of it), "
                + "per-MZI reference %.0f ms, speed-up %.0fx, max diff %.2e%n", best, bestProgram, slowMs,
                slowMs / best, diff);
    }

    @Test
    void mlpWithEverythingOn() {
        int batch = 2000;
        double[] w1 = SimTestSupport.gaussian(128 * 784, 3);
        double[] w2 = SimTestSupport.gaussian(10 * 128, 4);
        double[] x = SimTestSupport.gaussian(batch * 784, 5);
        double p = DetectorNoise.minReceivedPowerW(DetectorNoise.requiredSnrDb(8), DetectorParams.typical());
        SimSettings s = SimSettings.ideal(TileRealization.mesh(org.phodex.photonics.MeshProgrammer.clements()), 32, 32).withStaticErrors(new org.phodex.photonics.StaticErrors(8, 0.01, 0.01, 0.2, 0.02, 0.005))
                .withConverters(8, 8).withReceivedPower(p);
        PhotonicLayer.program(w1, 128, 784, s, 0);
        PhotonicLayer.program(w2, 10, 128, s, 0);
        double best = Double.POSITIVE_INFINITY;
        double bestProg = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 10; rep++) {
            long t0 = System.nanoTime();
            PhotonicLayer l1 = PhotonicLayer.program(w1, 128, 784, s, rep);
            PhotonicLayer l2 = PhotonicLayer.program(w2, 10, 128, s, rep);
            long t1 = System.nanoTime();
            double[] h = l1.apply(x, batch, rep);
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.max(0, h[i]);
            }
            l2.apply(h, batch, rep + 1000);
            long t2 = System.nanoTime();
            best = Math.min(best, (t2 - t0) / 1e6);
            bestProg = Math.min(bestProg, (t1 - t0) / 1e6);
        }
        System.out.printf("MLP 784-128-10, 2000 inputs, 32x32 Clements, all on: %.1f ms (program %.1f ms)%n",
                best, bestProg);
    }

    @Test
    void fitErrorsAndFitTime() {
        for (int n : new int[] {16, 32}) {
            org.phodex.photonics.ComplexMatrix u = org.phodex.photonics.ComplexMatrix.ofReal(
                    org.phodex.photonics.RandomMatrices.orthogonal(n, new java.util.SplittableRandom(n)), n, n);
            for (int k = 1; k <= 4; k++) {
                long t0 = System.nanoTime();
                double e = org.phodex.photonics.MeshProgrammer.butterfly(k).program(u).relativeError();
                System.out.printf("N=%d butterfly %d stacks: fit error %.3f (%.0f ms)%n", n, k, e,
                        (System.nanoTime() - t0) / 1e6);
            }
            for (int l : new int[] {n / 4, n / 2, 3 * n / 4, n}) {
                long t0 = System.nanoTime();
                double e = org.phodex.photonics.MeshProgrammer.truncated(l).program(u).relativeError();
                System.out.printf("N=%d truncated %d columns: fit error %.3g (%.0f ms)%n", n, l, e,
                        (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
