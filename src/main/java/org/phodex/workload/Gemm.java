package org.phodex.workload;

/**
 * One matrix multiply of a workload, per inference: {@code rows} input vectors of length {@code inner}
 * multiplied by an {@code outputs x inner} matrix, repeated {@code count} times with different matrices
 * (e.g. 3 for Q, K and V, 12 for the heads of an attention product).
 *
 * @param name    label shown in reports, e.g. {@code layer2.conv1} or {@code attention_scores}
 * @param rows    M: input vectors per inference (1 for an MLP layer, output pixels for a convolution,
 *                sequence length for a transformer)
 * @param inner   K: length of each input vector (the dot-product length)
 * @param outputs N: outputs per input vector
 * @param count   how many such products per inference
 */
public record Gemm(String name, long rows, int inner, int outputs, int count) {

    public Gemm {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a GEMM needs a name");
        }
        if (rows < 1 || inner < 1 || outputs < 1 || count < 1) {
            throw new IllegalArgumentException("GEMM " + name + ": rows, inner, outputs and count must be >= 1");
        }
    }

    /** Multiply-accumulates per inference: rows x inner x outputs x count. */
    public long macs() {
        return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(rows, (long) inner), (long) outputs),
                (long) count);
    }
}
