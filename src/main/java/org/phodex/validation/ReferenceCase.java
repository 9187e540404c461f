package org.phodex.validation;

import java.util.Map;

/**
 * A published case: a model, its inputs, and the expected values with tolerances.
 *
 * @param expected quantity -> expected value and tolerance
 */
public record ReferenceCase(String name, String file, int line, String citation, String model,
                            Map<String, Object> inputs, Map<String, Expected> expected) {

    /** An expected value; exactly one of the tolerances applies (absolute, or relative to the value). */
    public record Expected(double value, double absTolerance, double relTolerance) {
        public double tolerance() {
            return Double.isNaN(absTolerance) ? Math.abs(value) * relTolerance : absTolerance;
        }

        public boolean accepts(double model) {
            return Math.abs(model - value) <= tolerance() * (1 + 1e-12);
        }
    }
}
