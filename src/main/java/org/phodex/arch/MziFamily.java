package org.phodex.arch;

import java.util.ArrayList;
import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.photonics.HeldPhases;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.StaticErrors;
import org.phodex.sim.TileRealization;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * Coherent MZI meshes: a tile W = U S V^T with U and V on meshes of this family's layout and S on one column
 * of attenuating MZIs (docs/physics.md sec. 2); inputs on traveling-wave MZMs, homodyne detection.
 */
public abstract class MziFamily implements Family {

    /** The phase shifter that {@code mzi.insertion_loss_db} already includes (the LT default cell). */
    static final String CELL_REFERENCE_SHIFTER = "thermo_optic";

    /** How this family's unitary meshes are programmed for design {@code d}. */
    public abstract MeshProgrammer programmer(Design d);

    /** A title for drawings of one programmed mesh, e.g. "Clements" or "Butterfly (2 stacks)". */
    public abstract String meshTitle(Design d);

    /** MZIs of one n-port unitary mesh. */
    public abstract long unitaryMzis(Design d);

    /** MZIs along the longest path of one n-port unitary mesh. */
    public abstract int unitaryDepth(Design d);

    /** Waveguide crossings along the worst path of one unitary mesh. */
    protected int unitaryCrossings(Design d) {
        return 0;
    }

    @Override
    public List<String> parameters() {
        return List.of(Params.PHASE_SHIFTER, Params.PHASE_ERROR_RAD, Params.COUPLER_ERROR);
    }

    @Override
    public void validate(Design d, DeviceLibrary lib) {
        Family.super.validate(d, lib);
        String problem = lib.checkPhaseShifter(d.getString(Params.PHASE_SHIFTER));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    protected static int n(Design d) {
        return d.getInt(Params.MESH_SIZE);
    }

    @Override
    public int tileRows(Design d) {
        return n(d);
    }

    @Override
    public int tileCols(Design d) {
        return n(d);
    }

    @Override
    public int parallelVectors(Design d) {
        return d.getInt(Params.WAVELENGTHS);
    }

    @Override
    public DeviceCounts counts(Design d) {
        int n = n(d);
        int w = d.getInt(Params.WAVELENGTHS);
        long mzis = 2 * unitaryMzis(d) + n;
        return new DeviceCounts(mzis, 2 * mzis, 0, (long) n * w, (long) n * w, (long) n * w, (long) n * w,
                (long) n * w, 2L * unitaryCrossings(d));
    }

    @Override
    public int opticalDepth(Design d) {
        return 2 * unitaryDepth(d) + 1;
    }

    /** Loss of one MZI cell with the chosen phase shifter swapped in for the reference one. */
    static double cellLossDb(Design d, DeviceLibrary lib) {
        String ps = d.getString(Params.PHASE_SHIFTER);
        return lib.value("mzi", "insertion_loss_db") - lib.value(CELL_REFERENCE_SHIFTER, "insertion_loss_db")
                + lib.value(ps, "insertion_loss_db");
    }

    @Override
    public List<LossTerm> worstPath(Design d, DeviceLibrary lib) {
        int depth = opticalDepth(d);
        List<LossTerm> t = new ArrayList<>();
        t.add(new LossTerm("laser coupling", lib.value("laser", "coupling_loss_db"), "laser"));
        if (d.getInt(Params.WAVELENGTHS) > 1) {
            t.add(new LossTerm("WDM mux", lib.value("wdm_mux", "insertion_loss_db"), "wdm_mux"));
        }
        double stages = Math.ceil(Math.log(fanout(d)) / Math.log(2));
        t.add(new LossTerm("splitter tree excess (" + (int) stages + " stages)",
                stages * lib.value("y_branch", "excess_loss_db"), "y_branch"));
        t.add(new LossTerm("input modulator", lib.value("modulator_mzm", "insertion_loss_db"), "modulator_mzm"));
        t.add(new LossTerm("MZI cells (" + depth + " deep)", depth * cellLossDb(d, lib), "mzi"));
        t.add(new LossTerm("propagation", depth * lib.value("mzi", "length_um") * 1e-4
                * lib.value("waveguide", "loss_db_per_cm"), "waveguide"));
        int crossings = 2 * unitaryCrossings(d);
        if (crossings > 0) {
            t.add(new LossTerm("crossings (" + crossings + ")", crossings * lib.value("crossing", "insertion_loss_db"),
                    "crossing"));
        }
        if (d.getInt(Params.WAVELENGTHS) > 1) {
            t.add(new LossTerm("WDM demux", lib.value("wdm_mux", "insertion_loss_db"), "wdm_mux"));
        }
        return t;
    }

    @Override
    public double fanout(Design d) {
        return n(d);
    }

    @Override
    public int laserLines(Design d) {
        return d.getInt(Params.WAVELENGTHS);
    }

    @Override
    public boolean coherent() {
        return true;
    }

    @Override
    public String modulatorDevice() {
        return "modulator_mzm";
    }

    /** Only a universal layout (exact decomposition) programs a matrix per inference; a fitted one cannot. */
    @Override
    public boolean programsArbitraryWeightsPerInference(Design d) {
        return programmer(d).exact();
    }

    @Override
    public WeightCells weightCells(Design d) {
        String ps = d.getString(Params.PHASE_SHIFTER);
        return new WeightCells(WeightCells.Kind.PHASE_SHIFTER, ps, counts(d).phaseShifters(), ps,
                HeldPhases.meanOverPi(programmer(d), n(d)));
    }

    /** The MZI cell loss swaps the chosen phase shifter's loss in: its entry is used too. */
    @Override
    public List<String> pathDevices(Design d, List<LossTerm> path) {
        List<String> devices = new ArrayList<>(Family.super.pathDevices(d, path));
        devices.add(d.getString(Params.PHASE_SHIFTER));
        return devices;
    }

    @Override
    public TileRealization tile(Design d, DeviceLibrary lib) {
        return new TileRealization.MziMesh(programmer(d), new StaticErrors(weightBits(d, lib),
                d.getDouble(Params.PHASE_ERROR_RAD), d.getDouble(Params.COUPLER_ERROR), cellLossDb(d, lib),
                optional(d, Params.LOSS_SPREAD_DB), optional(d, Params.THERMAL_CROSSTALK)));
    }

    /** Weight DAC bits, limited by a multi-level device's levels (a PCM cell has ~8: 3 bits). */
    static int weightBits(Design d, DeviceLibrary lib) {
        int bits = d.getInt(Params.WEIGHT_BITS);
        String ps = d.getString(Params.PHASE_SHIFTER);
        if (lib.device(ps).has("levels")) {
            int levelBits = (int) Math.floor(Math.log(lib.value(ps, "levels")) / Math.log(2) + 1e-9);
            bits = Math.min(bits, Math.max(1, levelBits));
        }
        return bits;
    }

    static double optional(Design d, String param) {
        return d.has(param) ? d.getDouble(param) : 0.0;
    }
}
