package org.phodex.evaluation;

import java.util.List;
import org.phodex.cost.CostReport;
import org.phodex.cost.DigitalBaseline;
import org.phodex.spec.Design;
import org.phodex.stats.AccuracyStats;

/**
 * Both views of one design: the analytic cost and the functional simulation's accuracy, and the digital
 * baseline for comparison.
 *
 * @param accuracy          top-1 through the simulated hardware, mean over chips (NaN for shape-only workloads)
 * @param accuracyStd       spread over chip samples (NaN for shape-only workloads)
 * @param referenceAccuracy the same network in float arithmetic on the same samples (NaN when shape-only)
 * @param accuracySamples   test samples each accuracy figure used (0 when shape-only)
 * @param relativeError     RMS error of layer outputs relative to the exact product, mean over layers
 * @param layerErrors       per layer (or per GEMM block for shape-only workloads)
 * @param fitErrorMean      mean fit error of non-universal meshes (0 for universal ones)
 * @param accuracyStats     interval, 10th-percentile chip and paired test against float (null when shape-only)
 * @param buildable         false when no device can realize the design (a laser line above
 *                          {@code devices.laser.max_optical_power_w}): its energy, power and energy breakdown then
 *                          price a laser that cannot exist (up to 1e21 J), and tables, CSVs and plots withhold them
 */
public record EvaluationResult(Design design, String workload, CostReport cost, double accuracy, double accuracyStd,
                               double referenceAccuracy, int accuracySamples, int chips, double relativeError,
                               List<LayerError> layerErrors, double fitErrorMean, DigitalBaseline.Figure baseline,
                               DigitalBaseline.Figure baselineBatchOne, boolean feasible, String infeasibleReason,
                               AccuracyStats accuracyStats, boolean buildable) {

    /** Error of one layer or GEMM block against the exact product. */
    public record LayerError(String name, double relativeRmsError, double snrDb) {
    }

    /** The value when the design can be built, else NaN: for energies and powers that price the laser. */
    public double ifBuildable(double value) {
        return buildable ? value : Double.NaN;
    }

    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy);
    }
}
