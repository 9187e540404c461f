package org.phodex.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.spec.SearchRange;

/**
 * A synthetic architecture and an analytic evaluator with real trade-offs, for tests: more ADC bits and
 * laser margin buy accuracy with energy; a larger mesh saves energy and costs accuracy and area; MEMS phase
 * shifters save energy and cost a little accuracy.
 */
public final class Synthetic {
    private Synthetic() {
    }

    public static final String YAML = """
            version: 1
            name: synth-a
            family: mzi-clements
            description: synthetic test architecture
            parameters:
              layout: clements
              mesh_size: 16
              cores: 1
              wavelengths: 1
              dac_bits: 8
              adc_bits: 8
              weight_bits: 8
              modulation_ghz: 10
              phase_shifter: thermo_optic
              laser_margin_db: 0
              phase_error_rad: 0.01
              coupler_error: 0.01
            search_space:
              mesh_size: {min: 4, max: 64, step: 4}
              adc_bits: {min: 2, max: 10}
              phase_shifter: {choices: [thermo_optic, mems]}
              laser_margin_db: {min: -5, max: 5}
            constraints:
              max_area_mm2: 30
            """;

    /** synth-a in code; {@code marginStep} 0 = continuous laser margin, else a grid. */
    public static ArchitectureSpec spec(String name, double marginStep, ArchitectureSpec.Constraints c) {
        TreeMap<String, Object> d = new TreeMap<>();
        d.put("layout", "clements");
        d.put("mesh_size", 16);
        d.put("cores", 1);
        d.put("adc_bits", 8);
        d.put("phase_shifter", "thermo_optic");
        d.put("laser_margin_db", 0.0);
        Map<String, SearchRange> s = new LinkedHashMap<>();
        s.put("mesh_size", new SearchRange(Params.get("mesh_size"), 4, 64, 4, List.of()));
        s.put("adc_bits", new SearchRange(Params.get("adc_bits"), 2, 10, 0, List.of()));
        s.put("phase_shifter", new SearchRange(Params.get("phase_shifter"), 0, 0, 0,
                List.of("thermo_optic", "mems")));
        s.put("laser_margin_db", new SearchRange(Params.get("laser_margin_db"), -5, 5, marginStep, List.of()));
        return new ArchitectureSpec(name, "mzi-clements", "synthetic", "", null, new Design(name, d), s, c);
    }

    public static ArchitectureSpec spec() {
        return spec("synth-a", 0, ArchitectureSpec.Constraints.NONE);
    }

    /** synth-a with a 1-step laser-margin grid plus dac_bits and weight_bits in 1..8: 202,752 designs. */
    public static ArchitectureSpec hardSpec() {
        ArchitectureSpec a = spec("synth-hard", 1, ArchitectureSpec.Constraints.NONE);
        Map<String, SearchRange> s = new LinkedHashMap<>(a.searchSpace());
        s.put("dac_bits", new SearchRange(Params.get("dac_bits"), 1, 8, 0, List.of()));
        s.put("weight_bits", new SearchRange(Params.get("weight_bits"), 1, 8, 0, List.of()));
        return new ArchitectureSpec(a.name(), a.family(), "", "", null, a.defaults(), s, a.constraints());
    }

    /**
     * {@link #evaluate} with dac_bits and weight_bits that cost energy and accuracy away from 5 and 3: only
     * 1 design in 64 can be on the front, so blind sampling finds little of it.
     */
    public static Outcome evaluateHard(Design d) {
        Outcome o = evaluate(d);
        double off = Math.abs(d.getInt("dac_bits") - 5) + Math.abs(d.getInt("weight_bits") - 3);
        return Outcome.of(d, o.energyJ() * (1 + 0.5 * off), o.accuracy() - 0.02 * off, o.latencyS(), o.areaMm2(),
                o.columns());
    }

    public static Outcome evaluate(Design d) {
        double mesh = d.getInt("mesh_size");
        int adc = d.getInt("adc_bits");
        boolean mems = d.getString("phase_shifter").equals("mems");
        double margin = d.getDouble("laser_margin_db");
        double cores = d.has("cores") ? d.getInt("cores") : 1;
        double laserJ = 1e-9 * Math.pow(10, margin / 10) / Math.sqrt(mesh);
        double adcJ = 2e-11 * Math.pow(2, adc) / mesh * 4;
        double tuneJ = (mems ? 0.2e-10 : 1e-10) * cores;
        double energy = laserJ + adcJ + tuneJ;
        double accuracy = 0.98 - 0.6 * Math.pow(2, -adc) - 0.25 / (1 + Math.exp(margin + 1)) - 0.03 * mesh / 64
                - (mems ? 0.01 : 0);
        double latency = 1e-6 * 64 / mesh;
        double area = mesh * mesh * 0.01 * (mems ? 1.5 : 1);
        LinkedHashMap<String, Object> cols = new LinkedHashMap<>();
        cols.put("power_w", energy / latency);
        cols.put("breakdown_laser_j", laserJ);
        cols.put("breakdown_adc_j", adcJ);
        cols.put("breakdown_tuning_j", tuneJ);
        cols.put("phase_shifter_kind", mems ? "mechanical" : "thermal");
        return Outcome.of(d, energy, accuracy, latency, area, cols);
    }

    public static DesignEvaluator evaluator() {
        return new DesignEvaluator() {
            @Override
            public Outcome evaluate(Design design) {
                return Synthetic.evaluate(design);
            }

            @Override
            public Map<String, Object> runInfo() {
                return Map.of("baseline", Map.of("name", "electronic-synthetic", "energy_j", 1e-8),
                        "reference_accuracy", 0.98);
            }
        };
    }
}
