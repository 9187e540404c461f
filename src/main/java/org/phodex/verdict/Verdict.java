package org.phodex.verdict;

import java.util.List;
import java.util.Map;

/**
 * The answer for one finished run: is 100x less energy than each baseline reachable at float accuracy for this
 * workload under these device numbers? ({@link Verdicts} forms it; {@link VerdictText} writes it.)
 *
 * @param run           the run folder
 * @param workload      the workload's name
 * @param floatAccuracy the float network on the samples the designs were scored on
 * @param samples       test samples behind each accuracy
 * @param chips         chip samples per photonic design
 * @param tolerancePts  the accuracy tolerance, percentage points below float
 * @param rescored      true when the accuracies are the end-of-run re-scoring's (else search-time estimates)
 * @param evaluated     feasible photonic designs the search evaluated
 * @param candidates    of those, the ones re-scored (the verdict's candidates)
 * @param qualifying    of those, the ones within the tolerance at the 95% level
 * @param best          the lowest-energy qualifying photonic design (null when none qualifies)
 * @param closest       when none qualifies: the photonic design closest to the tolerance (else null)
 * @param digital       the run's lowest-energy digital design within the tolerance (null when none)
 * @param baselines     every baseline beside {@code best} (empty when none qualifies)
 * @param digitalVsGpu  the GPU baselines beside {@code digital} (empty when there is none)
 * @param moreAccurate  whether any design of the run is significantly more accurate than float
 * @param dominant      the winner's largest energy component (null when none qualifies)
 * @param assumptions   device numbers of the winner changed from the library's values
 * @param notes         anything the reader must know (not re-scored, reconstruction mismatches, ...)
 */
public record Verdict(String run, String workload, double floatAccuracy, int samples, int chips, double tolerancePts,
                      boolean rescored, int evaluated, int candidates, int qualifying, Design best, Design closest, Design digital,
                      List<Baseline> baselines, List<Baseline> digitalVsGpu, Claim moreAccurate, Component dominant, List<Assumption> assumptions,
                      List<String> notes) {

    /**
     * A design as the verdict reports it.
     *
     * @param params        its parameters as in the run's CSV
     * @param diffCi95Low   lower end of the 95% interval of accuracy - float (paired)
     */
    public record Design(String architecture, String key, Map<String, String> params, int batch, double energyJ,
                         double accuracy, double ci95Low, double ci95High, double pVsFloat, double diffCi95Low) {
    }

    /**
     * @param claimed true only when some design has p_vs_float below 0.05 and accuracy above float
     * @param pValue  the smallest p_vs_float among designs above float (NaN when none is above float)
     * @param design  that design's key ("" when none)
     */
    public record Claim(boolean claimed, double pValue, String design) {
    }

    /** An energy component of the winner and its share of the total. */
    public record Component(String name, double energyJ, double share) {
    }

    /** A device number of the winner that differs from the device library. */
    public record Assumption(String path, double value, double libraryValue, String librarySource) {
    }

    public boolean answered() {
        return best != null;
    }
}
