package org.phodex.arch;

import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.sim.TileRealization;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * A weight-stationary digital integer MAC array (a systolic array in the manner of Kung's, as in Google's TPU):
 * {@code pe_rows x pe_cols} processing elements per core, each holding one weight of {@code weight_bits}; an
 * input vector of {@code pe_cols} activations of {@code activation_bits} enters per clock, and each row's partial
 * sum accumulates in a saturating {@code accumulator_bits} register. The tile is the array: {@code pe_rows}
 * outputs by {@code pe_cols} inputs, so the cost model's weight-stationary tiling counts it exactly as it counts a
 * photonic tile. It has no optics: the evaluator runs it in integer arithmetic ({@code sim.IntegerGemm}) and the
 * cost model prices its MACs at Horowitz's 45 nm integer energies.
 */
public final class DigitalSystolic implements Family {
    public static final String NAME = "digital-systolic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String layoutName() {
        return "systolic";
    }

    @Override
    public boolean photonic() {
        return false;
    }

    @Override
    public List<String> parameters() {
        return List.of(Params.PE_ROWS, Params.PE_COLS, Params.CLOCK_GHZ, Params.WEIGHT_BITS, Params.ACTIVATION_BITS,
                Params.ACCUMULATOR_BITS);
    }

    @Override
    public void validate(Design d, DeviceLibrary lib) {
        Family.super.validate(d, lib);
        if (d.getInt(Params.WEIGHT_BITS) < 2) {
            throw new IllegalArgumentException(NAME + " needs weight_bits >= 2 (a signed integer weight), got "
                    + d.getInt(Params.WEIGHT_BITS));
        }
    }

    @Override
    public List<String> requiredParameters() {
        return List.of(Params.LAYOUT, Params.CORES, Params.PE_ROWS, Params.PE_COLS, Params.CLOCK_GHZ,
                Params.WEIGHT_BITS, Params.ACTIVATION_BITS, Params.ACCUMULATOR_BITS);
    }

    @Override
    public int tileRows(Design d) {
        return d.getInt(Params.PE_ROWS);
    }

    @Override
    public int tileCols(Design d) {
        return d.getInt(Params.PE_COLS);
    }

    @Override
    public int parallelVectors(Design d) {
        return 1;
    }

    @Override
    public double symbolRateHz(Design d) {
        return d.getDouble(Params.CLOCK_GHZ) * 1e9;
    }

    @Override
    public int inputBits(Design d) {
        return d.getInt(Params.ACTIVATION_BITS);
    }

    /** Weights shift into the array one row per clock: {@code pe_rows} cycles per tile. */
    @Override
    public double reprogrammingS(Design d, DeviceLibrary lib) {
        return tileRows(d) / symbolRateHz(d);
    }

    /** A systolic pass fills and drains the array's skew: rows + columns - 2 cycles beyond one per vector. */
    @Override
    public int pipelineFillCycles(Design d) {
        return tileRows(d) + tileCols(d) - 2;
    }

    /** No photonic devices. */
    @Override
    public DeviceCounts counts(Design d) {
        return new DeviceCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public int opticalDepth(Design d) {
        return 0;
    }

    @Override
    public List<LossTerm> worstPath(Design d, DeviceLibrary lib) {
        return List.of();
    }

    @Override
    public double fanout(Design d) {
        return 1;
    }

    @Override
    public int laserLines(Design d) {
        return 0;
    }

    @Override
    public boolean coherent() {
        return false;
    }

    @Override
    public String modulatorDevice() {
        throw new IllegalArgumentException(NAME + " has no optical modulator");
    }

    @Override
    public WeightCells weightCells(Design d) {
        return new WeightCells(WeightCells.Kind.REGISTER, "digital", (long) tileRows(d) * tileCols(d), "digital",
                1.0);
    }

    @Override
    public TileRealization tile(Design d, DeviceLibrary lib) {
        throw new IllegalArgumentException(NAME + " has no photonic tile: it is simulated in integer arithmetic "
                + "(phodex evaluate), not by the mesh or bench tools");
    }
}
