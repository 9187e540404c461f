package org.phodex.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.phodex.arch.LossTerm;
import org.phodex.cost.CostReport;

/**
 * The JSON form of an evaluation: the CLI contract's fields, plus the link budget, the devices used, the action
 * counts and the estimator that priced each breakdown component. The contract's {@code baseline} list is added by
 * {@code evaluate} from {@code org.phodex.verdict.Baselines}, which prices the design beside every baseline.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    public static ObjectNode toNode(EvaluationResult r, long seed) {
        CostReport c = r.cost();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("architecture", r.design().architecture());
        o.put("workload", r.workload());
        ObjectNode design = o.putObject("design");
        for (Map.Entry<String, Object> e : r.design().params().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Integer i) {
                design.put(e.getKey(), i);
            } else if (v instanceof Double d) {
                design.put(e.getKey(), d);
            } else {
                design.put(e.getKey(), v.toString());
            }
        }
        o.put("energy_j", c.energyJ());
        ObjectNode b = o.putObject("energy_breakdown_j");
        c.breakdownJ().forEach(b::put);
        o.put("macs", c.macs());
        o.put("energy_per_mac_j", c.energyPerMacJ());
        o.put("latency_s", c.latencyS());
        o.put("throughput_macs_per_s", c.throughputMacsPerS());
        o.put("power_w", c.powerW());
        o.put("area_mm2", c.areaMm2());
        o.put("laser_power_w", c.link().laserElectricalW());
        o.put("received_power_w", c.link().receivedPowerW());
        o.put("detected_photons_per_mac", c.detectedPhotonsPerMac());
        o.put("optical_energy_per_mac_j", c.opticalEnergyPerMacJ());
        number(o, "attention_energy_j", c.attentionEnergyJ());
        number(o, "attention_energy_share", c.attentionShare());
        number(o, "accuracy", r.accuracy());
        number(o, "accuracy_std", r.accuracyStd());
        number(o, "reference_accuracy", r.referenceAccuracy());
        o.put("accuracy_samples", r.accuracySamples());
        o.put("chips", r.chips());
        if (r.accuracyStats() != null) {
            // AccuracyStats says how each is formed (README, "How accuracy is reported")
            var st = r.accuracyStats();
            o.put("accuracy_ci95_low", st.ci95Low());
            o.put("accuracy_ci95_high", st.ci95High());
            o.put("accuracy_p10", st.p10());
            o.put("accuracy_chips", st.chips());
            o.put("p_vs_float", st.pVsFloat());
            o.put("accuracy_vs_float", st.versusFloat());
        }
        number(o, "relative_error", r.relativeError());
        o.put("feasible", r.feasible());
        // false: no laser can drive it, and energy_j, power_w and the laser line price a laser that cannot exist
        o.put("buildable", r.buildable());
        if (!r.feasible()) {
            o.put("infeasible_reason", r.infeasibleReason());
            ArrayNode reasons = o.putArray("infeasible_reasons");
            for (String why : r.infeasibleReason().split(Evaluator.REASON_SEPARATOR)) {
                reasons.add(why);
            }
        }
        ArrayNode layers = o.putArray("layer_errors");
        for (EvaluationResult.LayerError le : r.layerErrors()) {
            ObjectNode l = layers.addObject();
            l.put("name", le.name());
            number(l, "relative_error", le.relativeRmsError());
            number(l, "snr_db", le.snrDb());
        }
        o.put("mesh_fit_error", r.fitErrorMean());
        ObjectNode link = o.putObject("link_budget");
        link.put("model", c.link().model());
        link.put("path_loss_db", c.link().pathLossDb());
        number(link, "target_snr_db", c.link().targetSnrDb());
        link.put("min_received_power_w", c.link().minReceivedPowerW());
        link.put("laser_optical_w", c.link().laserOpticalW());
        ArrayNode terms = link.putArray("path");
        for (LossTerm t : c.link().path()) {
            ObjectNode tn = terms.addObject();
            tn.put("name", t.name());
            tn.put("loss_db", t.lossDb());
            tn.put("device", t.device());
        }
        ObjectNode used = o.putObject("devices_used");
        c.devicesUsed().forEach((k, v) -> {
            ArrayNode a = used.putArray(k);
            v.forEach(a::add);
        });
        ObjectNode counts = o.putObject("action_counts");
        c.counts().asMap().forEach((k, v) -> {
            if (v instanceof Double x) {
                number(counts, k, x);
            } else {
                counts.put(k, ((Number) v).longValue());
            }
        });
        ObjectNode est = o.putObject("estimators");
        c.estimators().forEach(est::put);
        o.put("seed", seed);
        return o;
    }

    public static String toJson(EvaluationResult r, long seed) {
        try {
            return MAPPER.writeValueAsString(toNode(r, seed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
