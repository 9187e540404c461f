package org.phodex.arch;

import org.phodex.sim.Layout;
import org.phodex.spec.Design;

/** Rectangular universal mesh: N(N-1)/2 MZIs, depth N, every path equally long (Clements et al. 2016). */
public final class Clements extends MziFamily {
    @Override
    protected Layout simLayout() {
        return Layout.CLEMENTS;
    }

    @Override
    public String name() {
        return "mzi-clements";
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
