package org.phodex.sim;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.phodex.photonics.ComplexMatrix;
import org.phodex.photonics.Mesh;
import org.phodex.photonics.MeshDecomposition;
import org.phodex.photonics.RandomMatrices;
import org.phodex.photonics.RealizedMesh;
import org.phodex.photonics.StaticErrors;
import org.phodex.photonics.ZigguratRandom;

/**
 * JMH benchmarks of the simulator's hot paths (profile {@code jmh}, see pom.xml): the batched product, the input
 * DAC, the fused noise + ADC + accumulate, a realized mesh build, the noise generator, and one 784 x 128 layer
 * (program + apply, everything on) on 2,000 sparse inputs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class SimBenchmarks {
    @Param({"32", "64"})
    int k;

    double[] x;
    double[] w;
    double[] y;
    int[] nz;
    Mesh mesh;
    double[] layerW;
    double[] layerX;
    SimSettings settings;
    long seed;
    double[] dacOut;
    double[] noise;
    double[] acc;
    int[] nzIndex;
    int[] nzCount;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        x = new double[2000 * k];
        w = new double[k * 128];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        y = new double[2000 * 128];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        acc = new double[2000 * 128];
        noise = new double[128];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextGaussian();
        }
        nz = new int[k];
        mesh = MeshDecomposition.clements(ComplexMatrix.ofReal(RandomMatrices.orthogonal(k, r), k, k));
        layerW = new double[128 * 784];
        for (int i = 0; i < layerW.length; i++) {
            layerW[i] = r.nextGaussian() * 0.05;
        }
        layerX = new double[2000 * 784];
        dacOut = new double[2000 * 784];
        for (int i = 0; i < layerX.length; i++) {
            layerX[i] = r.nextDouble() < 0.8 ? 0 : r.nextDouble(); // MNIST-like: 80% zero pixels
        }
        nzIndex = new int[layerX.length];
        nzCount = new int[layerX.length / k + 1];
        for (int o = 0; o + k <= 2000 * k; o += k) {
            nzCount[o / k] = Kernels.nonzeros(layerX, o, k, nzIndex, o);
        }
        settings = SimSettings.ideal(TileRealization.mesh(org.phodex.photonics.MeshProgrammer.clements()), k, k).withStaticErrors(new org.phodex.photonics.StaticErrors(8, 0.005, 0.002, 0.2, 0.05, 0))
                .withConverters(6, 6).withReceivedPower(4.3e-5);
        PhotonicLayer.program(layerW, 128, 784, settings, 0); // fill the SVD cache, as across chips
    }

    /** Dense 2000 x k times k x 128, one thread. */
    @Benchmark
    public double[] product() {
        Kernels.multiply(x, 0, 2000, k, w, 128, 0, 128, y, nz);
        return y;
    }

    /** The input DAC over 2,000 MNIST-like rows of 784 (full scale per k-input slice, then the 6-bit code). */
    @Benchmark
    public double[] dac() {
        org.phodex.photonics.Quantizer.Signed q = org.phodex.photonics.Quantizer.Signed.of(1, 6);
        for (int b = 0; b < 2000; b++) {
            for (int c0 = 0; c0 + k <= 784; c0 += k) {
                int o = b * 784 + c0;
                double max = Kernels.maxAbs(layerX, o, k);
                Kernels.quantize(layerX, o, k, max > 0 ? 1 / max : 0, q, dacOut, o);
            }
        }
        return dacOut;
    }

    /** Noise, 6-bit ADC and accumulate of 2,000 x 128 outputs (noise drawn beforehand; the fused kernel alone). */
    @Benchmark
    public double[] adcAccumulate() {
        org.phodex.photonics.Quantizer.Signed adc = org.phodex.photonics.Quantizer.Signed.of(3, 6);
        for (int b = 0; b < 2000; b++) {
            Kernels.adcAccumulate(y, b * 128, noise, 0.013, adc, 0.7, acc, b * 128, 128);
        }
        return acc;
    }

    /** One realized n = k Clements mesh (errors sampled, multiplied out). */
    @Benchmark
    public ComplexMatrix meshBuild() {
        return RealizedMesh.sample(mesh, new StaticErrors(8, 0.005, 0.002, 0.2, 0.05, 0), new ZigguratRandom(seed++))
                .transfer();
    }

    /** 1,000 normal samples. */
    @Benchmark
    public void gaussians(Blackhole bh) {
        ZigguratRandom r = new ZigguratRandom(seed++);
        for (int i = 0; i < 1000; i++) {
            bh.consume(r.nextGaussian());
        }
    }

    /** 1,024 normals in rows of 32 by the old scalar generator (the same draws as {@link #gaussians}, filled). */
    @Benchmark
    public double[] fillGaussian() {
        ZigguratRandom r = new ZigguratRandom(seed++);
        for (int i = 0; i < 1024; i += 32) {
            r.fillGaussian(noise, 0, 32);
        }
        return noise;
    }

    /** 1,024 normals in rows of 32 by the detector-noise stream (vector lanes + ziggurat). */
    @Benchmark
    public double[] normalStream() {
        NormalStream r = new NormalStream(seed++);
        for (int i = 0; i < 1024; i += 32) {
            r.fill(noise, 0, 32);
        }
        return noise;
    }

    /** The nonzero lists of 2,000 MNIST-like rows of 784, one per k-input slice (what the DAC phase adds). */
    @Benchmark
    public int[] nonzeros() {
        for (int o = 0; o + k <= layerX.length; o += k) {
            nzCount[o / k] = Kernels.nonzeros(layerX, o, k, nzIndex, o);
        }
        return nzIndex;
    }

    /** 2,000 MNIST-like (80% zero) rows of k times k x 128, nonzeros scanned by the kernel. */
    @Benchmark
    public double[] sparseProduct() {
        Kernels.multiply(layerX, 0, 2000, k, w, 128, 0, 128, y, nz);
        return y;
    }

    /** {@link #sparseProduct} with the rows' nonzeros given (found once, as the layer does in its DAC phase). */
    @Benchmark
    public double[] sparseProductGivenNonzeros() {
        Kernels.multiply(layerX, 0, 2000, k, w, 128, 0, 128, y, nzIndex, nzCount, 0);
        return y;
    }

    /** A 784 x 128 layer on k x k tiles: program a new chip, run 2,000 MNIST-like inputs with noise and ADC. */
    @Benchmark
    public double[] layer() {
        long s = seed++;
        return PhotonicLayer.program(layerW, 128, 784, settings, s).apply(layerX, 2000, s);
    }
}
