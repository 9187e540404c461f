package org.phodex.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The digital MAC array's accuracy comes from integer inference of the same network on the same samples. */
class DigitalSystolicAccuracyTest {

    @Test
    void int8InferenceIsWithinOnePointOfFloatAndFewBitsAreNot() {
        EvaluationResult int8 = Acceptance.evaluate("digital-systolic", "mnist-mlp", 1, 2000, List.of());
        assertEquals(2000, int8.accuracySamples());
        assertTrue(Math.abs(int8.accuracy() - int8.referenceAccuracy()) <= 0.01,
                int8.accuracy() + " vs float " + int8.referenceAccuracy());
        // the quantization is real: 2-bit weights and activations (codes -1, 0, 1) lose many points
        EvaluationResult int2 = Acceptance.evaluate("digital-systolic", "mnist-mlp", 1, 2000,
                List.of("weight_bits=2", "activation_bits=2"));
        assertTrue(int8.accuracy() - int2.accuracy() > 0.05, int8.accuracy() + " -> " + int2.accuracy());
        assertTrue(int2.relativeError() > 10 * int8.relativeError());
        // a 12-bit accumulator saturates mnist-mlp's 784-input dot products (8-bit codes reach 127 x 127)
        EvaluationResult narrow = Acceptance.evaluate("digital-systolic", "mnist-mlp", 1, 2000,
                List.of("accumulator_bits=12"));
        assertTrue(narrow.relativeError() > 3 * int8.relativeError(), narrow.relativeError() + " vs "
                + int8.relativeError());
    }

    /**
     * Digits run through the integer array like mnist-mlp. (The CNN and ViT go through the same integer products;
     * they are not checked here because the first use of either trains the full network, minutes per test run.)
     */
    @Test
    void digitsRunThroughTheIntegerArray() {
        EvaluationResult digits = Acceptance.evaluate("digital-systolic", "digits-mlp", 1, 400, List.of());
        assertTrue(Math.abs(digits.accuracy() - digits.referenceAccuracy()) <= 0.01,
                digits.accuracy() + " vs float " + digits.referenceAccuracy());
    }
}
