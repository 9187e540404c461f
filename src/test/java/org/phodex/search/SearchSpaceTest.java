package org.phodex.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.phodex.moo.SbxCrossover;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.spec.SearchRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpaceTest {

    @Test
    void integerUpperBoundIsReachableAndStepsAreHonoured() {
        SearchSpace s = new SearchSpace(List.of(Synthetic.spec("synth-a", 1, ArchitectureSpec.Constraints.NONE)));
        // genes in search_space order: mesh_size, adc_bits, phase_shifter, laser_margin_db
        assertEquals(4, s.dimension());
        Design top = s.decode(new double[] {SbxCrossover.UPPER, SbxCrossover.UPPER, SbxCrossover.UPPER,
                SbxCrossover.UPPER});
        assertEquals(64, top.get("mesh_size"));
        assertEquals(10, top.get("adc_bits"));
        assertEquals("mems", top.get("phase_shifter"));
        assertEquals(5.0, top.get("laser_margin_db"));
        Design bottom = s.decode(new double[] {0, 0, 0, 0});
        assertEquals(4, bottom.get("mesh_size"));
        assertEquals(2, bottom.get("adc_bits"));
        assertEquals("thermo_optic", bottom.get("phase_shifter"));
        assertEquals(-5.0, bottom.get("laser_margin_db"));
        assertEquals(16L * 9 * 2 * 11, s.size());
    }

    @Test
    void everyLevelIsReachedAndOnlyLevelsAppear() {
        SearchSpace s = new SearchSpace(List.of(Synthetic.spec("synth-a", 1, ArchitectureSpec.Constraints.NONE)));
        Set<Object> mesh = new HashSet<>();
        Set<Object> margin = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            double u = i / 10_000.0;
            Design d = s.decode(new double[] {u, 0.5, 0.5, u});
            mesh.add(d.get("mesh_size"));
            margin.add(d.get("laser_margin_db"));
        }
        assertEquals(16, mesh.size());
        assertTrue(mesh.stream().allMatch(m -> (Integer) m % 4 == 0));
        assertEquals(11, margin.size());
    }

    @Test
    void decodingStartsFromDefaultsAndContinuousGenesAreContinuous() {
        SearchSpace s = new SearchSpace(List.of(Synthetic.spec()));
        Design d = s.decode(new double[] {0.5, 0.5, 0.5, 0.25});
        assertEquals("clements", d.get("layout"));
        assertEquals(1, d.get("cores"));
        assertEquals(-2.5, (Double) d.get("laser_margin_db"), 1e-12);
        assertEquals(-1, s.size());
    }

    @Test
    void severalArchitecturesMakeTheArchitectureAGene() {
        ArchitectureSpec a = Synthetic.spec();
        TreeMap<String, Object> bDefaults = new TreeMap<>(Map.of("layout", "mrr", "wavelengths", 8, "cores", 2));
        ArchitectureSpec b = new ArchitectureSpec("synth-b", "mrr-bank", "", "", null,
                new Design("synth-b", bDefaults), Map.of("wavelengths",
                new SearchRange(Params.get("wavelengths"), 1, 16, 0, List.of())), ArchitectureSpec.Constraints.NONE);
        SearchSpace s = new SearchSpace(List.of(a, b));
        assertEquals(1 + 4 + 1, s.dimension());
        assertEquals(SearchSpace.ARCHITECTURE_GENE, s.genes().get(0).param());
        Design da = s.decode(new double[] {0.1, 0.5, 0.5, 0.5, 0.5, 0.99});
        assertEquals("synth-a", da.architecture());
        assertTrue(!da.has("wavelengths"));
        Design db = s.decode(new double[] {0.9, 0.5, 0.5, 0.5, 0.5, SbxCrossover.UPPER});
        assertEquals("synth-b", db.architecture());
        assertEquals(16, db.get("wavelengths"));
        assertEquals(2, db.get("cores"));
        assertTrue(!db.has("adc_bits"));
        assertEquals(List.of("adc_bits", "cores", "laser_margin_db", "layout", "mesh_size", "phase_shifter",
                "wavelengths"), s.paramNames());
    }

    @Test
    void emptySearchSpaceIsRefused() {
        ArchitectureSpec a = new ArchitectureSpec("x", "mzi-clements", "", "", null, Design.of("x", Map.of()),
                Map.of(), ArchitectureSpec.Constraints.NONE);
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace(List.of(a)));
    }
}
