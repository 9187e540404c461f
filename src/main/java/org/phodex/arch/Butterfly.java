package org.phodex.arch;

import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * Butterfly (FFT-like) mesh: k stacks of log2(N) stages of N/2 MZIs with fixed permutations (Fang et al. 2019).
 * Not universal; the simulator fits its phases.
 */
public final class Butterfly extends MziFamily {
    public static final String NAME = "mzi-butterfly";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String layoutName() {
        return "butterfly";
    }

    @Override
    public List<String> parameters() {
        return List.of(Params.PHASE_SHIFTER, Params.PHASE_ERROR_RAD, Params.COUPLER_ERROR, Params.BUTTERFLY_STACKS);
    }

    @Override
    public MeshProgrammer programmer(Design d) {
        return MeshProgrammer.butterfly(d.has(Params.BUTTERFLY_STACKS) ? d.getInt(Params.BUTTERFLY_STACKS) : 1);
    }

    @Override
    public String meshTitle(Design d) {
        int stacks = d.has(Params.BUTTERFLY_STACKS) ? d.getInt(Params.BUTTERFLY_STACKS) : 1;
        return stacks == 1 ? "Butterfly" : "Butterfly (" + stacks + " stacks)";
    }

    @Override
    public void validate(Design d, DeviceLibrary lib) {
        super.validate(d, lib);
        int n = n(d);
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException(NAME + " needs mesh_size a power of two, got " + n);
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
