package org.phodex.search;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.phodex.arch.Families;
import org.phodex.devices.DeviceLibrary;
import org.phodex.moo.Archive;
import org.phodex.moo.Evaluation;
import org.phodex.moo.Outcome;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * Designs the end-of-run re-scoring takes beside the archive: when one kind of hardware dominates the front (a
 * digital MAC array on a small network), the archive holds none of the other, and "how close does a photonic
 * design come" has no re-scored answer. So the photonic designs and the digital ones each get their own front
 * (non-dominated among their kind, from every row of evaluations.csv), restricted to designs whose search-time
 * accuracy is within {@value #BAND_POINTS} points of the float network on the same samples: the designs a verdict
 * at equal accuracy can pick.
 */
final class RescoreCandidates {
    /** Accuracy band below float, percentage points, for the per-kind fronts. */
    static final double BAND_POINTS = 2.0;

    private RescoreCandidates() {
    }

    /**
     * Evaluations of evaluations.csv on the photonic-only and digital-only fronts within the band, minus those
     * whose design key is in {@code exclude}; rows whose design cannot be rebuilt exactly are skipped.
     */
    static List<Evaluation> fromCsv(Path evaluationsCsv, List<ArchitectureSpec> specs, Rescoring.Judge judge,
                                    Set<String> exclude) {
        Map<String, Boolean> photonic = new LinkedHashMap<>();
        for (ArchitectureSpec s : specs) {
            photonic.put(s.name(), Families.names().contains(s.family()) && Families.get(s.family()).photonic());
        }
        Archive photonicFront = new Archive();
        Archive digitalFront = new Archive();
        try (Reader in = Files.newBufferedReader(evaluationsCsv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<String> header = p.getHeaderNames();
            int from = header.indexOf("architecture") + 1;
            int to = header.indexOf("feasible");
            int extraFrom = header.indexOf("area_mm2") + 1;
            int extraTo = header.indexOf("eval_time_s");
            if (from <= 0 || to < from || extraFrom <= 0 || extraTo < extraFrom || !header.contains("float_accuracy")) {
                return List.of();
            }
            for (CSVRecord r : p) {
                Boolean isPhotonic = photonic.get(r.get("architecture"));
                if (isPhotonic == null || !"true".equals(r.get("feasible"))) {
                    continue;
                }
                double acc = number(r.get("accuracy"));
                double ref = number(r.get("float_accuracy"));
                if (!(acc >= ref - BAND_POINTS / 100)) {
                    continue;
                }
                Outcome o = outcome(r, header, from, to, extraFrom, extraTo);
                if (o == null) {
                    continue;
                }
                Evaluation e = judge.apply(Long.parseLong(r.get("eval_id")), Long.parseLong(r.get("generation")), o);
                (isPhotonic ? photonicFront : digitalFront).offer(e);
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // a candidate list is an extra: the archive is re-scored regardless
        }
        List<Evaluation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(exclude);
        for (Archive a : List.of(photonicFront, digitalFront)) {
            for (Evaluation e : a.front()) {
                if (seen.add(e.outcome().design().key())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The row as the search recorded it, or null when its design does not rebuild to the same key. */
    private static Outcome outcome(CSVRecord r, List<String> header, int from, int to, int extraFrom, int extraTo) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            String v = r.get(i);
            if (v == null || v.isEmpty()) {
                continue;
            }
            String name = header.get(i);
            params.put(name, name.startsWith(DeviceLibrary.PATH_PREFIX) ? Double.parseDouble(v)
                    : Params.get(name).parse(v));
        }
        Design d = Design.of(r.get("architecture"), params);
        if (!d.key().equals(r.get("design_key"))) {
            return null;
        }
        LinkedHashMap<String, Object> cols = new LinkedHashMap<>();
        for (int i = extraFrom; i < extraTo; i++) {
            String v = r.get(i);
            if (v != null && !v.isEmpty()) {
                double x = number(v);
                cols.put(header.get(i), Double.isNaN(x) ? v : x);
            }
        }
        return new Outcome(d, true, "", number(r.get("energy_j")), number(r.get("accuracy")),
                number(r.get("latency_s")), number(r.get("area_mm2")), cols, 0);
    }

    private static double number(String v) {
        try {
            return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
