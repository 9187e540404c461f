package org.phodex.arch;

import org.phodex.devices.DeviceLibrary;
import org.phodex.sim.Layout;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * Butterfly (FFT-like) mesh: k stacks of log2(N) stages of N/2 MZIs with fixed permutations (Fang et al. 2019).
 * Not universal; the simulator fits its phases.
 */
public final class Butterfly extends MziFamily {
    @Override
    protected Layout simLayout() {
        return Layout.BUTTERFLY;
    }

    @Override
    public String name() {
        return "mzi-butterfly";
    }

    @Override
    public void validate(Design d, DeviceLibrary lib) {
        super.validate(d, lib);
        int n = n(d);
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("mzi-butterfly needs mesh_size a power of two, got " + n);
        }
        if (!d.has(Params.BUTTERFLY_STACKS)) {
            throw new IllegalArgumentException("mzi-butterfly needs parameter 'butterfly_stacks'");
        }
    }

    private static int log2(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    @Override
    public long unitaryMzis(Design d) {
        return (long) d.getInt(Params.BUTTERFLY_STACKS) * (n(d) / 2) * log2(n(d));
    }

    @Override
    public int unitaryDepth(Design d) {
        return d.getInt(Params.BUTTERFLY_STACKS) * log2(n(d));
    }

    /**
     * Model assumption: the planar permutation between stages of stride 2^j makes the worst path cross
     * 2^j - 1 waveguides, j = 1 .. log2(N) - 1, per stack.
     */
    @Override
    protected int unitaryCrossings(Design d) {
        int perStack = 0;
        for (int j = 1; j < log2(n(d)); j++) {
            perStack += (1 << j) - 1;
        }
        return d.getInt(Params.BUTTERFLY_STACKS) * perStack;
    }
}
