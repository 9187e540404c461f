package org.phodex.cost;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.phodex.arch.Family;
import org.phodex.arch.LossTerm;
import org.phodex.arch.WeightCells;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * The registry of energy estimators: for every breakdown component the estimators that can price it, and which
 * one a design uses. Each estimator is a few lines: its count, its unit price, the devices it read.
 */
public final class Estimators {

    /** How one laser line is sized; the {@code laser_model} parameter picks one by its key. */
    public interface LaserSizingModel {
        /** The estimator name reported for the laser line. */
        String name();

        /**
         * Optical power one laser line must launch (W).
         *
         * @param pMinW  the full-scale received power at which detector noise meets the ADC's SNR
         * @param margin the laser margin as a factor
         */
        double lineOpticalW(Design d, Family f, DeviceLibrary lib, List<LossTerm> path, double pathLossDb,
                            double pMinW, double margin);
    }

    /** P_laser per line = P_rx x fan-out / transmission (docs/physics.md sec. 5). */
    static final LaserSizingModel NOISE_LINK_BUDGET = new LaserSizingModel() {
        @Override
        public String name() {
            return "noise-link-budget";
        }

        @Override
        public double lineOpticalW(Design d, Family f, DeviceLibrary lib, List<LossTerm> path, double pathLossDb,
                                   double pMinW, double margin) {
            double transmission = Math.pow(10, -pathLossDb / 10);
            return pMinW * margin * f.fanout(d) / transmission;
        }
    };

    /** The Lightening-Transformer / CrossLight heuristic: sensitivity + losses + 10 log10(Nw Nh), times 2^bits. */
    static final LaserSizingModel CROSSLIGHT = new LaserSizingModel() {
        @Override
        public String name() {
            return "crosslight";
        }

        @Override
        public double lineOpticalW(Design d, Family f, DeviceLibrary lib, List<LossTerm> path, double pathLossDb,
                                   double pMinW, double margin) {
            double modLoss = 0;
            for (LossTerm t : path) {
                if (t.device().equals(f.modulatorDevice())) {
                    modLoss += t.lossDb();
                }
            }
            double dbm = LaserSizing.crossLightOpticalDbm(lib.value("photodetector", "sensitivity_dbm"), modLoss,
                    pathLossDb - modLoss, f.tileRows(d), f.tileCols(d));
            return Math.pow(10, dbm / 10) * 1e-3 * Math.pow(2, d.getInt(Params.ADC_BITS)) * margin;
        }
    };

    /** {@code laser_model} values -> laser sizing. */
    private static final Map<String, LaserSizingModel> LASER = Map.of("noise", NOISE_LINK_BUDGET,
            "crosslight", CROSSLIGHT);

    private static Estimator estimator(String name, Pricing pricing) {
        return new Estimator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Priced price(ActionCounts counts, Context context) {
                return pricing.price(name, counts, context);
            }
        };
    }

    private interface Pricing {
        Priced price(String name, ActionCounts a, Estimator.Context c);
    }

    /**
     * Laser electrical power for as long as the laser is on: the whole latency (it stays on while the weights are
     * reprogrammed), or with {@code laser_gating: gated} the compute time plus a settling time per turn-on.
     */
    static Estimator laser(LaserSizingModel sizing) {
        return estimator(sizing.name(), (name, a, c) -> {
            LinkedHashSet<String> devices = new LinkedHashSet<>(List.of("laser", "photodetector", "tia", "constants"));
            devices.addAll(c.family().pathDevices(c.design(), c.link().path()));
            double w = c.link().laserElectricalW();
            return new Priced(name, a.laserOnS(), "laser_on_s", w, w * a.laserOnS(), List.copyOf(devices));
        });
    }

    /** Converter energy per conversion from a reference point: Walden 2^bits and a speed term (Converters). */
    static final Estimator DAC = estimator("walden-scaled", (name, a, c) -> {
        double unit = Converters.energyPerConversionJ(c.lib().device("dac"), c.bits(Params.DAC_BITS), c.rateHz());
        return new Priced(name, a.dacConversions(), "dac_conversions", unit, a.dacConversions() * unit, List.of("dac"));
    });

    static final Estimator ADC = estimator("walden-scaled", (name, a, c) -> {
        double unit = Converters.energyPerConversionJ(c.lib().device("adc"), c.bits(Params.ADC_BITS), c.rateHz());
        return new Priced(name, a.adcConversions(), "adc_conversions", unit, a.adcConversions() * unit, List.of("adc"));
    });

    /**
     * An analog modulator is driven once per symbol: the DAC sets the drive level (its energy is the dac line) and
     * the modulator's capacitance is charged once, as for one on-off bit, whatever the number of levels. Model
     * assumption: one symbol costs the device's energy per bit (charging dac_bits x energy per bit, as a serial
     * b-bit link would, overcounts a b-bit symbol b times).
     */
    static final Estimator MODULATOR = estimator("energy-per-symbol", (name, a, c) -> {
        String mod = c.family().modulatorDevice();
        double perSymbol = c.lib().value(mod, "energy_per_bit_j");
        return new Priced(name, a.modulatorSymbols(), "modulator_symbols", perSymbol,
                a.modulatorSymbols() * perSymbol, List.of(mod));
    });

    /** The TIA is on for one symbol period per reading. */
    static final Estimator DETECTOR = estimator("tia-per-symbol", (name, a, c) -> {
        double p = c.lib().value("tia", "power_w");
        return new Priced(name, a.detectorReadings(), "detector_readings", p / c.rateHz(),
                a.detectorReadings() * p / c.rateHz(), List.of("photodetector", "tia"));
    });

    /**
     * Partial sums of tiled inner dimensions plus one bias add per output, 32-bit; plus the workload's fp32
     * operations outside the GEMMs (none for an MLP; then the line is exactly count x unit price).
     */
    static final Estimator DIGITAL = estimator("add32", (name, a, c) -> {
        double unit = c.lib().value("digital", "add32_energy_j");
        double energy = a.partialSumAdds() * unit
                + a.digitalOps().adds() * c.lib().value("digital", "fp32_add_energy_j")
                + a.digitalOps().mults() * c.lib().value("digital", "fp32_mult_energy_j")
                + a.digitalOps().specials() * c.lib().value("digital", "fp32_special_energy_j");
        return new Priced(name, a.partialSumAdds(), "partial_sum_adds", unit, energy, List.of("digital"));
    });

    /**
     * Heaters burn P_pi x phase / pi while they hold; the phases are the programmed ones (their mean over the
     * layout's decompositions, {@code photonics.HeldPhases}), not a uniform pi.
     */
    static final Estimator THERMO_OPTIC = holding("thermo-optic", "power_per_pi_w");

    /** A non-volatile cell (MEMS, PCM) holds at its (near-zero) power_per_pi_w; it pays to write instead. */
    static final Estimator NON_VOLATILE = holding("non-volatile", "power_per_pi_w");

    /** Thermally tuned rings hold their detuning at hold_power_w each. */
    static final Estimator RING_TUNING = holding("ring-tuning", "hold_power_w");

    private static Estimator holding(String estimatorName, String powerField) {
        return estimator(estimatorName, (name, a, c) -> {
            WeightCells cells = a.weightCells();
            double p = c.lib().value(cells.device(), powerField) * cells.heldFraction();
            double holdW = cells.perCore() * p;
            return new Priced(name, a.cellSecondsHeld(), "cell_seconds_held", p, holdW * a.cores() * a.latencyS(),
                    List.of(cells.device()));
        });
    }

    /** Writing a cell: its write energy plus one weight-DAC conversion at the reprogramming rate. */
    static final Estimator CELL_WRITE = programming("cell-write", true);

    /** Tuning a ring: one weight-DAC conversion at the reprogramming rate (the heater's energy is the holding). */
    static final Estimator TUNING_DAC = programming("tuning-dac", false);

    private static Estimator programming(String estimatorName, boolean writeEnergy) {
        return estimator(estimatorName, (name, a, c) -> {
            WeightCells cells = a.weightCells();
            double reconfigS = c.lib().value(cells.reconfigurationDevice(), "reconfiguration_time_s");
            double writeJ = writeEnergy ? c.lib().value(cells.device(), "write_energy_j") : 0;
            double perCellJ = writeJ + Converters.energyPerConversionJ(c.lib().device("dac"),
                    c.bits(Params.WEIGHT_BITS), 1.0 / reconfigS);
            return new Priced(name, a.cellsProgrammed(), "cells_programmed", perCellJ, a.cellsProgrammed() * perCellJ,
                    writeEnergy ? List.of(cells.device(), "dac") : List.of("dac"));
        });
    }

    /**
     * One memory level: its reads and writes (words per inference, from the dataflow) at its per-word read and write
     * energies, which depend on its capacity ({@link MemoryHierarchy}); the unit price is their access-weighted mean.
     */
    static Estimator memoryLevel(String level, String estimatorName) {
        return estimator(estimatorName, (name, a, c) -> {
            MemoryHierarchy.Level l = a.memory().level(level);
            Dataflow.Access x = a.traffic().get(level);
            double energy = x.reads() * l.readJ() + x.writes() * l.writeJ();
            double count = x.reads() + x.writes();
            return new Priced(name, count, level + "_accesses", count == 0 ? l.readJ() : energy / count, energy,
                    List.of(l.device()));
        });
    }

    static final Estimator ACCUMULATOR = memoryLevel(MemoryHierarchy.ACCUMULATOR, "sram-capacity-scaled");
    static final Estimator IO_BUFFER = memoryLevel(MemoryHierarchy.IO_BUFFER, "sram-capacity-scaled");
    static final Estimator GLOBAL_BUFFER = memoryLevel(MemoryHierarchy.GLOBAL_BUFFER, "sram-capacity-scaled");
    static final Estimator DRAM = memoryLevel(MemoryHierarchy.DRAM, "horowitz-64b");

    /**
     * The on-chip network ({@link NetworkOnChip}): every word the global buffer or DRAM reads or writes crosses the
     * mean number of hops between the buffer and the cores, a router and a core pitch of wire per hop.
     */
    static final Estimator NOC = estimator("mesh-hops", (name, a, c) -> {
        double perWord = 64 * NetworkOnChip.of(c.design(), c.family(), c.lib(), a.memory()).energyPerBitJ(c.lib());
        return new Priced(name, a.nocWords(), "noc_words", perWord, a.nocWords() * perWord,
                List.of("noc_router", "wire"));
    });

    /** Every SRAM level's leakage (capacity x leakage per bit) for the whole latency. */
    static final Estimator LEAKAGE = estimator("leakage-per-bit", (name, a, c) -> {
        double w = a.memory().leakageW();
        return new Priced(name, a.latencyS(), "latency_s", w, w * a.latencyS(), List.of("sram_scaling"));
    });

    /**
     * The analog front end while the weights are reprogrammed: every TIA and converter of every core at its standby
     * power for the idle time (latency minus compute time).
     */
    static final Estimator STANDBY = estimator("front-end-standby", (name, a, c) -> {
        var n = c.family().counts(c.design());
        double w = a.cores() * (n.tias() * c.lib().value("tia", "standby_power_w")
                + n.adcs() * c.lib().value("adc", "standby_power_w")
                + n.dacs() * c.lib().value("dac", "standby_power_w"));
        return new Priced(name, a.frontEndIdleS(), "front_end_idle_s", w, w * a.frontEndIdleS(),
                List.of("tia", "adc", "dac"));
    });

    /** A controller and clock tree per core, on for the whole latency. */
    static final Estimator CONTROLLER = estimator("per-core-controller", (name, a, c) -> {
        double w = c.lib().value("controller", "power_w");
        double coreSeconds = a.cores() * a.latencyS();
        return new Priced(name, coreSeconds, "core_seconds", w, w * coreSeconds, List.of("controller"));
    });

    /** The memory levels and always-on lines every family shares, in breakdown order. */
    private static void memoryAndAlwaysOn(Map<String, Estimator> m, boolean photonic) {
        m.put(MemoryHierarchy.ACCUMULATOR, ACCUMULATOR);
        m.put(MemoryHierarchy.IO_BUFFER, IO_BUFFER);
        m.put(MemoryHierarchy.GLOBAL_BUFFER, GLOBAL_BUFFER);
        m.put("noc", NOC);
        m.put(MemoryHierarchy.DRAM, DRAM);
        m.put("leakage", LEAKAGE);
        if (photonic) {
            m.put("standby", STANDBY);
        }
        m.put("controller", CONTROLLER);
    }

    /**
     * One integer multiply of weight x activation bits and one accumulator-wide add per MAC of a digital array, at
     * Horowitz's 45 nm energies interpolated in width ({@link IntegerArithmetic}).
     */
    static final Estimator INTEGER_MAC = estimator("horowitz-int-mac", (name, a, c) -> {
        Design d = c.design();
        double unit = IntegerArithmetic.multJ(c.lib(), d.getInt(Params.WEIGHT_BITS), d.getInt(Params.ACTIVATION_BITS))
                + IntegerArithmetic.addJ(c.lib(), d.getInt(Params.ACCUMULATOR_BITS));
        return new Priced(name, a.macs(), "macs", unit, a.macs() * unit, List.of("digital"));
    });

    /** Every estimator by component, in breakdown order: the list {@code phodex} can choose from. */
    public static Map<String, List<Estimator>> all() {
        Map<String, List<Estimator>> m = new LinkedHashMap<>();
        m.put("laser", List.of(laser(NOISE_LINK_BUDGET), laser(CROSSLIGHT)));
        m.put("mac", List.of(INTEGER_MAC));
        m.put("dac", List.of(DAC));
        m.put("modulator", List.of(MODULATOR));
        m.put("detector_tia", List.of(DETECTOR));
        m.put("adc", List.of(ADC));
        m.put("digital", List.of(DIGITAL));
        m.put("weight_hold", List.of(THERMO_OPTIC, NON_VOLATILE, RING_TUNING));
        m.put("weight_program", List.of(CELL_WRITE, TUNING_DAC));
        m.put(MemoryHierarchy.ACCUMULATOR, List.of(ACCUMULATOR));
        m.put(MemoryHierarchy.IO_BUFFER, List.of(IO_BUFFER));
        m.put(MemoryHierarchy.GLOBAL_BUFFER, List.of(GLOBAL_BUFFER));
        m.put("noc", List.of(NOC));
        m.put(MemoryHierarchy.DRAM, List.of(DRAM));
        m.put("leakage", List.of(LEAKAGE));
        m.put("standby", List.of(STANDBY));
        m.put("controller", List.of(CONTROLLER));
        return m;
    }

    /** The laser sizing the design's {@code laser_model} names (default: the noise-derived budget). */
    public static LaserSizingModel laserSizing(Design d) {
        String key = d.has(Params.LASER_MODEL) ? d.getString(Params.LASER_MODEL) : "noise";
        LaserSizingModel m = LASER.get(key);
        if (m == null) {
            throw new IllegalArgumentException("no laser model '" + key + "'; valid: " + LASER.keySet());
        }
        return m;
    }

    /** The estimator of each breakdown component for a design, in breakdown order. */
    public static Map<String, Estimator> forDesign(Design d, Family f, DeviceLibrary lib) {
        WeightCells cells = f.weightCells(d);
        Map<String, Estimator> m = new LinkedHashMap<>();
        if (!f.photonic()) { // a digital MAC array: its arithmetic and the same memories as the photonic families
            m.put("mac", INTEGER_MAC);
            m.put("digital", DIGITAL);
            memoryAndAlwaysOn(m, false);
            return m;
        }
        m.put("laser", laser(laserSizing(d)));
        m.put("dac", DAC);
        m.put("modulator", MODULATOR);
        m.put("detector_tia", DETECTOR);
        m.put("adc", ADC);
        m.put("digital", DIGITAL);
        m.put("weight_hold", switch (cells.kind()) {
            case RING -> RING_TUNING;
            case PHASE_SHIFTER -> lib.value(cells.device(), "power_per_pi_w") > 0 ? THERMO_OPTIC : NON_VOLATILE;
            case REGISTER -> throw new IllegalStateException("register cells belong to a digital family");
        });
        m.put("weight_program", switch (cells.kind()) {
            case RING -> TUNING_DAC;
            case PHASE_SHIFTER -> CELL_WRITE;
            case REGISTER -> throw new IllegalStateException("register cells belong to a digital family");
        });
        memoryAndAlwaysOn(m, true);
        return m;
    }

    private Estimators() {
    }
}
