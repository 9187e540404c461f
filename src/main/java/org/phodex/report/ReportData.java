package org.phodex.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Everything the report shows, read from a run or sweep folder's files only (nothing is re-evaluated): the rows
 * of {@code pareto.csv} and {@code evaluations.csv} (or {@code sweep.csv}), {@code indicators.csv},
 * {@code manifest.json}, {@code spec.resolved.yaml} and, when present, {@code verdict.json}.
 *
 * <p>The designs are stored column by column to keep a 10,000-design report small: numbers rounded to 5
 * significant digits (parameters keep their exact text, since the report turns them into an {@code evaluate}
 * command), text columns as a dictionary plus one index per row.
 */
final class ReportData {
    /** Significant digits kept for measured numbers (energies, accuracies, powers; the page shows 3 or 4). */
    static final MathContext DIGITS = new MathContext(5);
    /** Columns that are bulky and shown nowhere. */
    private static final Set<String> DROPPED = Set.of("design_key", "eval_time_s");

    private ReportData() {
    }

    /** The report's data as one JSON-ready map. */
    static Map<String, Object> read(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ReportInputException(dir + ": no such folder; give a run folder (runs/NAME) or a sweep folder");
        }
        Path sweepCsv = dir.resolve("sweep.csv");
        Path evaluationsCsv = dir.resolve("evaluations.csv");
        Path paretoCsv = dir.resolve("pareto.csv");
        boolean sweep = Files.isRegularFile(sweepCsv);
        if (!sweep && !Files.isRegularFile(evaluationsCsv)) {
            throw new ReportInputException(dir + ": neither a run folder (no evaluations.csv) nor a sweep folder "
                    + "(no sweep.csv); 'phodex search' and 'phodex sweep' write these");
        }
        JsonNode manifest = json(dir.resolve("manifest.json"));
        JsonNode verdict = json(dir.resolve("verdict.json"));
        Map<String, Object> spec = yaml(dir.resolve("spec.resolved.yaml"));

        List<Map<String, String>> rows = new ArrayList<>();
        List<Boolean> onFront = new ArrayList<>();
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        List<String> params;
        String frontSource;
        if (sweep) {
            Table t = Table.read(sweepCsv);
            params = parameterColumns(t);
            addAll(t, rows, onFront, columns, false, null);
            frontSource = "computed";
        } else {
            Table evaluations = Table.read(evaluationsCsv);
            params = parameterColumns(evaluations);
            Set<String> seen = new HashSet<>();
            if (Files.isRegularFile(paretoCsv)) {
                Table pareto = Table.read(paretoCsv);
                for (String p : parameterColumns(pareto)) {
                    if (!params.contains(p)) {
                        params.add(p);
                    }
                }
                addAll(pareto, rows, onFront, columns, true, seen);
                frontSource = "pareto.csv";
            } else {
                frontSource = "computed";
            }
            addAll(evaluations, rows, onFront, columns, false, seen);
        }
        columns.removeAll(DROPPED);
        String quality = rows.stream().anyMatch(r -> Double.isFinite(number(r.get("accuracy"))))
                ? "accuracy" : "relative_error";
        if (frontSource.equals("computed")) {
            markFront(rows, onFront, quality);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", 1);
        out.put("kind", sweep ? "sweep" : "search");
        out.put("run", dir.toAbsolutePath().normalize().getFileName().toString());
        out.put("manifest", manifest);
        out.put("verdict", verdict);
        out.put("quality", quality);
        out.put("front_source", frontSource);
        out.put("params", params);
        out.put("n", rows.size());
        out.put("front", onFront.stream().map(b -> b ? 1 : 0).toList());
        out.put("cols", encode(rows, columns, params));
        out.put("indicators", indicators(dir.resolve("indicators.csv")));
        out.put("families", families(spec));
        out.put("evaluate", evaluateArguments(manifest, spec));
        return out;
    }

    /** Parameter columns: those between "architecture" and "feasible" (see search.CsvLayout). */
    static List<String> parameterColumns(Table t) {
        int from = t.column("architecture");
        int to = t.column("feasible");
        if (from < 0 || to < 0 || to < from) {
            throw new ReportInputException(t.file() + ": expected columns architecture ... feasible, energy_j "
                    + "(header: " + String.join(",", t.columns()) + ")");
        }
        return new ArrayList<>(t.columns().subList(from + 1, to));
    }

    /** Appends a table's rows; with {@code seen}, skips rows already added (same eval_id, else design_key). */
    private static void addAll(Table t, List<Map<String, String>> rows, List<Boolean> onFront,
                               Set<String> columns, boolean front, Set<String> seen) {
        columns.addAll(t.columns());
        for (int r = 0; r < t.size(); r++) {
            Map<String, String> row = t.row(r);
            if (seen != null) {
                String id = row.getOrDefault("eval_id", "");
                String key = id.isEmpty() ? "key:" + row.getOrDefault("design_key", "") : "id:" + id;
                if (!seen.add(key) && !front) {
                    continue;
                }
            }
            rows.add(row);
            onFront.add(front);
        }
    }

    /** Marks the non-dominated feasible rows (least energy, best quality) when the folder has no pareto.csv. */
    static void markFront(List<Map<String, String>> rows, List<Boolean> onFront, String quality) {
        boolean higherBetter = quality.equals("accuracy");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            double e = number(r.get("energy_j"));
            double q = number(r.get(quality));
            if ("true".equalsIgnoreCase(r.get("feasible")) && e > 0 && Double.isFinite(e) && Double.isFinite(q)) {
                candidates.add(i);
            }
        }
        double sign = higherBetter ? 1 : -1;
        candidates.sort((a, b) -> {
            int c = Double.compare(number(rows.get(a).get("energy_j")), number(rows.get(b).get("energy_j")));
            return c != 0 ? c : Double.compare(sign * number(rows.get(b).get(quality)),
                    sign * number(rows.get(a).get(quality)));
        });
        double best = Double.NEGATIVE_INFINITY;
        for (int i : candidates) {
            double q = sign * number(rows.get(i).get(quality));
            if (q > best) {
                best = q;
                onFront.set(i, true);
            }
        }
    }

    /**
     * Column -> values. Numeric columns become arrays of numbers (null for empty or NaN); parameters and text
     * columns become {@code {"dict": [distinct texts], "idx": [one index per row]}}.
     */
    static Map<String, Object> encode(List<Map<String, String>> rows, Set<String> columns, List<String> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String c : columns) {
            boolean text = params.contains(c) || c.equals("architecture") || !numeric(rows, c);
            if (text) {
                Map<String, Integer> dict = new LinkedHashMap<>();
                int[] idx = new int[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    String v = rows.get(i).getOrDefault(c, "");
                    idx[i] = dict.computeIfAbsent(v, k -> dict.size());
                }
                Map<String, Object> enc = new LinkedHashMap<>();
                enc.put("dict", new ArrayList<>(dict.keySet()));
                enc.put("idx", idx);
                out.put(c, enc);
            } else {
                Object[] values = new Object[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    values[i] = compact(number(rows.get(i).get(c)));
                }
                out.put(c, values);
            }
        }
        return out;
    }

    private static boolean numeric(List<Map<String, String>> rows, String column) {
        for (Map<String, String> r : rows) {
            String s = r.getOrDefault(column, "");
            if (!s.isEmpty() && Double.isNaN(number(s)) && !isNanText(s)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNanText(String s) {
        return Set.of("nan", "null", "none", "na").contains(s.toLowerCase(java.util.Locale.ROOT));
    }

    /** "true"/"false" as 1/0; numbers as numbers; anything else NaN. */
    static double number(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** null for NaN and infinities (JSON has neither), a long for whole numbers, else 5 significant digits. */
    static Object compact(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return new BigDecimal(v).round(DIGITS).doubleValue();
    }

    private static Map<String, Object> indicators(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Table t = Table.read(file);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String c : t.columns()) {
            Object[] v = new Object[t.size()];
            for (int r = 0; r < t.size(); r++) {
                v[r] = compact(number(t.cell(r, c)));
            }
            out.put(c, v);
        }
        return out;
    }

    /** Architecture name -> family, from spec.resolved.yaml (empty when the folder has none). */
    private static Map<String, String> families(Map<String, Object> spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> a : architectures(spec)) {
            out.put(String.valueOf(a.get("name")), String.valueOf(a.getOrDefault("family", a.get("name"))));
        }
        return out;
    }

    /**
     * What an {@code evaluate} command needs beyond the design's parameters: the workload, the seed, the accuracy
     * samples and chips of the run, and per architecture the {@code -a} argument (its name, or its YAML path when
     * it did not come from the repository's {@code architectures/} folder).
     */
    private static Map<String, Object> evaluateArguments(JsonNode manifest, Map<String, Object> spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object workload = spec.get("workload");
        if (workload == null && manifest != null) {
            workload = manifest.path("workload").asText(null);
        }
        out.put("workload", workload);
        Object seed = spec.get("seed");
        if (seed == null && manifest != null && manifest.has("seed")) {
            seed = manifest.path("seed").asText();
        }
        out.put("seed", seed);
        if (manifest != null) {
            int samples = manifest.path("accuracy_samples").asInt(0);
            out.put("samples", samples > 0 ? samples : null);
            out.put("chips", manifest.has("chips") ? manifest.path("chips").asInt() : null);
        }
        Map<String, String> arch = new LinkedHashMap<>();
        for (Map<String, Object> a : architectures(spec)) {
            String name = String.valueOf(a.get("name"));
            Object file = a.get("file");
            String arg = name;
            if (file != null) {
                Path p = Path.of(file.toString());
                boolean repositoryFile = p.getFileName().toString().equals(name + ".yaml")
                        && p.getParent() != null && p.getParent().getFileName() != null
                        && p.getParent().getFileName().toString().equals("architectures");
                if (!repositoryFile) {
                    arg = file.toString();
                }
            }
            arch.put(name, arg);
        }
        out.put("architectures", arch);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> architectures(Map<String, Object> spec) {
        Object a = spec.get("architectures");
        List<Map<String, Object>> out = new ArrayList<>();
        if (a instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ReportInputException(file + ": not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Object o = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException | RuntimeException e) {
            throw new ReportInputException(file + ": not valid YAML: " + e.getMessage(), e);
        }
    }
}
