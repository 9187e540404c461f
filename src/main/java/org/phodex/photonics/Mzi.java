package org.phodex.photonics;

/**
 * The transfer matrix of one Mach-Zehnder interferometer: external phase {@code phi} on the top input arm,
 * coupler 1, internal phase {@code theta} on the top arm, coupler 2, then an amplitude factor for its loss.
 * A coupler with amplitude ratio r is [[r, i t], [i t, r]], t = sqrt(1 - r^2); ideal r = 1/sqrt(2).
 *
 * <pre>
 * M = a B(r2) diag(e^{i theta}, 1) B(r1) diag(e^{i phi}, 1)
 *   = a [[e^{i phi}(r1 r2 e^{i theta} - t1 t2),   i (r2 t1 e^{i theta} + r1 t2)],
 *        [i e^{i phi}(r1 t2 e^{i theta} + r2 t1),  r1 r2 - t1 t2 e^{i theta}]]
 * ideal couplers: M = i e^{i theta/2} [[e^{i phi} sin(theta/2), cos(theta/2)], [e^{i phi} cos(theta/2), -sin(theta/2)]]
 * </pre>
 * (the usual MZI convention of Clements et al., Optica 3, 1460 (2016), with theta the internal phase.)
 */
public final class Mzi {
    /** Ideal 50:50 coupler amplitude ratio. */
    public static final double R_IDEAL = Math.sqrt(0.5);

    /**
     * True when {@link #rotateRows} runs its whole vectors on the Vector API ({@code jdk.incubator.vector} loaded and
     * {@code -Dphodex.vector=false} not set); the same bits either way.
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("phodex.vector"));

    private Mzi() {
    }

    /**
     * Writes the 2x2 complex transfer matrix into {@code t} as
     * {@code [re00, im00, re01, im01, re10, im10, re11, im11]}.
     *
     * @param r1 first coupler's amplitude ratio (clamped to [0, 1])
     * @param r2 second coupler's amplitude ratio (clamped to [0, 1])
     * @param amplitude field transmission (10^(-lossDb/20))
     */
    public static void transfer(double theta, double phi, double r1, double r2, double amplitude, double[] t) {
        transfer(Math.cos(theta), Math.sin(theta), Math.cos(phi), Math.sin(phi), r1, r2, amplitude, t);
    }

    /** {@link #transfer(double, double, double, double, double, double[])} from cos and sin of theta and phi. */
    public static void transfer(double ct, double st, double cp, double sp, double r1, double r2, double amplitude,
            double[] t) {
        r1 = Math.min(1, Math.max(0, r1));
        r2 = Math.min(1, Math.max(0, r2));
        double t1 = Math.sqrt(1 - r1 * r1);
        double t2 = Math.sqrt(1 - r2 * r2);
        // m00 = e^{i phi} (r1 r2 e^{i theta} - t1 t2)
        double ar = r1 * r2 * ct - t1 * t2;
        double ai = r1 * r2 * st;
        t[0] = amplitude * (cp * ar - sp * ai);
        t[1] = amplitude * (cp * ai + sp * ar);
        // m01 = i (r2 t1 e^{i theta} + r1 t2)
        double br = r2 * t1 * ct + r1 * t2;
        double bi = r2 * t1 * st;
        t[2] = -amplitude * bi;
        t[3] = amplitude * br;
        // m10 = i e^{i phi} (r1 t2 e^{i theta} + r2 t1)
        double cr = r1 * t2 * ct + r2 * t1;
        double ci = r1 * t2 * st;
        double er = cp * cr - sp * ci;
        double ei = cp * ci + sp * cr;
        t[4] = -amplitude * ei;
        t[5] = amplitude * er;
        // m11 = r1 r2 - t1 t2 e^{i theta}
        t[6] = amplitude * (r1 * r2 - t1 * t2 * ct);
        t[7] = -amplitude * t1 * t2 * st;
    }

    /** 2 / pi, and pi / 2 in two parts (fdlibm's): k pi/2 for |k| < 2^20 is exact in the first part. */
    private static final double INV_PIO2 = 6.36619772367581382433e-01;
    private static final double PIO2_1 = 1.57079632673412561417e+00;
    private static final double PIO2_1T = 6.07710050650619224932e-11;
    /** fdlibm's minimax coefficients of sin and cos on [-pi/4, pi/4] (k_sin.c, k_cos.c). */
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;
    /** 1.5 x 2^52: t + MAGIC rounds t to an integer, held in the low bits of the sum's representation. */
    private static final double MAGIC = 0x1.8p52;

    /**
     * {@code sin[k] = sin(x[k])}, {@code cos[k] = cos(x[k])} for k < n, both from one reduction by pi/2 and fdlibm's
     * polynomial kernels in plain double arithmetic (no fma, no library call): within about 1.1e-16 of StrictMath in
     * absolute terms (not always the same bits; near the zeros of sin and cos the relative error is larger) and about
     * 2.5 times faster than Math.sin and Math.cos. |x| > 1e5, NaN and infinities go to Math.sin/cos. Deliberately not
     * the Vector API's SIN/COS: their SVML intrinsics and their interpreted fallback differ in the last bits, so
     * results would depend on when the JIT compiled the loop; these operations give the same bits everywhere.
     */
    public static void sinCos(double[] x, double[] sin, double[] cos, int n) {
        for (int k = 0; k < n; k++) {
            double v = x[k];
            if (!(Math.abs(v) <= 1e5) || v == 0) { // and sin(+-0) = +-0 exactly
                sin[k] = Math.sin(v);
                cos[k] = Math.cos(v);
                continue;
            }
            double t = v * INV_PIO2 + MAGIC;
            long q = Double.doubleToRawLongBits(t); // the quadrant in the low bits (two's complement for k < 0)
            double kk = t - MAGIC;
            double r = (v - kk * PIO2_1) - kk * PIO2_1T; // |r| <= pi/4 (plus a rounding)
            double z = r * r;
            double sr = r + z * r * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
            double hz = 0.5 * z;
            double w = 1 - hz;
            double cr = w + (((1 - w) - hz) + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6))))));
            boolean odd = (q & 1) != 0;
            double a = odd ? cr : sr;
            double b = odd ? sr : cr;
            sin[k] = (q & 2) == 0 ? a : -a;
            cos[k] = ((q + 1) & 2) == 0 ? b : -b;
        }
    }

    /**
     * dM/dtheta and dM/dphi of {@link #transfer(double, double, double, double, double, double[])}, written the same
     * way: theta multiplies the e^{i theta} terms by i and drops the others; phi multiplies the first column by i.
     */
    public static void derivatives(double theta, double phi, double r1, double r2, double amplitude, double[] dTheta,
                                   double[] dPhi) {
        r1 = Math.min(1, Math.max(0, r1));
        r2 = Math.min(1, Math.max(0, r2));
        double t1 = Math.sqrt(1 - r1 * r1);
        double t2 = Math.sqrt(1 - r2 * r2);
        double ct = Math.cos(theta);
        double st = Math.sin(theta);
        double cp = Math.cos(phi);
        double sp = Math.sin(phi);
        // d m00 = e^{i phi} r1 r2 i e^{i theta}
        double ar = -r1 * r2 * st;
        double ai = r1 * r2 * ct;
        dTheta[0] = amplitude * (cp * ar - sp * ai);
        dTheta[1] = amplitude * (cp * ai + sp * ar);
        // d m01 = i r2 t1 i e^{i theta} = -r2 t1 e^{i theta}
        dTheta[2] = -amplitude * r2 * t1 * ct;
        dTheta[3] = -amplitude * r2 * t1 * st;
        // d m10 = i e^{i phi} r1 t2 i e^{i theta} = -r1 t2 e^{i (phi + theta)}
        double cpt = Math.cos(phi + theta);
        double spt = Math.sin(phi + theta);
        dTheta[4] = -amplitude * r1 * t2 * cpt;
        dTheta[5] = -amplitude * r1 * t2 * spt;
        // d m11 = -t1 t2 i e^{i theta}
        dTheta[6] = amplitude * t1 * t2 * st;
        dTheta[7] = -amplitude * t1 * t2 * ct;
        double[] m = new double[8];
        transfer(theta, phi, r1, r2, amplitude, m);
        dPhi[0] = -m[1];
        dPhi[1] = m[0];
        dPhi[2] = 0;
        dPhi[3] = 0;
        dPhi[4] = -m[5];
        dPhi[5] = m[4];
        dPhi[6] = 0;
        dPhi[7] = 0;
    }

    /** Ideal MZI (lossless 50:50 couplers). */
    public static void transfer(double theta, double phi, double[] t) {
        transfer(theta, phi, R_IDEAL, R_IDEAL, 1, t);
    }

    /**
     * In place: rows {@code a} and {@code b} of {@code m} become t * [row a; row b] (the MZI acting on modes a, b
     * of every column of m). O(cols).
     */
    public static void rotateRows(ComplexMatrix m, int a, int b, double[] t) {
        int n = m.cols;
        double[] re = m.re;
        double[] im = m.im;
        int oa = a * n;
        int ob = b * n;
        double t00r = t[0], t00i = t[1], t01r = t[2], t01i = t[3];
        double t10r = t[4], t10i = t[5], t11r = t[6], t11i = t[7];
        int j0 = VECTOR ? VectorRows.rotateRows(re, im, oa, ob, n, t00r, t00i, t01r, t01i, t10r, t10i, t11r, t11i) : 0;
        for (int j = j0; j < n; j++) {
            double xr = re[oa + j], xi = im[oa + j];
            double yr = re[ob + j], yi = im[ob + j];
            re[oa + j] = t00r * xr - t00i * xi + t01r * yr - t01i * yi;
            im[oa + j] = t00r * xi + t00i * xr + t01r * yi + t01i * yr;
            re[ob + j] = t10r * xr - t10i * xi + t11r * yr - t11i * yi;
            im[ob + j] = t10r * xi + t10i * xr + t11r * yi + t11i * yr;
        }
    }

    /**
     * In place: columns {@code a} and {@code b} of {@code m} become [col a, col b] * t (m times the MZI acting on
     * modes a, b, from the right). O(rows).
     */
    public static void rotateColumns(ComplexMatrix m, int a, int b, double[] t) {
        int n = m.cols;
        double[] re = m.re;
        double[] im = m.im;
        double t00r = t[0], t00i = t[1], t01r = t[2], t01i = t[3];
        double t10r = t[4], t10i = t[5], t11r = t[6], t11i = t[7];
        for (int i = 0; i < m.rows; i++) {
            int ia = i * n + a;
            int ib = i * n + b;
            double xr = re[ia], xi = im[ia];
            double yr = re[ib], yi = im[ib];
            re[ia] = xr * t00r - xi * t00i + yr * t10r - yi * t10i;
            im[ia] = xr * t00i + xi * t00r + yr * t10i + yi * t10r;
            re[ib] = xr * t01r - xi * t01i + yr * t11r - yi * t11i;
            im[ib] = xr * t01i + xi * t01r + yr * t11i + yi * t11r;
        }
    }

    /** The adjoint of a 2x2 written as by {@link #transfer}. */
    public static void adjoint(double[] t, double[] out) {
        out[0] = t[0];
        out[1] = -t[1];
        out[2] = t[4];
        out[3] = -t[5];
        out[4] = t[2];
        out[5] = -t[3];
        out[6] = t[6];
        out[7] = -t[7];
    }

    /**
     * Phases for an MZI used as an attenuator from its top input to its top output with real, non-negative
     * amplitude {@code a} in [0, 1]: ideal m00 = i e^{i theta/2} e^{i phi} sin(theta/2) = a.
     *
     * @return {theta, phi}
     */
    public static double[] attenuatorPhases(double a) {
        double theta = 2 * Math.asin(Math.min(1, Math.max(0, a)));
        double phi = Phases.wrap(-Math.PI / 2 - theta / 2);
        return new double[] {theta, phi};
    }
}
