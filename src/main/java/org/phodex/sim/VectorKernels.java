package org.phodex.sim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link Kernels#multiply}; loaded only when {@code jdk.incubator.vector} is. Register
 * blocking: a dense block of 4 input rows keeps 4 x 4 vector accumulators (16 fmas per 4 loads of wt); a sparse
 * row keeps up to 8 vector accumulators and visits only its nonzero inputs.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    static int lanes() {
        return L;
    }

    static int bits() {
        return S.vectorBitSize();
    }

    /**
     * Runs {@code iterations} x 12 independent vector fmas held in registers (no memory traffic: 12 chains cover
     * the fma latency of 4 to 5 cycles on two pipes) and returns a value that depends on all of them.
     */
    static double fmaProbe(long iterations) {
        DoubleVector m = DoubleVector.broadcast(S, 0.999999);
        DoubleVector c = DoubleVector.broadcast(S, 1e-6);
        DoubleVector a0 = DoubleVector.broadcast(S, 0.5), a1 = a0.add(0.01), a2 = a0.add(0.02), a3 = a0.add(0.03);
        DoubleVector a4 = a0.add(0.04), a5 = a0.add(0.05), a6 = a0.add(0.06), a7 = a0.add(0.07);
        DoubleVector a8 = a0.add(0.08), a9 = a0.add(0.09), a10 = a0.add(0.1), a11 = a0.add(0.11);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;

    /**
     * {@code steps} xoshiro256++ steps of the 8 lanes of {@link NormalStream}: state {@code st[w * 8 + l]}, word of
     * step s and lane l into {@code words[s * 8 + l]}; false (nothing done) if the vector width does not divide 8 lanes.
     */
    static boolean xoshiroWords(long[] st, long[] words, int steps) {
        int ll = LS.length();
        if (ll > NormalStream.LANES || NormalStream.LANES % ll != 0) {
            return false;
        }
        int n = NormalStream.LANES;
        for (int g = 0; g < n; g += ll) {
            LongVector s0 = LongVector.fromArray(LS, st, g);
            LongVector s1 = LongVector.fromArray(LS, st, n + g);
            LongVector s2 = LongVector.fromArray(LS, st, 2 * n + g);
            LongVector s3 = LongVector.fromArray(LS, st, 3 * n + g);
            for (int s = 0; s < steps; s++) {
                rotl(s0.add(s3), 23).add(s0).intoArray(words, s * n + g);
                LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                s2 = s2.lanewise(VectorOperators.XOR, s0);
                s3 = s3.lanewise(VectorOperators.XOR, s1);
                s1 = s1.lanewise(VectorOperators.XOR, s2);
                s0 = s0.lanewise(VectorOperators.XOR, s3);
                s2 = s2.lanewise(VectorOperators.XOR, t);
                s3 = rotl(s3, 45);
            }
            s0.intoArray(st, g);
            s1.intoArray(st, n + g);
            s2.intoArray(st, 2 * n + g);
            s3.intoArray(st, 3 * n + g);
        }
        return true;
    }

    private static LongVector rotl(LongVector x, int k) {
        return x.lanewise(VectorOperators.LSHL, k).or(x.lanewise(VectorOperators.LSHR, 64 - k));
    }

    /** 1.5 x 2^52: (t + M) - M rounds |t| <= 2^51 to the nearest integer, ties to even, as Math.rint does. */
    private static final double RINT_MAGIC = 0x1.8p52;
    private static final long SIGN = 0x8000_0000_0000_0000L;

    /**
     * Math.rint lane by lane, bit for bit: the magic-number rounding gives +0 where rint gives -0 (t in (-0.5, 0]),
     * so t's sign bit is put back (rint keeps the sign of its argument).
     */
    private static DoubleVector rint(DoubleVector t) {
        DoubleVector r = t.add(RINT_MAGIC).sub(RINT_MAGIC);
        LongVector sign = t.reinterpretAsLongs().and(SIGN);
        return r.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
    }

    /** max |x[off .. off + n)| (an exact reduction: any order gives the same value). */
    static double maxAbs(double[] x, int off, int n) {
        int j = 0;
        DoubleVector m = DoubleVector.zero(S);
        for (; j + L <= n; j += L) {
            m = m.max(DoubleVector.fromArray(S, x, off + j).abs());
        }
        double max = m.reduceLanes(VectorOperators.MAX);
        for (; j < n; j++) {
            max = Math.max(max, Math.abs(x[off + j]));
        }
        return max;
    }

    /**
     * See {@link Kernels#maxAbs(double[], int, int, int, int)}, for n a positive multiple of L: one flat loop over
     * all rows' vectors into one vector maximum (a single control path, so the accumulator stays in a register on
     * JDK 17), one reduction at the end.
     */
    static double maxAbs(double[] x, int off, int ld, int rows, int n) {
        DoubleVector m = DoubleVector.zero(S);
        int o = off;
        int j = 0;
        for (int v = rows * (n / L); v > 0; v--) {
            m = m.max(DoubleVector.fromArray(S, x, o + j).abs());
            j += L;
            if (j == n) {
                j = 0;
                o += ld;
            }
        }
        return m.reduceLanes(VectorOperators.MAX);
    }

    /** See {@link Kernels#quantize}; step > 0, |fullScale / step| <= 2^51. */
    static void quantize(double[] x, int xo, int n, double scale, double fullScale, double step, double invStep,
            double[] out, int oo) {
        int j = 0;
        DoubleVector lo = DoubleVector.broadcast(S, -fullScale);
        DoubleVector hi = DoubleVector.broadcast(S, fullScale);
        for (; j + L <= n; j += L) {
            DoubleVector c = DoubleVector.fromArray(S, x, xo + j).mul(scale).min(hi).max(lo);
            rint(c.mul(invStep)).mul(step).intoArray(out, oo + j);
        }
        for (; j < n; j++) {
            double c = Math.max(-fullScale, Math.min(fullScale, x[xo + j] * scale));
            out[oo + j] = Math.rint(c * invStep) * step;
        }
    }

    /** See {@link Kernels#adcAccumulate}; step > 0, |fullScale / step| <= 2^51. */
    static void adcAccumulate(double[] y, int yo, double[] z, double sigma, double fullScale, double step,
            double invStep, double gain, double[] out, int oo, int n) {
        int i = 0;
        DoubleVector lo = DoubleVector.broadcast(S, -fullScale);
        DoubleVector hi = DoubleVector.broadcast(S, fullScale);
        for (; i + L <= n; i += L) {
            // y + sigma z as two roundings (mul, then add), as the scalar expression is evaluated
            DoubleVector v = DoubleVector.fromArray(S, z, i).mul(sigma).add(DoubleVector.fromArray(S, y, yo + i));
            DoubleVector q = rint(v.min(hi).max(lo).mul(invStep)).mul(step);
            q.mul(gain).add(DoubleVector.fromArray(S, out, oo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double c = Math.max(-fullScale, Math.min(fullScale, y[yo + i] + sigma * z[i]));
            out[oo + i] += gain * (Math.rint(c * invStep) * step);
        }
    }

    static void multiply(double[] x, int xOff, int batch, int k, double[] wt, int ldw, int col0, int width,
            double[] y, int[] nz) {
        multiply(x, xOff, batch, k, wt, ldw, col0, width, y, nz, null, 0);
    }

    /**
     * {@link Kernels#multiply}; with {@code nzCount != null} row b's nonzero inputs are given: their count is
     * {@code nzCount[countOff + b]} and their indices (ascending) {@code nz[xOff + b * k ..]}, laid out as x, so no
     * row is scanned for zeros; otherwise nz is scratch of k ints.
     */
    static void multiply(double[] x, int xOff, int batch, int k, double[] wt, int ldw, int col0, int width,
            double[] y, int[] nz, int[] nzCount, int countOff) {
        int vecEnd = width - width % L;
        int b = 0;
        for (; b + 4 <= batch; b += 4) {
            int xo = xOff + b * k;
            int nnz = 0;
            int cols = 0;
            if (nzCount != null) {
                for (int r = 0; r < 4; r++) {
                    nnz += nzCount[countOff + b + r];
                }
                cols = k;
            } else {
                for (int j = 0; j < k; j++) {
                    int c = (x[xo + j] != 0 ? 1 : 0) + (x[xo + k + j] != 0 ? 1 : 0)
                            + (x[xo + 2 * k + j] != 0 ? 1 : 0) + (x[xo + 3 * k + j] != 0 ? 1 : 0);
                    nnz += c;
                    cols += c > 0 ? 1 : 0;
                }
            }
            // a sparse row costs about twice a dense block's fma per input (half the accumulators)
            if (2 * nnz < 4 * cols) {
                for (int r = 0; r < 4; r++) {
                    sparseRow(x, xOff + (b + r) * k, k, wt, ldw, col0, width, vecEnd, y, (b + r) * width, nz,
                            nzCount, countOff + b + r);
                }
            } else {
                block4(x, xo, k, wt, ldw, col0, width, vecEnd, y, b * width);
            }
        }
        for (; b < batch; b++) {
            sparseRow(x, xOff + b * k, k, wt, ldw, col0, width, vecEnd, y, b * width, nz, nzCount, countOff + b);
        }
    }

    /** One row over its nonzero inputs: given (nzCount != null) or found here into nz. */
    private static void sparseRow(double[] x, int xo, int k, double[] wt, int ldw, int col0, int width, int vecEnd,
            double[] y, int yo, int[] nz, int[] nzCount, int row) {
        if (nzCount != null) {
            row(x, xo, wt, ldw, col0, width, vecEnd, y, yo, nz, xo, nzCount[row]);
            return;
        }
        int n = 0;
        for (int j = 0; j < k; j++) {
            if (x[xo + j] != 0) {
                nz[n++] = j;
            }
        }
        row(x, xo, wt, ldw, col0, width, vecEnd, y, yo, nz, 0, n);
    }

    /**
     * Four rows at once over every j (a zero input adds an exact 0). No branch in the loop: on JDK 17 a vector
     * accumulator merged from two control paths is boxed, which costs more than the skipped fmas save.
     */
    private static void block4(double[] x, int xo, int k, double[] wt, int ldw, int col0, int width, int vecEnd,
            double[] y, int yo) {
        int c = 0;
        for (; c + 4 * L <= vecEnd; c += 4 * L) {
            DoubleVector a00 = DoubleVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
            DoubleVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
            DoubleVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
            DoubleVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
            for (int j = 0; j < k; j++) {
                double x0 = x[xo + j], x1 = x[xo + k + j], x2 = x[xo + 2 * k + j], x3 = x[xo + 3 * k + j];
                int w = j * ldw + col0 + c;
                DoubleVector w0 = DoubleVector.fromArray(S, wt, w);
                DoubleVector w1 = DoubleVector.fromArray(S, wt, w + L);
                DoubleVector w2 = DoubleVector.fromArray(S, wt, w + 2 * L);
                DoubleVector w3 = DoubleVector.fromArray(S, wt, w + 3 * L);
                DoubleVector v0 = DoubleVector.broadcast(S, x0);
                a00 = w0.fma(v0, a00);
                a01 = w1.fma(v0, a01);
                a02 = w2.fma(v0, a02);
                a03 = w3.fma(v0, a03);
                DoubleVector v1 = DoubleVector.broadcast(S, x1);
                a10 = w0.fma(v1, a10);
                a11 = w1.fma(v1, a11);
                a12 = w2.fma(v1, a12);
                a13 = w3.fma(v1, a13);
                DoubleVector v2 = DoubleVector.broadcast(S, x2);
                a20 = w0.fma(v2, a20);
                a21 = w1.fma(v2, a21);
                a22 = w2.fma(v2, a22);
                a23 = w3.fma(v2, a23);
                DoubleVector v3 = DoubleVector.broadcast(S, x3);
                a30 = w0.fma(v3, a30);
                a31 = w1.fma(v3, a31);
                a32 = w2.fma(v3, a32);
                a33 = w3.fma(v3, a33);
            }
            int o = yo + c;
            a00.intoArray(y, o);
            a01.intoArray(y, o + L);
            a02.intoArray(y, o + 2 * L);
            a03.intoArray(y, o + 3 * L);
            o += width;
            a10.intoArray(y, o);
            a11.intoArray(y, o + L);
            a12.intoArray(y, o + 2 * L);
            a13.intoArray(y, o + 3 * L);
            o += width;
            a20.intoArray(y, o);
            a21.intoArray(y, o + L);
            a22.intoArray(y, o + 2 * L);
            a23.intoArray(y, o + 3 * L);
            o += width;
            a30.intoArray(y, o);
            a31.intoArray(y, o + L);
            a32.intoArray(y, o + 2 * L);
            a33.intoArray(y, o + 3 * L);
        }
        for (; c < vecEnd; c += L) {
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int j = 0; j < k; j++) {
                double x0 = x[xo + j], x1 = x[xo + k + j], x2 = x[xo + 2 * k + j], x3 = x[xo + 3 * k + j];
                DoubleVector w0 = DoubleVector.fromArray(S, wt, j * ldw + col0 + c);
                a0 = w0.fma(DoubleVector.broadcast(S, x0), a0);
                a1 = w0.fma(DoubleVector.broadcast(S, x1), a1);
                a2 = w0.fma(DoubleVector.broadcast(S, x2), a2);
                a3 = w0.fma(DoubleVector.broadcast(S, x3), a3);
            }
            a0.intoArray(y, yo + c);
            a1.intoArray(y, yo + width + c);
            a2.intoArray(y, yo + 2 * width + c);
            a3.intoArray(y, yo + 3 * width + c);
        }
        if (vecEnd < width) {
            for (int r = 0; r < 4; r++) {
                Kernels.rowTail(x, xo + r * k, k, wt, ldw, col0, vecEnd, width, y, yo + r * width);
            }
        }
    }

    /** One row over its n nonzero inputs, whose indices are nz[no .. no + n). */
    private static void row(double[] x, int xo, double[] wt, int ldw, int col0, int width, int vecEnd, double[] y,
            int yo, int[] nz, int no, int n) {
        int c = 0;
        for (; c + 8 * L <= vecEnd; c += 8 * L) {
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int p = 0; p < n; p++) {
                int j = nz[no + p];
                DoubleVector v = DoubleVector.broadcast(S, x[xo + j]);
                int w = j * ldw + col0 + c;
                a0 = DoubleVector.fromArray(S, wt, w).fma(v, a0);
                a1 = DoubleVector.fromArray(S, wt, w + L).fma(v, a1);
                a2 = DoubleVector.fromArray(S, wt, w + 2 * L).fma(v, a2);
                a3 = DoubleVector.fromArray(S, wt, w + 3 * L).fma(v, a3);
                a4 = DoubleVector.fromArray(S, wt, w + 4 * L).fma(v, a4);
                a5 = DoubleVector.fromArray(S, wt, w + 5 * L).fma(v, a5);
                a6 = DoubleVector.fromArray(S, wt, w + 6 * L).fma(v, a6);
                a7 = DoubleVector.fromArray(S, wt, w + 7 * L).fma(v, a7);
            }
            int o = yo + c;
            a0.intoArray(y, o);
            a1.intoArray(y, o + L);
            a2.intoArray(y, o + 2 * L);
            a3.intoArray(y, o + 3 * L);
            a4.intoArray(y, o + 4 * L);
            a5.intoArray(y, o + 5 * L);
            a6.intoArray(y, o + 6 * L);
            a7.intoArray(y, o + 7 * L);
        }
        for (; c + 4 * L <= vecEnd; c += 4 * L) {
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int p = 0; p < n; p++) {
                int j = nz[no + p];
                DoubleVector v = DoubleVector.broadcast(S, x[xo + j]);
                int w = j * ldw + col0 + c;
                a0 = DoubleVector.fromArray(S, wt, w).fma(v, a0);
                a1 = DoubleVector.fromArray(S, wt, w + L).fma(v, a1);
                a2 = DoubleVector.fromArray(S, wt, w + 2 * L).fma(v, a2);
                a3 = DoubleVector.fromArray(S, wt, w + 3 * L).fma(v, a3);
            }
            int o = yo + c;
            a0.intoArray(y, o);
            a1.intoArray(y, o + L);
            a2.intoArray(y, o + 2 * L);
            a3.intoArray(y, o + 3 * L);
        }
        for (; c < vecEnd; c += L) {
            DoubleVector a0 = DoubleVector.zero(S);
            for (int p = 0; p < n; p++) {
                int j = nz[no + p];
                a0 = DoubleVector.fromArray(S, wt, j * ldw + col0 + c).fma(DoubleVector.broadcast(S, x[xo + j]), a0);
            }
            a0.intoArray(y, yo + c);
        }
        for (; c < width; c++) {
            double acc = 0;
            for (int p = 0; p < n; p++) {
                int j = nz[no + p];
                acc = Math.fma(x[xo + j], wt[j * ldw + col0 + c], acc);
            }
            y[yo + c] = acc;
        }
    }
}
