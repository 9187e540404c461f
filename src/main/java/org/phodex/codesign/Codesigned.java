package org.phodex.codesign;

import java.util.List;
import org.phodex.photonics.SvdTile;
import org.phodex.workload.Layer;

/**
 * A network trained for one training key.
 *
 * @param layers the weights and biases to run (for in-mesh modes, the ideal tiles' effective weights, which only
 *               calibrate the receivers)
 * @param tiles  per layer, the trained tiles in tile-grid order (row-major); null unless the mode is in-mesh
 * @param origin how it was obtained, e.g. "trained in 41.2 s" or "read from workloads/.trained/..."
 */
public record Codesigned(List<Layer> layers, List<SvdTile[]> tiles, String origin) {
    public Codesigned {
        layers = List.copyOf(layers);
        tiles = tiles == null ? null : List.copyOf(tiles);
    }

    public boolean inMesh() {
        return tiles != null;
    }
}
