package org.phodex.verdict;

import java.util.Locale;

/**
 * One baseline beside a design, compared like with like: the design is priced at the baseline's batch (its
 * weights loaded once per {@code batch} inferences, as the baseline's were).
 *
 * @param name          what the figure is, in words ("H100 bf16, batch 4096 (measured, above 120 W idle)")
 * @param kind          {@value #MEASURED_GPU}, {@value #GPU_GEMM_SATURATED} or {@value #DIGITAL_ASIC}
 * @param energyJ       the baseline's energy per inference (NaN when not available)
 * @param batch         the batch the baseline ran at (0: none; the design is then priced at its own batch)
 * @param designBatch   the batch the design is priced at
 * @param designEnergyJ the design's energy per inference at {@code designBatch}
 * @param accuracy      the baseline's top-1 on the same samples where it has one (the digital array), else NaN
 * @param source        where the baseline's number comes from
 */
public record Baseline(String name, String kind, double energyJ, int batch, int designBatch, double designEnergyJ,
                       double accuracy, String source) {
    public static final String MEASURED_GPU = "measured-gpu";
    public static final String GPU_GEMM_SATURATED = "gpu-gemm-saturated";
    public static final String DIGITAL_ASIC = "digital-asic";
    /** The question phodex exists to answer: 100x less energy. */
    public static final double TARGET_RATIO = 100;

    /** A baseline that this build or this run cannot provide; it carries the reason as its name. */
    public static Baseline unavailable(String kind, String why) {
        return new Baseline(kind + ": " + why, kind, Double.NaN, 0, 0, Double.NaN, Double.NaN, "");
    }

    public boolean available() {
        return Double.isFinite(energyJ) && Double.isFinite(designEnergyJ);
    }

    /** Baseline energy over design energy: above 1 the design uses less (NaN when unavailable). */
    public double ratio() {
        return available() ? energyJ / designEnergyJ : Double.NaN;
    }

    public boolean reaches100x() {
        return available() && ratio() >= TARGET_RATIO;
    }

    /** "12.3x less energy", "4.5x more energy" or "n/a". */
    public String ratioText() {
        if (!available()) {
            return "n/a";
        }
        double r = ratio();
        return r >= 1 ? String.format(Locale.ROOT, "%.3gx less energy", r)
                : String.format(Locale.ROOT, "%.3gx more energy", 1 / r);
    }
}
