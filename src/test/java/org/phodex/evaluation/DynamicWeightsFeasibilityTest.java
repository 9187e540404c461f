package org.phodex.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.cli.Main;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.workload.Workloads;

/** A fitted mesh cannot program attention's per-inference weights; universal meshes and ring banks can. */
class DynamicWeightsFeasibilityTest {
    private static final DeviceLibrary LIB = DeviceLibrary.load(Path.of("architectures/devices"));

    private static ArchitectureSpec spec(String name) {
        return ArchitectureSpec.load(Path.of("architectures/" + name + ".yaml"), Catalog.vocabulary(LIB));
    }

    @Test
    void onlyFittedLayoutsRefuseDynamicWeights() {
        for (String f : new String[] {"mzi-clements", "mzi-reck", "mrr-bank", "digital-systolic"}) {
            assertTrue(Families.get(f).programsArbitraryWeightsPerInference(spec(f).defaults()), f);
        }
        for (String f : new String[] {"mzi-butterfly", "mzi-truncated"}) {
            assertFalse(Families.get(f).programsArbitraryWeightsPerInference(spec(f).defaults()), f);
        }
    }

    @Test
    void aButterflyVitIsInfeasibleBeforeAnythingIsSimulated() {
        Evaluator ev = new Evaluator(Workloads.load(Path.of("workloads/mnist-vit.yaml")), null,
                new Evaluator.Options(1, 10, 10, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ev.evaluate(spec("mzi-butterfly"), spec("mzi-butterfly").defaults(), LIB));
        assertTrue(e.getMessage().contains("numerical fit") && e.getMessage().contains("mnist-vit"), e.getMessage());
    }

    @Test
    void evaluateSaysWhyAndExitsTwo() {
        StringWriter o = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(o), "evaluate", "-a", "mzi-truncated", "-w",
                "mnist-vit");
        assertEquals(2, code, o.toString());
        assertTrue(o.toString().contains("cannot program the per-inference weights"), o.toString());
    }
}
