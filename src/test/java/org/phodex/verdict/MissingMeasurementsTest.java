package org.phodex.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.DesignResolver;
import org.phodex.evaluation.Evaluator;
import org.phodex.spec.ArchitectureSpec;

/** A workload the GPU was not measured on is compared with the saturated GEMM only, and evaluate says so. */
class MissingMeasurementsTest {

    @Test
    void aMeasuredWorkloadNeedsNoNoteAndAnUnmeasuredOneSaysWhatStandsIn() {
        var gpu = Catalog.locate().baseline();
        assertEquals("", Baselines.missingMeasurements(gpu, "mnist-mlp", 101_632));
        String vit = Baselines.missingMeasurements(gpu, "mnist-vit", 1_000_000);
        assertTrue(vit.startsWith("mnist-vit has no H100 measurement:") && vit.contains("gpu-gemm-saturated"), vit);
    }

    @Test
    void anUnmeasuredWorkloadListsEachStandInOnce() {
        Catalog cat = Catalog.locate();
        ArchitectureSpec spec = cat.architecture("mzi-clements");
        DesignResolver.Resolved r = DesignResolver.resolve(spec, cat.devices(), List.of());
        Evaluator ev = new Evaluator(cat.workload("mnist-vit"), cat.baseline(), new Evaluator.Options(1, 1, 1, 1L));
        List<Baseline> list = Baselines.beside(ev, r.design().getInt("batch"),
                b -> Baselines.DesignEnergy.of(ev.costAtBatch(spec, r.design(), r.devices(), b)), 1_000_000,
                java.util.Optional.empty());
        // no measured figure repeated under two names: the saturated GEMM, board and above idle, and the digital slot
        assertEquals(0, list.stream().filter(b -> b.kind().equals(Baseline.MEASURED_GPU)).count(), list.toString());
        assertEquals(2, list.stream().filter(b -> b.kind().equals(Baseline.GPU_GEMM_SATURATED)).count());
        assertEquals(list.size(), list.stream().map(Baseline::name).distinct().count(), list.toString());
    }
}
