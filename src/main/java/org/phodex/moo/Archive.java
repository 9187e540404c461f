package org.phodex.moo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every non-dominated feasible design ever evaluated: the front a run reports. Jenetics' population can
 * lose Pareto-optimal individuals (aging, trimming); this archive never does. A design whose objectives
 * equal an archived one's is not added (the first one found stays).
 */
public final class Archive implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ArrayList<Entry> entries = new ArrayList<>();

    /** One archived evaluation: where it came from and its scores (larger is better). */
    public record Entry(Evaluation evaluation, double[] scores) implements Serializable {
    }

    /** Offers a feasible evaluation; returns true when it entered the archive. */
    public boolean offer(Evaluation e) {
        if (!e.score().feasible()) {
            return false;
        }
        double[] s = e.score().values();
        for (Entry x : entries) {
            if (weaklyDominates(x.scores, s)) {
                return false;
            }
        }
        entries.removeIf(x -> weaklyDominates(s, x.scores));
        entries.add(new Entry(e, s.clone()));
        return true;
    }

    private static boolean weaklyDominates(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < b[i]) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return entries.size();
    }

    /** The archived evaluations, best first objective first, then by evaluation id. */
    public List<Evaluation> front() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.<Entry>comparingDouble(x -> -x.scores[0])
                .thenComparingLong(x -> x.evaluation.evalId()));
        List<Evaluation> out = new ArrayList<>(sorted.size());
        for (Entry x : sorted) {
            out.add(x.evaluation);
        }
        return out;
    }
}
