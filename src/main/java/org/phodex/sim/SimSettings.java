package org.phodex.sim;

import org.phodex.photonics.DetectorParams;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.MrrBank;
import org.phodex.photonics.StaticErrors;

/**
 * Everything the functional simulation needs to know about the hardware of one design point.
 *
 * @param tileRows         outputs per tile (n for n x n MZI tiles; R for an MRR tile)
 * @param tileCols         inputs per tile (n for MZI tiles, must equal tileRows; K wavelengths for MRR)
 * @param butterflyStacks  stacked butterflies per unitary (BUTTERFLY)
 * @param meshColumns      columns of the truncated rectangular mesh (TRUNCATED)
 * @param dacBits          input DAC bits (signed, per-vector full scale); <= 0 ideal
 * @param adcBits          output ADC bits (signed, calibrated range, clipping); <= 0 ideal
 * @param weightBits       phase / ring-tuning DAC bits; <= 0 ideal
 * @param receivedPowerW   optical power at one detector when the output is at full scale; +Infinity: no noise
 * @param ringQ            MRR loaded Q
 * @param channelSpacingNm MRR channel spacing; +Infinity: no inter-channel crosstalk
 * @param wavelengthNm     operating wavelength
 * @param ringSigmaNm      MRR fabricated resonance offset, standard deviation (nm); 0: none
 * @param ringFeedback     MRR feedback calibration of inter-channel crosstalk (mrr_calibration: feedback)
 */
public record SimSettings(Layout layout, int tileRows, int tileCols, int butterflyStacks, int meshColumns,
        int dacBits, int adcBits, int weightBits,
        double phaseErrorRad, double couplerError, double mziLossDb, double mziLossSpreadDb, double thermalCrosstalk,
        double receivedPowerW,
        DetectorParams detector,
        double ringQ, double channelSpacingNm, double wavelengthNm, double ringSigmaNm, boolean ringFeedback) {

    public SimSettings {
        if (tileRows < 1 || tileCols < 1) {
            throw new IllegalArgumentException("tile size must be positive, got " + tileRows + " x " + tileCols);
        }
        if (layout.isMzi() && tileRows != tileCols) {
            throw new IllegalArgumentException("MZI tiles are square, got " + tileRows + " x " + tileCols);
        }
        if (layout.isMzi() && tileRows < 2) {
            throw new IllegalArgumentException("an MZI mesh needs at least 2 modes, got " + tileRows);
        }
        if (layout == Layout.BUTTERFLY && (Integer.bitCount(tileRows) != 1 || butterflyStacks < 1)) {
            throw new IllegalArgumentException("butterfly needs a power-of-two tile and >= 1 stack, got "
                    + tileRows + " and " + butterflyStacks);
        }
        if (layout == Layout.TRUNCATED && meshColumns < 1) {
            throw new IllegalArgumentException("truncated mesh needs >= 1 column, got " + meshColumns);
        }
    }

    /**
     * Everything off or exact: no quantization, no device errors, no detector noise, isolated ring channels;
     * 1 butterfly stack, a truncated mesh with all N columns.
     */
    public static SimSettings ideal(Layout layout, int tileRows, int tileCols) {
        return new SimSettings(layout, tileRows, tileCols, 1, tileRows, 0, 0, 0,
                0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, DetectorParams.typical(),
                1e4, Double.POSITIVE_INFINITY, 1550, 0, false);
    }

    public SimSettings withLayout(Layout l) {
        return new SimSettings(l, tileRows, tileCols, butterflyStacks, meshColumns, dacBits, adcBits, weightBits,
                phaseErrorRad, couplerError, mziLossDb, mziLossSpreadDb, thermalCrosstalk, receivedPowerW, detector,
                ringQ, channelSpacingNm, wavelengthNm, ringSigmaNm, ringFeedback);
    }

    public SimSettings withStaticErrors(int weightBits, double phaseErrorRad, double couplerError, double mziLossDb,
            double mziLossSpreadDb, double thermalCrosstalk) {
        return new SimSettings(layout, tileRows, tileCols, butterflyStacks, meshColumns, dacBits, adcBits, weightBits,
                phaseErrorRad, couplerError, mziLossDb, mziLossSpreadDb, thermalCrosstalk, receivedPowerW, detector,
                ringQ, channelSpacingNm, wavelengthNm, ringSigmaNm, ringFeedback);
    }

    public SimSettings withConverters(int dacBits, int adcBits, double receivedPowerW) {
        return new SimSettings(layout, tileRows, tileCols, butterflyStacks, meshColumns, dacBits, adcBits, weightBits,
                phaseErrorRad, couplerError, mziLossDb, mziLossSpreadDb, thermalCrosstalk, receivedPowerW, detector,
                ringQ, channelSpacingNm, wavelengthNm, ringSigmaNm, ringFeedback);
    }

    public SimSettings withMesh(int butterflyStacks, int meshColumns) {
        return new SimSettings(layout, tileRows, tileCols, butterflyStacks, meshColumns, dacBits, adcBits, weightBits,
                phaseErrorRad, couplerError, mziLossDb, mziLossSpreadDb, thermalCrosstalk, receivedPowerW, detector,
                ringQ, channelSpacingNm, wavelengthNm, ringSigmaNm, ringFeedback);
    }

    public SimSettings withRings(double ringQ, double channelSpacingNm) {
        return new SimSettings(layout, tileRows, tileCols, butterflyStacks, meshColumns, dacBits, adcBits, weightBits,
                phaseErrorRad, couplerError, mziLossDb, mziLossSpreadDb, thermalCrosstalk, receivedPowerW, detector,
                ringQ, channelSpacingNm, wavelengthNm, ringSigmaNm, ringFeedback);
    }

    public SimSettings withRingErrors(double ringSigmaNm, boolean ringFeedback) {
        return new SimSettings(layout, tileRows, tileCols, butterflyStacks, meshColumns, dacBits, adcBits, weightBits,
                phaseErrorRad, couplerError, mziLossDb, mziLossSpreadDb, thermalCrosstalk, receivedPowerW, detector,
                ringQ, channelSpacingNm, wavelengthNm, ringSigmaNm, ringFeedback);
    }

    /** The MZI static error model these settings describe. */
    public StaticErrors staticErrors() {
        return new StaticErrors(weightBits, phaseErrorRad, couplerError, mziLossDb, mziLossSpreadDb, thermalCrosstalk);
    }

    /** The weight bank these settings describe (MRR). */
    public MrrBank mrrBank() {
        return new MrrBank(ringQ, channelSpacingNm, wavelengthNm, weightBits, ringSigmaNm, ringFeedback);
    }

    /** How the MZI layouts program a unitary. */
    public MeshProgrammer meshProgrammer() {
        return switch (layout) {
            case CLEMENTS -> MeshProgrammer.clements();
            case RECK -> MeshProgrammer.reck();
            case BUTTERFLY -> MeshProgrammer.butterfly(butterflyStacks);
            case TRUNCATED -> MeshProgrammer.truncated(meshColumns);
            case MRR -> throw new IllegalStateException("an MRR bank has no mesh");
        };
    }
}
