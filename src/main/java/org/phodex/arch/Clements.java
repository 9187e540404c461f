package org.phodex.arch;

import org.phodex.photonics.MeshProgrammer;
import org.phodex.spec.Design;

/** Rectangular universal mesh: N(N-1)/2 MZIs, depth N, every path equally long (Clements et al. 2016). */
public final class Clements extends MziFamily {
    public static final String NAME = "mzi-clements";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String layoutName() {
        return "clements";
    }

    @Override
    public MeshProgrammer programmer(Design d) {
        return MeshProgrammer.clements();
    }

    @Override
    public String meshTitle(Design d) {
        return "Clements";
    }

    @Override
    public long unitaryMzis(Design d) {
        long n = n(d);
        return n * (n - 1) / 2;
    }

    @Override
    public int unitaryDepth(Design d) {
        return n(d);
    }
}
