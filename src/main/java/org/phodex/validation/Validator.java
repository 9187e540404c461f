package org.phodex.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.arch.MziFamily;
import org.phodex.cost.CostModel;
import org.phodex.cost.CostReport;
import org.phodex.cost.Converters;
import org.phodex.cost.DigitalBaseline;
import org.phodex.cost.IntegerArithmetic;
import org.phodex.cost.LaserSizing;
import org.phodex.cost.MemoryHierarchy;
import org.phodex.devices.DeviceLibrary;
import org.phodex.evaluation.DesignResolver;
import org.phodex.photonics.MrrBank;
import org.phodex.photonics.ZigguratRandom;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.workload.Gemm;

/** Runs each published case through the same model code that evaluations use. */
public final class Validator {

    /** One compared quantity; a miss of a known disagreement does not fail (see {@link #fails()}). */
    public record Row(ReferenceCase c, String quantity, double model, double published, double tolerance,
                      boolean pass) {
        /** Outside its tolerance and not a known disagreement: makes {@code validate} exit 1. */
        public boolean fails() {
            return !pass && !c.knownDisagreement();
        }

        public double relativeError() {
            return published == 0 ? model - published : (model - published) / Math.abs(published);
        }
    }

    private final DeviceLibrary lib;
    private final DigitalBaseline baseline;
    private final Function<String, ArchitectureSpec> architectures;

    /**
     * @param architectures an architecture spec by name, for {@code design} cases
     */
    public Validator(DeviceLibrary lib, DigitalBaseline baseline, Function<String, ArchitectureSpec> architectures) {
        this.lib = lib;
        this.baseline = baseline;
        this.architectures = architectures;
    }

    public List<Row> run(List<ReferenceCase> cases) {
        List<Row> rows = new ArrayList<>();
        for (ReferenceCase c : cases) {
            Map<String, Double> computed = compute(c);
            for (Map.Entry<String, ReferenceCase.Expected> e : c.expected().entrySet()) {
                double m = computed.get(e.getKey());
                ReferenceCase.Expected x = e.getValue();
                rows.add(new Row(c, e.getKey(), m, x.value(), x.tolerance(), x.accepts(m)));
            }
        }
        return rows;
    }

    private Map<String, Double> compute(ReferenceCase c) {
        Map<String, Object> in = c.inputs();
        Map<String, Double> out = new LinkedHashMap<>();
        switch (c.model()) {
            case "crosslight_laser" -> {
                double dbm = LaserSizing.crossLightOpticalDbm(num(in, "sensitivity_dbm"), num(in, "modulator_loss_db"),
                        num(in, "compute_loss_db"), (int) num(in, "nw"), (int) num(in, "nh"));
                out.put("optical_dbm", dbm);
                out.put("electrical_w", LaserSizing.crossLightElectricalW(dbm, num(in, "wall_plug_efficiency"),
                        (int) num(in, "bits")));
            }
            case "converter" -> out.put("energy_per_conversion_j", Converters.energyPerConversionJ(
                    lib.device(in.get("device").toString()), (int) num(in, "bits"), num(in, "rate_hz")));
            case "mesh" -> {
                Family f = Families.get(in.get("family").toString());
                Map<String, Object> p = new LinkedHashMap<>();
                p.put(Params.MESH_SIZE, (int) num(in, "mesh_size"));
                p.put(Params.BUTTERFLY_STACKS, in.containsKey("butterfly_stacks") ? (int) num(in, "butterfly_stacks") : 1);
                p.put(Params.MESH_COLUMNS, in.containsKey("mesh_columns") ? (int) num(in, "mesh_columns")
                        : (int) num(in, "mesh_size"));
                p.put(Params.WAVELENGTHS, 1);
                Design d = Design.of(f.name(), p);
                if (f instanceof MziFamily m) {
                    out.put("unitary_mzis", (double) m.unitaryMzis(d));
                    out.put("unitary_depth", (double) m.unitaryDepth(d));
                }
                out.put("tile_mzis", (double) f.counts(d).mzis());
                out.put("tile_depth", (double) f.opticalDepth(d));
            }
            case "digital_baseline" -> {
                String w = in.get("workload").toString();
                DigitalBaseline.Figure fig = in.get("batch").toString().equals("one") ? baseline.batchOne(w, 0)
                        : baseline.best(w, 0);
                out.put("energy_j", fig.energyJ());
            }
            case "mrr_weight_bank" -> out.put("weight_accuracy_bits", weightAccuracyBits(in));
            case "design" -> {
                ArchitectureSpec spec = architectures.apply(in.get("architecture").toString());
                List<String> settings = in.containsKey("set") ? List.of(in.get("set").toString().trim().split("\\s+"))
                        : List.of();
                DesignResolver.Resolved r = DesignResolver.resolve(spec, lib, settings);
                Family f = Families.get(spec.family());
                Gemm g = new Gemm("reference", (long) num(in, "gemm_rows"), (int) num(in, "gemm_inner"),
                        (int) num(in, "gemm_outputs"), 1);
                CostReport cost = CostModel.evaluate(r.design(), f, r.devices(), List.of(g));
                // one multiply-accumulate counts as two operations (multiply and add), as TOPS figures do
                out.put("energy_per_op_j", cost.energyPerMacJ() / 2);
                out.put("throughput_ops_per_s", 2 * cost.throughputMacsPerS());
                out.put("power_w", cost.powerW());
            }
            case "memory_level" -> {
                // one access of word_bits: an SRAM of capacity_bytes (Horowitz, capacity-scaled, banked) or DRAM
                double bits = num(in, "word_bits");
                String level = in.get("level").toString();
                double e64 = switch (level) {
                    case "sram" -> MemoryHierarchy.sramAccess64J(lib, num(in, "capacity_bytes"));
                    case "dram" -> lib.value("dram", "access_energy_64b_j");
                    default -> throw new IllegalArgumentException("level is sram or dram, got '" + level + "'");
                };
                double e = e64 * bits / 64;
                out.put("log10_energy_per_access_j", Math.log10(e));
                if (in.containsKey("relative_to_mac_bits")) {
                    int b = (int) num(in, "relative_to_mac_bits");
                    double mac = IntegerArithmetic.multJ(lib, b, b) + IntegerArithmetic.addJ(lib, b);
                    out.put("log10_relative_to_mac", Math.log10(e / mac));
                }
            }
            default -> throw new IllegalStateException(c.model());
        }
        return out;
    }

    /**
     * A weight bank's static accuracy in bits, log2(span / RMS error) over targets uniform in [-span/2, span/2]:
     * {@code banks} banks of {@code channels} rings, the library's ring fabrication spread unless given, the tuning
     * DAC and the calibration as stated; offsets and targets from fixed seeds.
     */
    private double weightAccuracyBits(Map<String, Object> in) {
        int k = (int) num(in, "channels");
        int banks = in.containsKey("banks") ? (int) num(in, "banks") : 256;
        double span = in.containsKey("weight_span") ? num(in, "weight_span") : 2;
        double spacing = in.containsKey("channel_spacing_nm") ? num(in, "channel_spacing_nm") : Double.POSITIVE_INFINITY;
        double sigma = in.containsKey("resonance_sigma_nm") ? num(in, "resonance_sigma_nm")
                : lib.value("microring", "resonance_sigma_nm");
        String cal = in.get("calibration").toString();
        if (!cal.equals("none") && !cal.equals("feedback")) {
            throw new IllegalArgumentException("calibration is none or feedback, got '" + cal + "'");
        }
        MrrBank bank = new MrrBank(num(in, "ring_q"), spacing, lib.value("laser", "wavelength_nm"),
                (int) num(in, "tuning_bits"), sigma, cal.equals("feedback"));
        long seed = in.containsKey("seed") ? (long) num(in, "seed") : 1;
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[banks * k];
        for (int i = 0; i < t.length; i++) {
            t[i] = (r.nextDouble() - 0.5) * span;
        }
        double[] got = bank.realize(t, banks, k, new ZigguratRandom(seed + 1));
        double sq = 0;
        for (int i = 0; i < t.length; i++) {
            sq += (got[i] - t[i]) * (got[i] - t[i]);
        }
        return Math.log(span / Math.sqrt(sq / t.length)) / Math.log(2);
    }

    private static double num(Map<String, Object> in, String key) {
        return ((Number) in.get(key)).doubleValue();
    }
}
