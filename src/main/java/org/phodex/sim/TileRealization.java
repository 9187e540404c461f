package org.phodex.sim;

import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.MrrBank;
import org.phodex.photonics.StaticErrors;

/**
 * How the functional simulation realizes one tile; the architecture family chooses it (the simulator never
 * knows family names).
 */
public sealed interface TileRealization {

    /**
     * A coherent MZI tile: W = U S V^T with U and V on meshes the {@code programmer} sets, realized with
     * {@code errors}; homodyne detection of the real part of the field.
     */
    record MziMesh(MeshProgrammer programmer, StaticErrors errors) implements TileRealization {
    }

    /** A microring weight bank (broadcast-and-weight, incoherent, balanced detection). */
    record RingBank(MrrBank bank) implements TileRealization {
    }

    /** An MZI mesh without static errors. */
    static TileRealization mesh(MeshProgrammer programmer) {
        return new MziMesh(programmer, StaticErrors.none());
    }

    /** An ideal ring bank: loaded Q 10,000 at 1550 nm, isolated channels, exact tuning, no fabrication offsets. */
    static TileRealization ringBank() {
        return new RingBank(new MrrBank(1e4, Double.POSITIVE_INFINITY, 1550, 0, 0, false));
    }
}
