package org.phodex.arch;

import org.phodex.sim.Layout;
import org.phodex.spec.Design;

/** Triangular universal mesh: N(N-1)/2 MZIs, longest path 2N-3 (Reck et al. 1994). */
public final class Reck extends MziFamily {
    @Override
    protected Layout simLayout() {
        return Layout.RECK;
    }

    @Override
    public String name() {
        return "mzi-reck";
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
