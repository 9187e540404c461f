package org.phodex.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.phodex.moo.Evaluation;
import org.phodex.moo.Outcome;

/**
 * The column order of {@code evaluations.csv}, {@code pareto.csv} and {@code sweep.csv} (plots read it):
 * {@code eval_id,generation,architecture,<parameters sorted>,feasible,energy_j,accuracy,latency_s,area_mm2,
 * <extra columns in the evaluator's order>,eval_time_s,design_key}; a sweep drops the first two.
 */
public record CsvLayout(List<String> params, List<String> extra, boolean withEvalColumns) {

    public CsvLayout {
        params = List.copyOf(params);
        extra = List.copyOf(extra);
    }

    public List<String> header() {
        List<String> h = new ArrayList<>();
        if (withEvalColumns) {
            h.add("eval_id");
            h.add("generation");
        }
        h.add("architecture");
        h.addAll(params);
        h.addAll(List.of("feasible", "energy_j", "accuracy", "latency_s", "area_mm2"));
        h.addAll(extra);
        h.add("eval_time_s");
        h.add("design_key");
        return h;
    }

    public List<String> row(Evaluation e) {
        return row(e.evalId(), e.generation(), e.outcome(), e.score().feasible());
    }

    public List<String> row(long evalId, long generation, Outcome o, boolean feasible) {
        List<String> r = new ArrayList<>();
        if (withEvalColumns) {
            r.add(Long.toString(evalId));
            r.add(Long.toString(generation));
        }
        r.add(o.design().architecture());
        Map<String, Object> p = o.design().params();
        for (String name : params) {
            r.add(format(p.get(name)));
        }
        r.add(Boolean.toString(feasible));
        r.add(format(o.energyJ()));
        r.add(format(o.accuracy()));
        r.add(format(o.latencyS()));
        r.add(format(o.areaMm2()));
        for (String c : extra) {
            r.add(format(o.columns().get(c)));
        }
        r.add(format(o.evalSeconds()));
        r.add(o.design().key());
        return r;
    }

    /** Numbers in Java's shortest round-trip form; NaN and missing values as empty cells. */
    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "" : d.toString();
        }
        if (v instanceof Float f) {
            return f.isNaN() ? "" : f.toString();
        }
        return v.toString();
    }

    /** The union of the outcomes' extra column names, in order of first appearance. */
    public static List<String> extraColumns(List<Outcome> outcomes) {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
        for (Outcome o : outcomes) {
            s.addAll(o.columns().keySet());
        }
        return new ArrayList<>(s);
    }
}
