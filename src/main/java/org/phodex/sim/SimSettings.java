package org.phodex.sim;

import org.phodex.photonics.DetectorParams;
import org.phodex.photonics.MrrBank;
import org.phodex.photonics.StaticErrors;

/**
 * Everything the functional simulation needs to know about the hardware of one design point.
 *
 * @param tile       how a tile is realized (an MZI mesh with its static errors, or a ring bank)
 * @param tileRows   outputs per tile (n for n x n MZI tiles; R for an MRR tile)
 * @param tileCols   inputs per tile (n for MZI tiles, must equal tileRows; K wavelengths for MRR)
 * @param converters input DAC and output ADC resolution
 * @param detection  received optical power and the detector's noise parameters
 */
public record SimSettings(TileRealization tile, int tileRows, int tileCols, Converters converters,
                          Detection detection) {

    /**
     * @param dacBits input DAC bits (signed, per-vector full scale); <= 0 ideal
     * @param adcBits output ADC bits (signed, calibrated range, clipping); <= 0 ideal
     */
    public record Converters(int dacBits, int adcBits) {
        public static Converters ideal() {
            return new Converters(0, 0);
        }
    }

    /**
     * @param receivedPowerW optical power at one detector when the output is at full scale; +Infinity: no noise
     * @param detector       responsivity, dark current, bandwidth, TIA and temperature
     */
    public record Detection(double receivedPowerW, DetectorParams detector) {
        /** No detector noise (infinite received power), typical detector. */
        public static Detection noiseless() {
            return new Detection(Double.POSITIVE_INFINITY, DetectorParams.typical());
        }

        public static Detection atPower(double receivedPowerW) {
            return new Detection(receivedPowerW, DetectorParams.typical());
        }
    }

    public SimSettings {
        if (tileRows < 1 || tileCols < 1) {
            throw new IllegalArgumentException("tile size must be positive, got " + tileRows + " x " + tileCols);
        }
        if (tile instanceof TileRealization.MziMesh m) {
            if (tileRows != tileCols) {
                throw new IllegalArgumentException("MZI tiles are square, got " + tileRows + " x " + tileCols);
            }
            if (tileRows < 2) {
                throw new IllegalArgumentException("an MZI mesh needs at least 2 modes, got " + tileRows);
            }
            m.programmer().checkModes(tileRows);
        }
    }

    /** Everything off or exact: no quantization, no device errors, no detector noise. */
    public static SimSettings ideal(TileRealization tile, int tileRows, int tileCols) {
        return new SimSettings(tile, tileRows, tileCols, Converters.ideal(), Detection.noiseless());
    }

    public SimSettings withTile(TileRealization t) {
        return new SimSettings(t, tileRows, tileCols, converters, detection);
    }

    /** The same MZI mesh with other static errors (MZI tiles only). */
    public SimSettings withStaticErrors(StaticErrors errors) {
        if (!(tile instanceof TileRealization.MziMesh m)) {
            throw new IllegalStateException("static MZI errors on a tile that is not an MZI mesh");
        }
        return withTile(new TileRealization.MziMesh(m.programmer(), errors));
    }

    /** The same tiles realized as the ring bank {@code bank} (ring bank tiles only). */
    public SimSettings withRingBank(MrrBank bank) {
        if (!(tile instanceof TileRealization.RingBank)) {
            throw new IllegalStateException("ring bank parameters on a tile that is not a ring bank");
        }
        return withTile(new TileRealization.RingBank(bank));
    }

    public SimSettings withConverters(int dacBits, int adcBits) {
        return new SimSettings(tile, tileRows, tileCols, new Converters(dacBits, adcBits), detection);
    }

    public SimSettings withDetection(Detection d) {
        return new SimSettings(tile, tileRows, tileCols, converters, d);
    }

    public SimSettings withReceivedPower(double receivedPowerW) {
        return withDetection(new Detection(receivedPowerW, detection.detector()));
    }

    /** True for coherent MZI tiles (homodyne detection, real part of the field). */
    public boolean isMesh() {
        return tile instanceof TileRealization.MziMesh;
    }

    /** Phase or ring-tuning DAC bits of the weights; <= 0 exact. */
    public int weightBits() {
        return tile instanceof TileRealization.MziMesh m ? m.errors().weightBits()
                : ((TileRealization.RingBank) tile).bank().weightBits();
    }

    public int dacBits() {
        return converters.dacBits();
    }

    public int adcBits() {
        return converters.adcBits();
    }

    public double receivedPowerW() {
        return detection.receivedPowerW();
    }

    public DetectorParams detector() {
        return detection.detector();
    }
}
