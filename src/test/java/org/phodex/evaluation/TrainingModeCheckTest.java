package org.phodex.evaluation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A training mode a design cannot use is refused with a message, never silently ignored. */
class TrainingModeCheckTest {

    @Test
    void aDigitalArrayRefusesTrainingForPhotonicTiles() {
        var e = assertThrows(IllegalArgumentException.class, () -> Acceptance.evaluate("digital-systolic",
                "digits-mlp", 1, 50, List.of(), "training=noise-aware"));
        assertTrue(e.getMessage().contains("post-mapping"), e.getMessage());
    }

    @Test
    void aShapeOnlyWorkloadRefusesTraining() {
        var e = assertThrows(IllegalArgumentException.class, () -> Acceptance.evaluate("mzi-clements",
                "bert-base-layer", 1, 1, List.of(), "training=in-mesh"));
        assertTrue(e.getMessage().contains("shape-only"), e.getMessage());
    }

    @Test
    void aCnnRefusesTheModesItCannotTrainBeforeAnyTraining() {
        // refused before the float network is loaded or trained: this returns at once even with no cached weights
        var e = assertThrows(IllegalArgumentException.class, () -> Acceptance.evaluate("mzi-clements",
                "mnist-cnn", 1, 50, List.of(), "training=in-mesh"));
        assertTrue(e.getMessage().contains("training=noise-aware, adc-calibrated or post-mapping"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Acceptance.evaluate("mzi-butterfly",
                "mnist-cnn", 1, 50, List.of(), "training=noise-aware"));
        assertTrue(e.getMessage().contains("universal meshes"), e.getMessage());
    }
}
