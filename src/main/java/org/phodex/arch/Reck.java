package org.phodex.arch;

import org.phodex.photonics.MeshProgrammer;
import org.phodex.spec.Design;

/** Triangular universal mesh: N(N-1)/2 MZIs, longest path 2N-3 (Reck et al. 1994). */
public final class Reck extends MziFamily {
    public static final String NAME = "mzi-reck";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String layoutName() {
        return "reck";
    }

    @Override
    public MeshProgrammer programmer(Design d) {
        return MeshProgrammer.reck();
    }

    @Override
    public String meshTitle(Design d) {
        return "Reck";
    }

    @Override
    public long unitaryMzis(Design d) {
        long n = n(d);
        return n * (n - 1) / 2;
    }

    @Override
    public int unitaryDepth(Design d) {
        return Math.max(1, 2 * n(d) - 3);
    }
}
