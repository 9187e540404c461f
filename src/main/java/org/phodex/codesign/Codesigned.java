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
 * @param adcFullScale per layer, every tile's ADC full scale as a fraction of its calibrated range
 *                     ({@link org.phodex.sim.PhotonicLayer#withAdcFullScale(double[])}), chosen in training; null
 *                     for a layer whose full scale is the calibrated range (modes that do not choose it)
 * @param origin how it was obtained, e.g. "trained in 41.2 s" or "read from workloads/.trained/..."
 */
public record Codesigned(List<Layer> layers, List<SvdTile[]> tiles, List<double[]> adcFullScale, String origin) {
    public Codesigned {
        layers = List.copyOf(layers);
        if (adcFullScale.size() != layers.size()) {
            throw new IllegalArgumentException(adcFullScale.size() + " ADC full scales for " + layers.size()
                    + " layers");
        }
        adcFullScale = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(adcFullScale));
        tiles = tiles == null ? null : List.copyOf(tiles);
    }

    /** Layer l programmed as this network wants it: {@code pl} with its tiles' ADC full scales, if chosen. */
    public org.phodex.sim.PhotonicLayer withAdc(int l, org.phodex.sim.PhotonicLayer pl) {
        double[] a = adcFullScale.get(l);
        return a == null ? pl : pl.withAdcFullScale(a);
    }

    public boolean inMesh() {
        return tiles != null;
    }
}
