package org.phodex.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluated design as the figures see it: one row of {@code evaluations.csv}, {@code pareto.csv} or
 * {@code sweep.csv}.
 *
 * @param evalId        the run's evaluation id ("" in sweeps)
 * @param architecture  architecture name
 * @param parameters    parameter name -> cell text, in file order (empty cells kept as "")
 * @param feasible      whether all constraints held
 * @param energyJ       energy per inference
 * @param accuracy      top-1 accuracy, fraction 0..1; NaN for shape-only workloads
 * @param relativeError RMS output error relative to the exact product; NaN if not reported
 * @param energyPerMacJ energy per MAC; NaN if not reported
 * @param breakdownJ    component -> energy per inference (from {@code breakdown_<component>_j} columns)
 * @param designKey     the design's cache key
 * @param accuracyStd   spread of the accuracy over chip samples (fraction); NaN if not reported
 */
record DesignPoint(String evalId, String architecture, Map<String, String> parameters, boolean feasible,
                   double energyJ, double accuracy, double relativeError, double energyPerMacJ,
                   Map<String, Double> breakdownJ, String designKey, double accuracyStd, double ci95Low,
                   double ci95High) {

    DesignPoint(String evalId, String architecture, Map<String, String> parameters, boolean feasible,
                double energyJ, double accuracy, double relativeError, double energyPerMacJ,
                Map<String, Double> breakdownJ, String designKey) {
        this(evalId, architecture, parameters, feasible, energyJ, accuracy, relativeError, energyPerMacJ,
                breakdownJ, designKey, Double.NaN);
    }

    DesignPoint(String evalId, String architecture, Map<String, String> parameters, boolean feasible,
                double energyJ, double accuracy, double relativeError, double energyPerMacJ,
                Map<String, Double> breakdownJ, String designKey, double accuracyStd) {
        this(evalId, architecture, parameters, feasible, energyJ, accuracy, relativeError, energyPerMacJ,
                breakdownJ, designKey, accuracyStd, Double.NaN, Double.NaN);
    }

    /** True when the CSV carried the accuracy's 95% interval (pareto.csv of a re-scored run). */
    boolean hasInterval() {
        return Double.isFinite(ci95Low) && Double.isFinite(ci95High);
    }

    static final String BREAKDOWN_PREFIX = "breakdown_";
    static final String BREAKDOWN_SUFFIX = "_j";

    /** Reads every row; parameter columns are those between "architecture" and "feasible". */
    static List<DesignPoint> readAll(CsvTable table) {
        table.require("architecture", "feasible", "energy_j");
        if (!table.has("accuracy") && !table.has("relative_error")) {
            throw new PlotInputException(table.file() + ": needs an accuracy or a relative_error column");
        }
        List<String> cols = table.columns();
        int from = cols.indexOf("architecture") + 1;
        int to = cols.indexOf("feasible");
        List<String> parameterColumns = to > from ? cols.subList(from, to) : List.of();
        List<String> breakdownColumns = new ArrayList<>();
        for (String c : table.columnsStartingWith(BREAKDOWN_PREFIX)) {
            if (c.endsWith(BREAKDOWN_SUFFIX)) {
                breakdownColumns.add(c);
            }
        }
        List<DesignPoint> out = new ArrayList<>(table.size());
        for (int r = 0; r < table.size(); r++) {
            Map<String, String> params = new LinkedHashMap<>();
            for (String p : parameterColumns) {
                params.put(p, table.text(r, p));
            }
            Map<String, Double> breakdown = new LinkedHashMap<>();
            for (String c : breakdownColumns) {
                double v = table.number(r, c);
                if (!Double.isNaN(v)) {
                    breakdown.put(componentName(c), v);
                }
            }
            out.add(new DesignPoint(table.text(r, "eval_id"), table.text(r, "architecture"),
                    Collections.unmodifiableMap(params), table.bool(r, "feasible"), table.number(r, "energy_j"),
                    table.number(r, "accuracy"), table.number(r, "relative_error"),
                    table.number(r, "energy_per_mac_j"), Collections.unmodifiableMap(breakdown),
                    table.text(r, "design_key"), table.has("accuracy_std") ? table.number(r, "accuracy_std")
                    : Double.NaN, table.has("accuracy_ci95_low") ? table.number(r, "accuracy_ci95_low") : Double.NaN,
                    table.has("accuracy_ci95_high") ? table.number(r, "accuracy_ci95_high") : Double.NaN));
        }
        return out;
    }

    /** "breakdown_detector_tia_j" -> "detector_tia". */
    static String componentName(String column) {
        return column.substring(BREAKDOWN_PREFIX.length(), column.length() - BREAKDOWN_SUFFIX.length());
    }

    /** The parameter's value, or "" if this architecture lacks it. */
    String parameter(String name) {
        return parameters.getOrDefault(name, "");
    }

    /** A short label of the parameters that matter most, e.g. "n=16, 4λ, ADC 6b, +3 dB". */
    String shortLabel() {
        List<String> parts = new ArrayList<>();
        String n = clean(parameter("mesh_size"));
        if (!n.isEmpty()) {
            parts.add("n=" + n);
        }
        String cores = clean(parameter("cores"));
        if (!cores.isEmpty() && !cores.equals("1")) {
            parts.add(cores + " cores");
        }
        String lambdas = clean(parameter("wavelengths"));
        if (!lambdas.isEmpty() && !lambdas.equals("1")) {
            parts.add(lambdas + "λ");
        }
        String adc = clean(parameter("adc_bits"));
        if (!adc.isEmpty()) {
            parts.add("ADC " + adc + "b");
        }
        String margin = clean(parameter("laser_margin_db"));
        if (!margin.isEmpty()) {
            parts.add((margin.startsWith("-") ? "" : "+") + margin + " dB");
        }
        return String.join(", ", parts);
    }

    /** "6.0" -> "6", "3.50" -> "3.5"; text stays as it is. */
    static String clean(String cell) {
        String s = cell.trim();
        try {
            double v = Double.parseDouble(s);
            if (v == Math.rint(v) && Math.abs(v) < 1e9) {
                return Long.toString((long) v);
            }
            return SiFormat.significant(v);
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
