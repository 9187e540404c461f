package org.phodex.photonics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A programmed mesh: a {@link MeshLayout} with one (theta, phi) per MZI and an output phase screen. Immutable.
 * {@link #transfer()} multiplies it out with ideal devices; {@link RealizedMesh} does so with a chip's errors.
 */
public final class Mesh {
    private final MeshLayout layout;
    private final double[] theta;
    private final double[] phi;
    private final double[] outputPhase;

    public Mesh(MeshLayout layout, double[] thetaRad, double[] phiRad, double[] outputPhaseRad) {
        if (thetaRad.length != layout.mziCount() || phiRad.length != layout.mziCount()
                || outputPhaseRad.length != layout.modes()) {
            throw new IllegalArgumentException("phase arrays do not match the layout");
        }
        this.layout = layout;
        this.theta = thetaRad.clone();
        this.phi = phiRad.clone();
        this.outputPhase = outputPhaseRad.clone();
    }

    public MeshLayout layout() {
        return layout;
    }

    public int modes() {
        return layout.modes();
    }

    public int mziCount() {
        return layout.mziCount();
    }

    public int depth() {
        return layout.depth();
    }

    public double theta(int k) {
        return theta[k];
    }

    public double phi(int k) {
        return phi[k];
    }

    public double outputPhase(int mode) {
        return outputPhase[mode];
    }

    /** The MZIs with their phases, column by column (for drawing; see org.phodex.plot). */
    public List<MziCell> cells() {
        List<MziCell> cells = new ArrayList<>(mziCount());
        for (int k = 0; k < mziCount(); k++) {
            cells.add(new MziCell(layout.column(k), layout.top(k), theta[k], phi[k]));
        }
        return Collections.unmodifiableList(cells);
    }

    /** The N x N transfer matrix with ideal devices (output = T * input). */
    public ComplexMatrix transfer() {
        return RealizedMesh.ideal(this).transfer();
    }
}
