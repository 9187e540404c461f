package org.phodex.arch;

import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.photonics.DetectorParams;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * An architecture family: how a tile is built, counted and lit. The cost model and the simulator ask the
 * family; they never switch on its name. Adding a family = one class here, one line in {@link Families},
 * one YAML file under architectures/.
 */
public interface Family {

    /** The name an architecture spec's {@code family:} uses. */
    String name();

    /** The value of the {@code layout} parameter that selects this family's tiles. */
    String layoutName();

    /** The parameters this family reads beyond those every architecture fixes (checked present by validate). */
    List<String> parameters();

    /**
     * True for the photonic families (laser, converters, optical tiles); false for a digital MAC array, which the
     * cost model prices from its arithmetic and the evaluator runs in integer arithmetic.
     */
    default boolean photonic() {
        return true;
    }

    /**
     * True when the design can program an arbitrary matrix onto a tile as it arrives (a closed-form decomposition,
     * a ring bank's per-ring setting, a digital array's weight load). A layout whose phases are found by a
     * numerical fit cannot: activation-dependent weights (attention's Q K^T and P V) would need an optimization
     * per inference, which no chip runs.
     */
    default boolean programsArbitraryWeightsPerInference(Design d) {
        return true;
    }

    /** The parameters every spec of this family must fix. */
    default List<String> requiredParameters() {
        return org.phodex.spec.ArchitectureSpec.requiredParams();
    }

    /** Input vectors a core takes per second per parallel vector (the symbol rate; a digital array's clock). */
    default double symbolRateHz(Design d) {
        return d.getDouble(Params.MODULATION_GHZ) * 1e9;
    }

    /** Bits of one input element as it is read from the buffer (the input DAC's; a digital array's activations). */
    default int inputBits(Design d) {
        return d.getInt(Params.DAC_BITS);
    }

    /** Time to write one tile's weights into a core. */
    default double reprogrammingS(Design d, DeviceLibrary lib) {
        return lib.value(weightCells(d).reconfigurationDevice(), "reconfiguration_time_s");
    }

    /**
     * True when one read of an input slice from the global buffer serves every tile of its column block that runs
     * at the same time (the hardware broadcasts the slice); false when each tile reads its own copy.
     */
    default boolean broadcastsInputs() {
        return false;
    }

    /** Cycles a tile pass spends beyond one per input vector (a systolic array's fill and drain; 0 for optics). */
    default int pipelineFillCycles(Design d) {
        return 0;
    }

    /** Checks the family's own parameters (presence, consistency); IllegalArgumentException if wrong. */
    default void validate(Design d, DeviceLibrary lib) {
        for (String p : parameters()) {
            if (!d.has(p)) {
                throw new IllegalArgumentException(name() + " needs parameter '" + p + "'");
            }
        }
    }

    /** Outputs of one tile (rows of the weight block it holds). */
    int tileRows(Design d);

    /** Inputs of one tile (columns of the weight block it holds). */
    int tileCols(Design d);

    /** Input vectors one core processes per symbol (wavelength parallelism of a coherent mesh; 1 for MRR). */
    int parallelVectors(Design d);

    /** Device counts of one core. */
    DeviceCounts counts(Design d);

    /** Optical elements (MZIs or rings) along the worst path from modulator to detector. */
    int opticalDepth(Design d);

    /** Loss terms of the worst path from the laser to one detector, excluding the power split (see fanout). */
    List<LossTerm> worstPath(Design d, DeviceLibrary lib);

    /**
     * Number of detectors that share one laser line's power at full scale: the laser must supply
     * P_rx x fanout / transmission (docs/physics.md sec. 5), per laser line.
     */
    double fanout(Design d);

    /** Laser lines (wavelengths) per core. */
    int laserLines(Design d);

    /** True when detection is coherent (homodyne): a local oscillator then costs laser power too. */
    boolean coherent();

    /** The input modulator's device library entry. */
    String modulatorDevice();

    /** The cells holding the weights (what they are, how many per core, what bounds their reprogramming). */
    WeightCells weightCells(Design d);

    /** Device entries whose numbers the worst path used: each loss term's, plus any the family folded in. */
    default List<String> pathDevices(Design d, List<LossTerm> path) {
        return path.stream().map(LossTerm::device).toList();
    }

    /** How the functional simulation realizes one of this design's tiles (mesh programmer or ring bank). */
    TileRealization tile(Design d, DeviceLibrary lib);

    /**
     * How the functional simulation runs this design, at the received power the link budget computed
     * (the one physical chain of docs/physics.md sec. 1).
     */
    default SimSettings simSettings(Design d, DeviceLibrary lib, double receivedPowerW, DetectorParams detector) {
        return new SimSettings(tile(d, lib), tileRows(d), tileCols(d),
                new SimSettings.Converters(d.getInt(Params.DAC_BITS), d.getInt(Params.ADC_BITS)),
                new SimSettings.Detection(receivedPowerW, detector));
    }
}
