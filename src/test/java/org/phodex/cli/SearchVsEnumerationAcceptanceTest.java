package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.cli.SearchAcceptanceTest.Csv;
import org.phodex.moo.Hypervolume;
import org.phodex.moo.Normalizer;
import org.phodex.moo.Objective;
import org.phodex.moo.Outcome;
import org.phodex.spec.Design;

/**
 * docs/search.md "Proving the optimizer works", on the real evaluator: a discrete space small enough to enumerate with
 * {@code phodex sweep} (src/test/resources/acceptance/mzi-small-space.yaml: phase shifter x DAC bits x ADC bits x
 * laser margin, 2 x 7 x 7 x 4 = 392 Clements designs on digits-mlp). The search, with at most a quarter of the
 * evaluations, must reach 98% of the enumerated front's hypervolume.
 *
 * <p>How the hypervolume is measured: both fronts in the search package's own normalization
 * ({@link Normalizer#fit} on all enumerated feasible designs: log10 energy widened by one decade each side,
 * accuracy on its fixed [0, 1] scale), reference point 1.1 in each normalized coordinate, {@link Hypervolume}.
 * Both use seed 3, so a design evaluated by both has identical objectives (checked). A stricter second measure
 * normalizes to the enumerated front's own ideal and nadir points (the box the front spans, reference 1.1).
 *
 * <p>About 5 s (392 + 87 evaluations); part of the default suite, so CI proves the criterion on every change:
 * {@code mvn -q -B -o test -Dtest=SearchVsEnumerationAcceptanceTest}. Measured: 287 feasible designs; the
 * search's 87 evaluations reach 99.29% of the enumerated hypervolume (tight box: 99.24%).
 */
class SearchVsEnumerationAcceptanceTest {
    private static final Path SPACE = Path.of("src/test/resources/acceptance/mzi-small-space.yaml");
    private static final int DESIGNS = 2 * 7 * 7 * 4;

    @TempDir
    Path tmp;

    @Test
    void searchReaches98PercentOfTheEnumeratedHypervolumeWithAQuarterOfTheEvaluations() throws IOException {
        Path sweep = tmp.resolve("sweep");
        String[] s = SearchAcceptanceTest.run("sweep", "-a", SPACE.toString(), "-w", "digits-mlp", "--vary",
                "phase_shifter=thermo_optic,mems", "--vary", "dac_bits=2:8", "--vary", "adc_bits=2:8", "--vary",
                "laser_margin_db=-12,-6,0,6", "--seed", "3", "-o", sweep.toString());
        assertEquals("0", s[0], s[2]);
        Path run = tmp.resolve("search");
        String[] g = SearchAcceptanceTest.run("search", "-a", SPACE.toString(), "-w", "digits-mlp", "--population",
                "12", "--max-evaluations", "84", "--seed", "3", "-o", run.toString());
        assertEquals("0", g[0], g[2]);

        Csv all = Csv.read(sweep.resolve("sweep.csv"));
        Csv found = Csv.read(run.resolve("evaluations.csv"));
        assertEquals(DESIGNS, all.rows.size(), "the sweep enumerates the whole space");
        int evaluations = found.rows.size();
        assertTrue(evaluations <= DESIGNS / 4, evaluations + " evaluations");

        Map<String, String[]> byKey = new HashMap<>();
        for (int i = 0; i < all.rows.size(); i++) {
            byKey.put(all.get(i, "design_key"), new String[] {all.get(i, "energy_j"), all.get(i, "accuracy")});
        }
        for (int i = 0; i < found.rows.size(); i++) {
            String[] e = byKey.get(found.get(i, "design_key"));
            assertTrue(e != null, "search left the space: " + found.get(i, "design_key"));
            assertEquals(e[0], found.get(i, "energy_j"), "same design, same seed, same energy");
            assertEquals(e[1], found.get(i, "accuracy"), "same design, same seed, same accuracy");
        }

        List<Outcome> enumerated = feasible(all);
        List<Outcome> searched = feasible(found);
        List<Objective> objectives = Objective.defaults();
        Normalizer norm = Normalizer.fit(objectives, enumerated);
        double hvAll = hypervolume(norm, objectives, enumerated);
        double hvSearch = hypervolume(norm, objectives, searched);
        System.out.printf("enumeration: %d designs, %d feasible, HV %.5f; search: %d evaluations, HV %.5f "
                + "(%.2f%%)%n", DESIGNS, enumerated.size(), hvAll, evaluations, hvSearch, 100 * hvSearch / hvAll);
        assertTrue(hvSearch <= hvAll + 1e-12, "the search cannot beat enumeration");
        assertTrue(hvSearch >= 0.98 * hvAll, "search HV " + hvSearch + " vs enumerated " + hvAll);

        Normalizer tight = frontBox(objectives, enumerated);
        double tAll = hypervolume(tight, objectives, enumerated);
        double tSearch = hypervolume(tight, objectives, searched);
        System.out.printf("tight box: enumeration HV %.5f, search HV %.5f (%.2f%%)%n", tAll, tSearch,
                100 * tSearch / tAll);
        assertTrue(tSearch >= 0.95 * tAll, "tight-box HV " + tSearch + " vs " + tAll);
    }

    private static List<Outcome> feasible(Csv c) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < c.rows.size(); i++) {
            if (c.get(i, "feasible").equals("true")) {
                out.add(Outcome.of(Design.of(c.get(i, "architecture"), Map.of()),
                        Double.parseDouble(c.get(i, "energy_j")), Double.parseDouble(c.get(i, "accuracy")),
                        Double.parseDouble(c.get(i, "latency_s")), Double.parseDouble(c.get(i, "area_mm2")), null));
            }
        }
        return out;
    }

    /** Normalization to the ideal and nadir points of the non-dominated enumerated designs. */
    private static Normalizer frontBox(List<Objective> objectives, List<Outcome> all) {
        List<Outcome> front = new ArrayList<>();
        for (Outcome o : all) {
            boolean dominated = false;
            for (Outcome p : all) {
                dominated |= p.energyJ() <= o.energyJ() && p.accuracy() >= o.accuracy()
                        && (p.energyJ() < o.energyJ() || p.accuracy() > o.accuracy());
            }
            if (!dominated) {
                front.add(o);
            }
        }
        double[] best = new double[objectives.size()];
        double[] worst = new double[objectives.size()];
        for (int i = 0; i < best.length; i++) {
            Objective obj = objectives.get(i);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Outcome o : front) {
                lo = Math.min(lo, obj.transformed(o));
                hi = Math.max(hi, obj.transformed(o));
            }
            best[i] = obj.minimize() ? lo : hi;
            worst[i] = obj.minimize() ? hi : lo;
        }
        return new Normalizer(best, worst);
    }

    private static double hypervolume(Normalizer n, List<Objective> objectives, List<Outcome> outcomes) {
        List<double[]> pts = new ArrayList<>();
        for (Outcome o : outcomes) {
            pts.add(n.normalize(objectives, o));
        }
        return Hypervolume.of(pts, n.referencePoint());
    }
}
