package org.phodex.workload;

/** One matrix product of a workload: rows x inner times inner x outputs, repeated count times per inference. */
public record Gemm(String name, long rows, int inner, int outputs, int count) {
    public long macs() {
        return rows * (long) inner * outputs * count;
    }
}
