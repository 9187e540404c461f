package org.phodex.photonics;

import java.util.random.RandomGenerator;

/**
 * One chip's physical mesh: every MZI's actual phases, coupler ratios and loss, and the actual output
 * phases. Immutable. {@link #applyTo} multiplies a matrix by the mesh in place with 2x2 row rotations
 * (O(N) per MZI, O(N^2) per column of N/2 MZIs).
 */
public final class RealizedMesh {
    private final MeshLayout layout;
    private final double[] theta;
    private final double[] phi;
    private final double[] r1;
    private final double[] r2;
    private final double[] amp;
    private final double[] outputPhase;
    /** Amplitude of a waveguide section idle in a column of a balanced mesh (1 when lossless or unbalanced). */
    private final double idleAmp;
    /** cos and sin of theta and phi per MZI, computed once for the whole mesh ({@link Mzi#sinCos}). */
    private final double[] cosTheta;
    private final double[] sinTheta;
    private final double[] cosPhi;
    private final double[] sinPhi;

    private RealizedMesh(MeshLayout layout, double[] theta, double[] phi, double[] r1, double[] r2, double[] amp,
            double[] outputPhase, double idleAmp) {
        this.idleAmp = idleAmp;
        this.layout = layout;
        this.theta = theta;
        this.phi = phi;
        this.r1 = r1;
        this.r2 = r2;
        this.amp = amp;
        this.outputPhase = outputPhase;
        int m = theta.length;
        cosTheta = new double[m];
        sinTheta = new double[m];
        cosPhi = new double[m];
        sinPhi = new double[m];
        Mzi.sinCos(theta, sinTheta, cosTheta, m);
        Mzi.sinCos(phi, sinPhi, cosPhi, m);
    }

    /** The mesh with ideal devices. */
    public static RealizedMesh ideal(Mesh mesh) {
        int m = mesh.mziCount();
        double[] th = new double[m];
        double[] ph = new double[m];
        double[] r = new double[m];
        double[] a = new double[m];
        for (int k = 0; k < m; k++) {
            th[k] = mesh.theta(k);
            ph[k] = mesh.phi(k);
            r[k] = Mzi.R_IDEAL;
            a[k] = 1;
        }
        double[] out = new double[mesh.modes()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mesh.outputPhase(i);
        }
        return new RealizedMesh(mesh.layout(), th, ph, r, r.clone(), a, out, 1);
    }

    /** One chip sample of the mesh under {@code errors}, drawing from {@code rng}. */
    public static RealizedMesh sample(Mesh mesh, StaticErrors errors, RandomGenerator rng) {
        MeshLayout l = mesh.layout();
        int m = mesh.mziCount();
        double[] th = new double[m];
        double[] ph = new double[m];
        int[] above = new int[m];
        int[] below = new int[m];
        for (int k = 0; k < m; k++) {
            th[k] = mesh.theta(k);
            ph[k] = mesh.phi(k);
            above[k] = l.neighbourAbove(k);
            below[k] = l.neighbourBelow(k);
        }
        double[] thO = new double[m];
        double[] phO = new double[m];
        double[] r1 = new double[m];
        double[] r2 = new double[m];
        double[] a = new double[m];
        errors.sampleMzis(th, ph, above, below, rng, thO, phO, r1, r2, a);
        double[] out = new double[mesh.modes()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mesh.outputPhase(i);
        }
        double idle = l.balanced() ? StaticErrors.amplitudeOfLossDb(errors.mziLossDb()) : 1;
        return new RealizedMesh(l, thO, phO, r1, r2, a, errors.samplePhaseScreen(out, rng), idle);
    }

    /** Field amplitude of a waveguide section that holds no MZI in a column (balanced meshes pad it). */
    public double idleAmplitude() {
        return idleAmp;
    }

    public MeshLayout layout() {
        return layout;
    }

    /** The actual 2x2 transfer of MZI k (see {@link Mzi#transfer}; the trig of the whole mesh done at once). */
    public void mziTransfer(int k, double[] t) {
        Mzi.transfer(cosTheta[k], sinTheta[k], cosPhi[k], sinPhi[k], r1[k], r2[k], amp[k], t);
    }

    /** MZI k's actual 2x2 transfer with its own {@code Math} trig instead of the whole mesh's (for tests). */
    void mziTransferWithOwnTrig(int k, double[] t) {
        Mzi.transfer(theta[k], phi[k], r1[k], r2[k], amp[k], t);
    }

    /**
     * Derivatives of MZI k's actual transfer by its internal phase theta and by its external phase phi, written as
     * by {@link Mzi#transfer} (couplers, loss and the other phase held at their actual values).
     */
    void mziDerivatives(int k, double[] dTheta, double[] dPhi) {
        Mzi.derivatives(theta[k], phi[k], r1[k], r2[k], amp[k], dTheta, dPhi);
    }

    /** MZI k's actual field amplitude transmission (its loss). */
    double mziAmplitude(int k) {
        return amp[k];
    }

    /** The actual output phase on waveguide i. */
    public double outputPhase(int i) {
        return outputPhase[i];
    }

    /** In place: m <- T m, where m has N rows (any number of columns). */
    public void applyTo(ComplexMatrix m) {
        if (m.rows != layout.modes()) {
            throw new IllegalArgumentException("matrix has " + m.rows + " rows, mesh has " + layout.modes()
                    + " modes");
        }
        double[] t = new double[8];
        boolean[] busy = new boolean[layout.modes()];
        int col = -1;
        for (int k = 0; k < theta.length; k++) {
            int c = layout.column(k);
            while (col < c) {
                if (col >= 0) {
                    attenuateIdle(m, busy);
                }
                col++;
                int[] p = layout.permutationBefore(col);
                if (p != null) {
                    MeshLayout.permuteRows(m, p);
                }
            }
            mziTransfer(k, t);
            Mzi.rotateRows(m, layout.top(k), layout.top(k) + 1, t);
            busy[layout.top(k)] = true;
            busy[layout.top(k) + 1] = true;
        }
        if (col >= 0) {
            attenuateIdle(m, busy);
        }
        while (col < layout.depth() - 1) {
            col++;
            int[] p = layout.permutationBefore(col);
            if (p != null) {
                MeshLayout.permuteRows(m, p);
            }
        }
        int n = m.cols;
        for (int i = 0; i < layout.modes(); i++) {
            double c = Math.cos(outputPhase[i]);
            double s = Math.sin(outputPhase[i]);
            for (int j = i * n; j < (i + 1) * n; j++) {
                double r = m.re[j];
                double im = m.im[j];
                m.re[j] = c * r - s * im;
                m.im[j] = c * im + s * r;
            }
        }
    }

    /** Passes the waveguides that held no MZI in the column just finished through an idle section; clears marks. */
    private void attenuateIdle(ComplexMatrix m, boolean[] busy) {
        for (int i = 0; i < busy.length; i++) {
            if (!busy[i] && idleAmp != 1) {
                for (int j = i * m.cols; j < (i + 1) * m.cols; j++) {
                    m.re[j] *= idleAmp;
                    m.im[j] *= idleAmp;
                }
            }
            busy[i] = false;
        }
    }

    /** The N x N transfer matrix of this chip's mesh. */
    public ComplexMatrix transfer() {
        ComplexMatrix m = ComplexMatrix.identity(layout.modes());
        applyTo(m);
        return m;
    }
}
