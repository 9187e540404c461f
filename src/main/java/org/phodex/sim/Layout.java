package org.phodex.sim;

/** How a tile is realized: the MZI mesh layouts (SVD on two meshes) or a microring weight bank. */
public enum Layout {
    CLEMENTS, RECK, BUTTERFLY, TRUNCATED, MRR;

    /** True for the coherent MZI meshes (homodyne detection, real part of the field). */
    public boolean isMzi() {
        return this != MRR;
    }
}
