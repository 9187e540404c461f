package org.phodex.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phodex.arch.Family;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.workload.Gemm;

/**
 * Memory traffic of the weight-stationary dataflow (docs/physics.md, memory hierarchy), per inference, in words of
 * each level. A GEMM with M input vectors, inner size K and N outputs on r x c tiles has cb = ceil(K/c) column and
 * rb = ceil(N/r) row blocks.
 *
 * <ul>
 *   <li><b>Schedule.</b> When every static tile of the workload fits on the cores at once the network is
 *       <i>resident</i>: vectors stream through all layers and a layer's working set is one inference's
 *       activations. Otherwise layers run one after the other, each tile holding its weights while the whole batch
 *       streams through it, so a layer's working set is the batch's activations (a dynamic product, whose weights
 *       change with every inference, holds one inference's).</li>
 *   <li><b>Inputs.</b> Each input element is read from its home level (the global buffer, or DRAM when the
 *       layer's working set, inputs plus outputs, exceeds the buffer) once per row block, or, when the family
 *       broadcasts ({@link Family#broadcastsInputs}), once per round of tiles that share it
 *       (ceil(rb / cores)); every core holding a tile of the column block writes the slice into its I/O buffer
 *       and reads it once per pass.</li>
 *   <li><b>Partial sums.</b> Every tile output (per pass) is added into an accumulator: one read and one write
 *       per accumulation. When a row block's cb column blocks run at once (cb &lt;= cores) they are reduced as
 *       they come out; otherwise each tile holds its weights while the batch streams, so r partial sums per vector
 *       of the batch wait for the next column block: they stay in the accumulators when r x vectors x width fits
 *       there, else they spill to the smallest level that holds them (I/O buffer, global buffer, DRAM), one
 *       write and one read per partial sum beyond the first.</li>
 *   <li><b>Outputs</b> are read once from the accumulators into the I/O buffer and written once to their home
 *       level.</li>
 *   <li><b>Weights</b> are read once per batch: from the global buffer when all static weights fit there beside
 *       the largest working set (their one-time load from DRAM is then not charged per inference), else from DRAM.
 *       Dynamic weights (attention's activations used as weights) are read from their home level every
 *       inference.</li>
 * </ul>
 */
public final class Dataflow {

    /** Words read and written at one level per inference. */
    public record Access(double reads, double writes) {
        Access plus(double r, double w) {
            return new Access(reads + r, writes + w);
        }
    }

    /**
     * @param traffic        level -> words per inference
     * @param transferTimeS  the slowest level's time to move its words at its bandwidth, per inference
     * @param resident       true when the whole network's static tiles sit on the cores at once
     * @param weightsOnChip  true when the static weights live in the global buffer
     */
    public record Result(Map<String, Access> traffic, double transferTimeS, boolean resident, boolean weightsOnChip) {
    }

    private Dataflow() {
    }

    public static Result count(Design d, Family f, MemoryHierarchy mem, List<Gemm> gemms, boolean[] dynamicWeights,
                               boolean[] signedInputs) {
        int r = f.tileRows(d);
        int c = f.tileCols(d);
        int cores = d.getInt(Params.CORES);
        int batch = d.has(Params.BATCH) ? d.getInt(Params.BATCH) : 1;
        double actBytes = Math.ceil(f.inputBits(d) / 8.0);
        double weightBytesEach = Math.ceil(d.getInt(Params.WEIGHT_BITS) / 8.0);
        MemoryHierarchy.Level acc = mem.level(MemoryHierarchy.ACCUMULATOR);
        MemoryHierarchy.Level io = mem.level(MemoryHierarchy.IO_BUFFER);
        MemoryHierarchy.Level global = mem.level(MemoryHierarchy.GLOBAL_BUFFER);
        double accBytes = acc.wordBits() / 8.0;

        long staticTiles = 0;
        boolean anyDynamic = false;
        double staticWeightBytes = 0;
        for (int gi = 0; gi < gemms.size(); gi++) {
            Gemm g = gemms.get(gi);
            if (dynamicWeights[gi]) {
                anyDynamic = true;
            } else {
                staticTiles += ActionCounts.ceilDiv(g.inner(), c) * ActionCounts.ceilDiv(g.outputs(), r) * g.count();
                staticWeightBytes += (double) g.inner() * g.outputs() * g.count() * weightBytesEach;
            }
        }
        boolean resident = staticTiles <= cores && !anyDynamic;
        double vectorsPerInference = resident ? 1 : batch; // inferences whose activations a layer holds at once
        double largestWorkingSet = 0;
        for (int gi = 0; gi < gemms.size(); gi++) {
            largestWorkingSet = Math.max(largestWorkingSet, workingSet(gemms.get(gi), actBytes,
                    dynamicWeights[gi] ? 1 : vectorsPerInference));
        }
        boolean weightsOnChip = staticWeightBytes + largestWorkingSet <= global.capacityBytes();
        double globalForActivations = global.capacityBytes() - (weightsOnChip ? staticWeightBytes : 0);

        Map<String, Access> t = new LinkedHashMap<>();
        for (String level : mem.levels().keySet()) {
            t.put(level, new Access(0, 0));
        }
        for (int gi = 0; gi < gemms.size(); gi++) {
            Gemm g = gemms.get(gi);
            long cb = ActionCounts.ceilDiv(g.inner(), c);
            long rb = ActionCounts.ceilDiv(g.outputs(), r);
            int passes = signedInputs[gi] && f.photonic() && !f.coherent() ? 2 : 1;
            double inputs = (double) g.rows() * g.inner() * g.count();
            double outs = (double) g.rows() * g.outputs() * g.count();
            // a dynamic product's weights change with every inference, so it holds one inference at a time
            String home = workingSet(g, actBytes, dynamicWeights[gi] ? 1 : vectorsPerInference) <= globalForActivations
                    ? MemoryHierarchy.GLOBAL_BUFFER : MemoryHierarchy.DRAM;

            // inputs: home -> I/O buffer of every core holding a tile of the column block -> DAC or array
            double homeReads = f.broadcastsInputs() ? Math.ceil((double) rb / cores) : rb;
            add(t, home, inputs * actBytes * homeReads / 8, 0);
            add(t, MemoryHierarchy.IO_BUFFER, inputs * actBytes * rb * passes / 8, inputs * actBytes * rb / 8);

            // partial sums: every tile output accumulates; spill when the temporal working set does not fit
            double accumulations = outs * cb * passes;
            add(t, MemoryHierarchy.ACCUMULATOR, accumulations, accumulations);
            if (cb > 1 && cb > cores) {
                double vectors = (double) g.rows() * (dynamicWeights[gi] ? 1 : batch);
                double psumBytes = r * vectors * accBytes;
                if (psumBytes > acc.capacityBytes()) {
                    String spill = psumBytes <= io.capacityBytes() ? MemoryHierarchy.IO_BUFFER
                            : psumBytes <= globalForActivations ? MemoryHierarchy.GLOBAL_BUFFER
                            : MemoryHierarchy.DRAM;
                    double words = outs * (cb - 1) * accBytes / 8;
                    add(t, spill, words, words);
                }
            }

            // outputs: accumulator -> I/O buffer -> home, once
            add(t, MemoryHierarchy.IO_BUFFER, outs * actBytes / 8, outs * actBytes / 8);
            add(t, home, 0, outs * actBytes / 8);

            // activations used as weights: from their home level, every inference
            if (dynamicWeights[gi]) {
                add(t, home, (double) g.inner() * g.outputs() * g.count() * weightBytesEach / 8, 0);
            }
        }
        // static weights, once per batch
        add(t, weightsOnChip ? MemoryHierarchy.GLOBAL_BUFFER : MemoryHierarchy.DRAM, staticWeightBytes / 8 / batch, 0);

        double transfer = 0;
        for (Map.Entry<String, Access> e : t.entrySet()) {
            MemoryHierarchy.Level l = mem.level(e.getKey());
            double bytes = (e.getValue().reads() + e.getValue().writes()) * l.wordBits() / 8;
            transfer = Math.max(transfer, bytes / l.bandwidthBytesPerS());
        }
        return new Result(t, transfer, resident, weightsOnChip);
    }

    /** Bytes of a GEMM's inputs and outputs for {@code inferences} inferences. */
    static double workingSet(Gemm g, double actBytes, double inferences) {
        return (double) g.rows() * (g.inner() + g.outputs()) * g.count() * actBytes * inferences;
    }

    private static void add(Map<String, Access> t, String level, double reads, double writes) {
        t.put(level, t.get(level).plus(reads, writes));
    }
}
