package org.phodex.arch;

import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.photonics.DetectorParams;
import org.phodex.sim.SimSettings;
import org.phodex.spec.Design;

/**
 * An architecture family: how a tile is built, counted and lit. The cost model and the simulator ask the
 * family; they never switch on its name. Adding a family = one class here, one entry in {@link Families},
 * one YAML file under architectures/.
 */
public interface Family {

    String name();

    /** Checks the family's own parameters (presence, consistency); IllegalArgumentException if wrong. */
    void validate(Design d, DeviceLibrary lib);

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

    /** The phase-shifter device holding the weights (null when weights sit on rings). */
    String weightDevice(Design d);

    /**
     * How the functional simulation realizes this design's tiles, at the received power the link budget computed
     * (the one physical chain of docs/physics.md sec. 1).
     */
    SimSettings simSettings(Design d, DeviceLibrary lib, double receivedPowerW, DetectorParams detector);
}
