package org.phodex.arch;

import java.util.List;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/** A rectangular (Clements) mesh with only L columns: columns alternate floor(N/2) and floor((N-1)/2) MZIs. */
public final class Truncated extends MziFamily {
    public static final String NAME = "mzi-truncated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String layoutName() {
        return "truncated";
    }

    @Override
    public List<String> parameters() {
        return List.of(Params.PHASE_SHIFTER, Params.PHASE_ERROR_RAD, Params.COUPLER_ERROR, Params.MESH_COLUMNS);
    }

    @Override
    public MeshProgrammer programmer(Design d) {
        return MeshProgrammer.truncated(d.has(Params.MESH_COLUMNS) ? d.getInt(Params.MESH_COLUMNS) : n(d));
    }

    @Override
    public String meshTitle(Design d) {
        return "Truncated (" + (d.has(Params.MESH_COLUMNS) ? d.getInt(Params.MESH_COLUMNS) : n(d)) + " columns)";
    }

    private static int columns(Design d) {
        return Math.min(d.getInt(Params.MESH_COLUMNS), n(d));
    }

    @Override
    public long unitaryMzis(Design d) {
        int n = n(d);
        int l = columns(d);
        long even = (l + 1) / 2;
        long odd = l / 2;
        return even * (n / 2) + odd * ((n - 1) / 2);
    }

    @Override
    public int unitaryDepth(Design d) {
        return columns(d);
    }
}
