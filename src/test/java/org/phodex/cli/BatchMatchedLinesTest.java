package org.phodex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phodex.cost.DigitalBaseline;
import org.phodex.evaluation.BatchMatched;

/** evaluate's batch-matched baseline lines: each distinct figure once, and what is missing said. */
class BatchMatchedLinesTest {

    @Test
    void aWorkloadWithoutAGpuMeasurementShowsItsStandInOnceAndSaysSo() {
        // no H100 measurement: the large-batch and the batch-1 figure are the same GEMM-derived figure
        DigitalBaseline.Figure gemm = new DigitalBaseline.Figure("H100 bf16 GEMM x MACs", 2.58e-6, 0, false);
        BatchMatched m = new BatchMatched(gemm, 10, 1.94e-6);
        List<String> lines = EvaluateCommand.batchMatchedLines(List.of(m, m), "mnist-vit");
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("H100 bf16 GEMM x MACs") && lines.get(0).contains("1.33x less energy"),
                lines.get(0));
        assertTrue(lines.get(1).contains("mnist-vit has no H100 measurement at a large batch or at batch 1"),
                lines.get(1));
    }

    @Test
    void twoMeasuredFiguresAreBothListedWithNoNote() {
        BatchMatched large = new BatchMatched(new DigitalBaseline.Figure("H100 bf16, batch 4096 (measured)", 2e-6,
                4096, true), 4096, 1e-6);
        BatchMatched one = new BatchMatched(new DigitalBaseline.Figure("H100 bf16, batch 1 (measured)", 7e-3, 1,
                true), 1, 1e-3);
        List<String> lines = EvaluateCommand.batchMatchedLines(List.of(large, one), "mnist-mlp");
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("batch 4096") && lines.get(0).contains("2.00x less energy"), lines.get(0));
        assertTrue(lines.get(1).contains("batch 1 (measured)") && lines.get(1).contains("7.00x less energy"),
                lines.get(1));
    }

    @Test
    void aMissingBatchOneFigureIsNamed() {
        BatchMatched large = new BatchMatched(new DigitalBaseline.Figure("H100 bf16, batch 64 (measured)", 5e-3, 64,
                true), 64, 1e-3);
        BatchMatched gemm = new BatchMatched(new DigitalBaseline.Figure("H100 bf16 GEMM x MACs", 2e-3, 0, false), 10,
                1e-3);
        List<String> lines = EvaluateCommand.batchMatchedLines(List.of(large, gemm), "w");
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).contains("w has no H100 measurement at batch 1:"), lines.get(2));
    }
}
