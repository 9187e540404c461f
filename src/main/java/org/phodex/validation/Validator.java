package org.phodex.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.arch.MziFamily;
import org.phodex.cost.Converters;
import org.phodex.cost.DigitalBaseline;
import org.phodex.cost.LaserSizing;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/** Runs each published case through the same model code that evaluations use. */
public final class Validator {

    /** One compared quantity. */
    public record Row(ReferenceCase c, String quantity, double model, double published, double tolerance,
                      boolean pass) {
        public double relativeError() {
            return published == 0 ? model - published : (model - published) / Math.abs(published);
        }
    }

    private final DeviceLibrary lib;
    private final DigitalBaseline baseline;

    public Validator(DeviceLibrary lib, DigitalBaseline baseline) {
        this.lib = lib;
        this.baseline = baseline;
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
            default -> throw new IllegalStateException(c.model());
        }
        return out;
    }

    private static double num(Map<String, Object> in, String key) {
        return ((Number) in.get(key)).doubleValue();
    }
}
