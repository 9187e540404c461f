package org.phodex.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.spec.ArchitectureSpec;

/**
 * The sampled chips belong to the hardware, not to how its network was trained: a design with
 * {@code training=post-mapping} is the design without the parameter, chip for chip and noise draw for noise draw, so
 * training modes are compared on the same chips.
 */
class TrainingPairedChipsTest {

    @Test
    void anExplicitPostMappingRunsOnTheSameChipsAsNoTrainingParameter() {
        Catalog cat = Catalog.locate();
        ArchitectureSpec spec = cat.architecture("mzi-clements");
        Evaluator ev = new Evaluator(cat.workload("digits-mlp"), cat.baseline(), new Evaluator.Options(3, 200, 100, 7L));
        // 4-bit ADCs and 0.02 rad phase error: every chip's errors and noise show in its accuracy
        List<String> noisy = List.of("adc_bits=4", "phase_error_rad=0.02");
        DesignResolver.Resolved plain = DesignResolver.resolve(spec, cat.devices(), noisy);
        List<String> withMode = new java.util.ArrayList<>(noisy);
        withMode.add("training=post-mapping");
        DesignResolver.Resolved explicit = DesignResolver.resolve(spec, cat.devices(), withMode);
        EvaluationResult a = ev.evaluate(spec, plain.design(), plain.devices());
        EvaluationResult b = ev.evaluate(spec, explicit.design(), explicit.devices());
        assertEquals(a.accuracy(), b.accuracy(), 0);
        assertEquals(a.accuracyStd(), b.accuracyStd(), 0);
        assertEquals(a.relativeError(), b.relativeError(), 0);
    }
}
