package org.phodex.photonics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link Mzi#rotateRows}; loaded only when {@code jdk.incubator.vector} is. Every lane
 * computes the scalar loop's expression with the same operations in the same order (no fma), so the results are
 * the same bits.
 */
final class VectorRows {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorRows() {
    }

    /** Columns [0, end) of the rotation, end the largest multiple of the vector length; returns end. */
    static int rotateRows(double[] re, double[] im, int oa, int ob, int n, double t00r, double t00i, double t01r,
            double t01i, double t10r, double t10i, double t11r, double t11i) {
        int end = n - n % L;
        for (int j = 0; j < end; j += L) {
            DoubleVector xr = DoubleVector.fromArray(S, re, oa + j);
            DoubleVector xi = DoubleVector.fromArray(S, im, oa + j);
            DoubleVector yr = DoubleVector.fromArray(S, re, ob + j);
            DoubleVector yi = DoubleVector.fromArray(S, im, ob + j);
            // t00r * xr - t00i * xi + t01r * yr - t01i * yi, left to right; likewise the others
            xr.mul(t00r).sub(xi.mul(t00i)).add(yr.mul(t01r)).sub(yi.mul(t01i)).intoArray(re, oa + j);
            xi.mul(t00r).add(xr.mul(t00i)).add(yi.mul(t01r)).add(yr.mul(t01i)).intoArray(im, oa + j);
            xr.mul(t10r).sub(xi.mul(t10i)).add(yr.mul(t11r)).sub(yi.mul(t11i)).intoArray(re, ob + j);
            xi.mul(t10r).add(xr.mul(t10i)).add(yi.mul(t11r)).add(yr.mul(t11i)).intoArray(im, ob + j);
        }
        return end;
    }
}
