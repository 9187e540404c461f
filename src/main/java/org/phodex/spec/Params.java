package org.phodex.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of design parameters (docs/cli.md's names). Ranges are the physically meaningful ones. */
public final class Params {
    public static final String LAYOUT = "layout";
    public static final String MESH_SIZE = "mesh_size";
    public static final String CORES = "cores";
    public static final String WAVELENGTHS = "wavelengths";
    public static final String DAC_BITS = "dac_bits";
    public static final String ADC_BITS = "adc_bits";
    public static final String WEIGHT_BITS = "weight_bits";
    public static final String MODULATION_GHZ = "modulation_ghz";
    public static final String PHASE_SHIFTER = "phase_shifter";
    public static final String LASER_MARGIN_DB = "laser_margin_db";
    public static final String PHASE_ERROR_RAD = "phase_error_rad";
    public static final String COUPLER_ERROR = "coupler_error";
    public static final String BUTTERFLY_STACKS = "butterfly_stacks";
    public static final String MESH_COLUMNS = "mesh_columns";
    public static final String LOSS_SPREAD_DB = "loss_spread_db";
    public static final String THERMAL_CROSSTALK = "thermal_crosstalk";
    public static final String CHANNEL_SPACING_NM = "channel_spacing_nm";
    public static final String RING_Q = "ring_q";
    public static final String LASER_MODEL = "laser_model";
    public static final String MRR_CALIBRATION = "mrr_calibration";
    public static final String BATCH = "batch";
    public static final String TRAINING = "training";
    public static final String PE_ROWS = "pe_rows";
    public static final String PE_COLS = "pe_cols";
    public static final String CLOCK_GHZ = "clock_ghz";
    public static final String ACTIVATION_BITS = "activation_bits";
    public static final String ACCUMULATOR_BITS = "accumulator_bits";
    public static final String ACCUMULATOR_KB = "accumulator_kb";
    public static final String IO_BUFFER_KB = "io_buffer_kb";
    public static final String GLOBAL_BUFFER_KB = "global_buffer_kb";
    public static final String LASER_GATING = "laser_gating";

    private static final Map<String, Param> ALL;

    static {
        Map<String, Param> m = new LinkedHashMap<>();
        add(m, Param.choice(LAYOUT, List.of(), "how a tile is built (each family's own layout name; "
                + "checked against the family registry)"));
        add(m, Param.integer(MESH_SIZE, 2, 256, "ports", "tile size n (n x n tile; for mrr-bank the R rows)"));
        add(m, Param.integer(CORES, 1, 4096, "", "photonic cores working in parallel"));
        add(m, Param.integer(WAVELENGTHS, 1, 256, "", "wavelengths sharing a core (parallel vectors; "
                + "for mrr-bank the K inputs of a tile)"));
        add(m, Param.integer(DAC_BITS, 1, 16, "bits", "input DAC resolution"));
        add(m, Param.integer(ADC_BITS, 1, 16, "bits", "output ADC resolution"));
        add(m, Param.integer(WEIGHT_BITS, 1, 16, "bits", "weight resolution (phase / ring tuning "
                + "DAC; digital-systolic: integer weight bits)"));
        add(m, Param.real(MODULATION_GHZ, 0.01, 200, "GHz", "input modulation (symbol) rate"));
        add(m, Param.choice(PHASE_SHIFTER, List.of(), "phase-shifter device (a device library entry "
                + "of kind phase_shifter)"));
        add(m, Param.real(LASER_MARGIN_DB, -40, 40, "dB", "laser power relative to the noise-derived minimum"));
        add(m, Param.real(PHASE_ERROR_RAD, 0, Math.PI, "rad", "fabrication phase error, standard deviation"));
        add(m, Param.real(COUPLER_ERROR, 0, 0.5, "", "coupler amplitude-ratio error, standard deviation"));
        add(m, Param.integer(BUTTERFLY_STACKS, 1, 64, "", "stacked butterfly meshes per unitary"));
        add(m, Param.integer(MESH_COLUMNS, 1, 512, "columns", "columns of a truncated rectangular mesh"));
        add(m, Param.real(LOSS_SPREAD_DB, 0, 3, "dB", "spread (standard deviation) of per-MZI insertion loss"));
        add(m, Param.real(THERMAL_CROSSTALK, 0, 0.5, "", "fraction of a heater's phase leaking to each neighbour"));
        add(m, Param.real(CHANNEL_SPACING_NM, 0.01, 50, "nm", "WDM channel spacing (mrr-bank)"));
        add(m, Param.real(RING_Q, 100, 1e7, "", "loaded quality factor of the weight rings (mrr-bank)"));
        add(m, Param.choice(MRR_CALIBRATION, List.of("none", "feedback"), "microring bank calibration: none "
                + "(crosstalk left) or feedback (static inter-channel crosstalk pre-compensated, Tait et al. 2016)"));
        add(m, Param.choice(LASER_MODEL, List.of("noise", "crosslight"),
                "laser sizing: noise-derived budget (default) or the CrossLight-style heuristic"));
        add(m, Param.integer(BATCH, 1, 1 << 20, "inferences", "inferences per weight load (amortizes "
                + "reprogramming)"));
        add(m, Param.choice(TRAINING, List.of("post-mapping", "noise-aware", "in-mesh", "in-mesh-noise-aware",
                "adc-calibrated"), "how the network meets the hardware: float training then mapping (default), "
                + "fine-tuning with the design's noise in the forward pass, training each MZI tile's phases, or the "
                + "float weights with calibrated ADC full scales (README, Co-design)"));
        add(m, Param.integer(PE_ROWS, 1, 1024, "PEs", "rows of the digital MAC array (outputs of its weight tile)"));
        add(m, Param.integer(PE_COLS, 1, 1024, "PEs", "columns of the digital MAC array (inputs of its weight tile)"));
        add(m, Param.real(CLOCK_GHZ, 0.01, 10, "GHz", "clock of the digital MAC array (one input vector per cycle)"));
        add(m, Param.integer(ACTIVATION_BITS, 2, 16, "bits", "integer activation resolution (digital-systolic)"));
        add(m, Param.integer(ACCUMULATOR_BITS, 8, 48, "bits", "saturating accumulator width (digital-systolic)"));
        add(m, Param.real(ACCUMULATOR_KB, 0.0625, 65536, "KB", "partial-sum accumulators per core, beside the ADCs "
                + "or under the array's columns (default 1)"));
        add(m, Param.real(IO_BUFFER_KB, 0.0625, 65536, "KB", "input/output buffer per core (default 8)"));
        add(m, Param.real(GLOBAL_BUFFER_KB, 1, 1048576, "KB", "global SRAM buffer shared by the cores (default 32)"));
        add(m, Param.choice(LASER_GATING, List.of("none", "gated"), "laser during reprogramming: none (on, the "
                + "default) or gated (off, paying a settling time at every turn-on)"));
        ALL = Collections.unmodifiableMap(m);
    }

    private Params() {
    }

    private static void add(Map<String, Param> m, Param p) {
        m.put(p.name(), p);
    }

    public static Map<String, Param> all() {
        return ALL;
    }

    /** The parameter called {@code name}; IllegalArgumentException listing the valid names otherwise. */
    public static Param get(String name) {
        Param p = ALL.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; "
                    + Hints.didYouMean(name, ALL.keySet()));
        }
        return p;
    }
}
