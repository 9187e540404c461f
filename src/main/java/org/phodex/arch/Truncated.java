package org.phodex.arch;

import org.phodex.devices.DeviceLibrary;
import org.phodex.sim.Layout;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/** A rectangular (Clements) mesh with only L columns: columns alternate floor(N/2) and floor((N-1)/2) MZIs. */
public final class Truncated extends MziFamily {
    @Override
    protected Layout simLayout() {
        return Layout.TRUNCATED;
    }

    @Override
    public String name() {
        return "mzi-truncated";
    }

    @Override
    public void validate(Design d, DeviceLibrary lib) {
        super.validate(d, lib);
        if (!d.has(Params.MESH_COLUMNS)) {
            throw new IllegalArgumentException("mzi-truncated needs parameter 'mesh_columns'");
        }
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
