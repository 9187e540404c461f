package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.evaluation.Catalog;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Params;

/** The search's training gene keeps the modes the workload can train in. */
class TrainingGeneTest {
    private static ArchitectureSpec searched(String arch, String workload) {
        return Catalog.locate().architecture(arch).withSearchedChoices(Params.TRAINING,
                SearchCommand.trainingModes(workload));
    }

    @Test
    void aCnnSearchesNoiseAwareOnUniversalMeshesOnly() {
        assertEquals(List.of("post-mapping", "adc-calibrated", "noise-aware"),
                searched("mzi-clements", "mnist-cnn").searchSpace().get(Params.TRAINING).choices());
        // butterfly's modes other than post-mapping train in the mesh, which CNNs do not: no gene
        assertFalse(searched("mzi-butterfly", "mnist-cnn").searchSpace().containsKey(Params.TRAINING));
    }

    @Test
    void mlpsKeepEveryModeAndOtherWorkloadsNone() {
        assertEquals(Catalog.locate().architecture("mzi-clements").searchSpace().get(Params.TRAINING).choices(),
                searched("mzi-clements", "mnist-mlp").searchSpace().get(Params.TRAINING).choices());
        assertFalse(searched("mzi-clements", "mnist-vit").searchSpace().containsKey(Params.TRAINING));
        assertFalse(searched("mzi-clements", "bert-base-layer").searchSpace().containsKey(Params.TRAINING));
    }
}
