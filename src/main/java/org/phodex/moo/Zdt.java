package org.phodex.moo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import org.phodex.spec.Design;

/**
 * The ZDT benchmark problems (Zitzler, Deb and Thiele 2000) with 30 variables in [0, 1], both objectives
 * minimized, posed as a {@link Problem} and a {@link DesignEvaluator} so that they run through exactly the
 * search's code path. {@code f1} and {@code f2} travel as extra columns.
 */
public enum Zdt implements DesignEvaluator {
    ZDT1(0.8767), ZDT2(0.5433), ZDT3(1.3318);

    public static final int VARIABLES = 30;
    /** Hypervolume of the true front at reference (1.1, 1.1). */
    private final double idealHypervolume;

    Zdt(double idealHypervolume) {
        this.idealHypervolume = idealHypervolume;
    }

    public double idealHypervolume() {
        return idealHypervolume;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String variable(int i) {
        return String.format("x%02d", i + 1);
    }

    /** The problem: 30 continuous genes x01..x30 in [0, 1], objectives f1, f2 on a fixed linear scale [0, 1]. */
    public Problem problem() {
        List<GeneSpec> genes = new ArrayList<>();
        for (int i = 0; i < VARIABLES; i++) {
            genes.add(new GeneSpec(0, variable(i), List.of(), 0, 1));
        }
        List<Objective> objectives = List.of(Objective.column("f1", true, 0, 1), Objective.column("f2", true, 0, 1));
        String name = label();
        return new Problem() {
            @Override
            public List<GeneSpec> genes() {
                return genes;
            }

            @Override
            public Design decode(double[] u) {
                TreeMap<String, Object> x = new TreeMap<>();
                for (int i = 0; i < genes.size(); i++) {
                    x.put(genes.get(i).param(), genes.get(i).decode(u[i]));
                }
                return new Design(name, x);
            }

            @Override
            public List<Objective> objectives() {
                return objectives;
            }
        };
    }

    /** (f1, f2) of a variable vector. */
    public double[] objectives(double[] x) {
        double f1 = x[0];
        double sum = 0;
        for (int i = 1; i < x.length; i++) {
            sum += x[i];
        }
        double g = 1 + 9 * sum / (x.length - 1);
        double r = f1 / g;
        double h = switch (this) {
            case ZDT1 -> 1 - Math.sqrt(r);
            case ZDT2 -> 1 - r * r;
            case ZDT3 -> 1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1);
        };
        return new double[] {f1, g * h};
    }

    @Override
    public Outcome evaluate(Design design) {
        double[] x = new double[VARIABLES];
        for (int i = 0; i < VARIABLES; i++) {
            x[i] = design.getDouble(variable(i));
        }
        double[] f = objectives(x);
        LinkedHashMap<String, Object> cols = new LinkedHashMap<>();
        cols.put("f1", f[0]);
        cols.put("f2", f[1]);
        return new Outcome(design, true, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, cols, 0);
    }
}
