package org.phodex.workload;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.math3.special.Erf;

/** A workload read from YAML: its GEMMs, their operand statistics, and optionally a network. */
final class SpecWorkload implements Workload {
    static final int DEFAULT_ROWS = 64;
    static final int DEFAULT_INNER = 256;
    static final int DEFAULT_OUTPUTS = 256;

    private final String name;
    private final String description;
    private final String citation;
    private final Path file;
    private final List<Gemm> gemms;
    private final List<Operands> operands;
    private final Network network;
    private final DeepNetwork deep;
    private final long macs;

    SpecWorkload(String name, String description, String citation, Path file, List<Gemm> gemms,
                 List<Operands> operands, Network network, DeepNetwork deep) {
        if (gemms.size() != operands.size() || gemms.isEmpty()) {
            throw new IllegalArgumentException("gemms and operands differ in length");
        }
        this.name = name;
        this.description = description;
        this.citation = citation;
        this.file = file;
        this.gemms = List.copyOf(gemms);
        this.operands = List.copyOf(operands);
        this.network = network;
        this.deep = deep;
        long m = 0;
        for (Gemm g : gemms) {
            m = Math.addExact(m, g.macs());
        }
        this.macs = m;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String citation() {
        return citation;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<Gemm> gemms() {
        return gemms;
    }

    @Override
    public long macsPerInference() {
        return macs;
    }

    @Override
    public Optional<Network> network() {
        return Optional.ofNullable(network);
    }

    @Override
    public Optional<DeepNetwork> model() {
        return Optional.ofNullable(deep);
    }

    @Override
    public Operands operands(int gemmIndex) {
        return operands.get(gemmIndex);
    }

    @Override
    public GemmBlock sampleBlock(int gemmIndex, long seed) {
        return sampleBlock(gemmIndex, seed, DEFAULT_ROWS, DEFAULT_INNER, DEFAULT_OUTPUTS);
    }

    @Override
    public GemmBlock sampleBlock(int gemmIndex, long seed, int maxRows, int maxInner, int maxOutputs) {
        if (maxRows < 1 || maxInner < 1 || maxOutputs < 1) {
            throw new IllegalArgumentException("block limits must be >= 1");
        }
        Gemm g = gemms.get(gemmIndex);
        Operands op = operands.get(gemmIndex);
        Random rnd = new Random(mix(seed, gemmIndex));
        int k = Math.min(maxInner, g.inner());
        int n = Math.min(maxOutputs, g.outputs());
        if (op.weights() == Operands.WeightDist.TRAINED && network != null) {
            return networkBlock(gemmIndex, g, rnd, maxRows, k, n);
        }
        int r = (int) Math.min(maxRows, g.rows());
        double[] w = new double[n * k];
        double std = switch (op.weights()) {
            // a CNN/ViT's trained weights (blocks of those come from org.phodex.train): Kaiming-like scale
            case KAIMING_NORMAL, TRAINED -> Math.sqrt(2.0 / g.inner()); // fan-in of the full GEMM
            case NORMAL -> op.weightStd();
            default -> 1.0;
        };
        for (int i = 0; i < w.length; i++) {
            w[i] = std * rnd.nextGaussian();
        }
        double[] x = new double[r * k];
        switch (op.inputs()) {
            case NORMAL -> {
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextGaussian();
                }
            }
            case RELU_NORMAL -> {
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.max(0.0, rnd.nextGaussian());
                }
            }
            case GELU -> {
                for (int i = 0; i < x.length; i++) {
                    double z = rnd.nextGaussian();
                    x[i] = 0.5 * z * (1 + Erf.erf(z / Math.sqrt(2))); // GELU, Hendrycks and Gimpel 2016
                }
            }
            case SOFTMAX -> {
                double[] row = new double[g.inner()];
                for (int s = 0; s < r; s++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rnd.nextGaussian();
                        max = Math.max(max, row[i]);
                    }
                    double sum = 0;
                    for (int i = 0; i < row.length; i++) {
                        row[i] = StrictMath.exp(row[i] - max);
                        sum += row[i];
                    }
                    for (int i = 0; i < k; i++) {
                        x[s * k + i] = row[i] / sum;
                    }
                }
            }
            case DATA -> {
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextDouble(); // images scaled to [0, 1]
                }
            }
            default -> throw new IllegalStateException("inputs " + op.inputs() + " need a network");
        }
        return new GemmBlock(g, r, k, n, w, x);
    }

    private GemmBlock networkBlock(int layerIndex, Gemm g, Random rnd, int maxRows, int k, int n) {
        Layer layer = network.layers().get(layerIndex);
        int r = network.subset(maxRows);
        double[] in = network.layerInputs(r).get(layerIndex);
        int[] cols = pick(rnd, layer.inDim(), k);
        int[] outs = pick(rnd, layer.outDim(), n);
        double[] w = new double[n * k];
        double[] lw = layer.w();
        for (int o = 0; o < n; o++) {
            for (int i = 0; i < k; i++) {
                w[o * k + i] = lw[outs[o] * layer.inDim() + cols[i]];
            }
        }
        double[] x = new double[r * k];
        for (int s = 0; s < r; s++) {
            for (int i = 0; i < k; i++) {
                x[s * k + i] = in[s * layer.inDim() + cols[i]];
            }
        }
        return new GemmBlock(g, r, k, n, w, x);
    }

    /** {@code count} distinct indices of 0..size-1, sorted (all of them when count == size). */
    private static int[] pick(Random rnd, int size, int count) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, count);
        Arrays.sort(out);
        return out;
    }

    /** SplitMix64 finalizer of seed and index: independent streams per GEMM. */
    static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return name + " (" + file + ")";
    }
}
