package org.phodex.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phodex.devices.DeviceLibrary;
import org.phodex.evaluation.Catalog;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Params;

class FamiliesTest {
    private static final DeviceLibrary LIB = DeviceLibrary.load(Path.of("architectures/devices"));

    @Test
    void everyFamilyHasItsOwnArchitectureFileWhoseLayoutIsTheFamilys() {
        for (Family f : Families.all()) {
            Path yaml = Path.of("architectures", f.name() + ".yaml");
            assertTrue(Files.exists(yaml), "no " + yaml);
            ArchitectureSpec spec = ArchitectureSpec.load(yaml, Catalog.vocabulary(LIB));
            assertEquals(f.name(), spec.family());
            assertEquals(f.layoutName(), spec.defaults().getString(Params.LAYOUT));
            f.validate(spec.defaults(), LIB); // the family's parameter set is present in its own spec
            for (String p : f.parameters()) {
                assertTrue(spec.defaults().has(p), f.name() + " lacks " + p);
            }
        }
    }

    @Test
    void namesAndLayoutsAreUniqueAndFindTheirFamily() {
        Set<String> layouts = new HashSet<>();
        for (Family f : Families.all()) {
            assertTrue(layouts.add(f.layoutName()), "layout used twice: " + f.layoutName());
            assertEquals(f, Families.byLayout(f.layoutName()).orElseThrow());
            assertEquals(f, Families.get(f.name()));
        }
        assertEquals(Families.all().size(), new HashSet<>(Families.names()).size());
        assertTrue(Families.byLayout("hexagonal").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Families.get("mzi-hexagonal"));
    }

    @Test
    void aFamilyMissingFromItsParameterSetIsRejected() {
        for (Family f : Families.all()) {
            ArchitectureSpec spec = ArchitectureSpec.load(Path.of("architectures", f.name() + ".yaml"),
                    Catalog.vocabulary(LIB));
            String p = f.parameters().get(f.parameters().size() - 1);
            var params = new java.util.TreeMap<>(spec.defaults().params());
            params.remove(p);
            var without = new org.phodex.spec.Design(spec.name(), params);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.validate(without, LIB));
            assertTrue(e.getMessage().contains(p), e.getMessage());
        }
    }
}
