package org.phodex.validation;

import java.util.List;
import java.util.Map;

/**
 * A reference case: a model, its inputs, and the expected values with tolerances.
 *
 * @param kind              what the expected value is: {@link #KINDS}
 * @param note              provenance caveats (what could not be verified, model assumptions in the inputs); may be ""
 * @param knownDisagreement phodex is known to miss this case; {@code explanation} says why. Listed and counted, but a
 *                          miss does not fail {@code validate}
 * @param expected          quantity -> expected value and tolerance
 */
public record ReferenceCase(String name, String file, int line, String citation, String kind, String model,
                            Map<String, Object> inputs, Map<String, Expected> expected, String note,
                            boolean knownDisagreement, String explanation) {

    /**
     * consistency: the model reads its own inputs back (a device library's reference point, a tabulated baseline);
     * published-measurement: a number measured on real photonic hardware; published-model: a number another
     * published model or analysis computes.
     */
    public static final List<String> KINDS = List.of("consistency", "published-measurement", "published-model");

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
