package org.phodex.plot;

/**
 * Axis ranges asked for on the command line ({@code plot --accuracy-range 90:100 --energy-range 1e-9:1e-6}),
 * NaN where the figure chooses; designs outside them are left out of the drawing and counted in its legend.
 *
 * @param qualityLow  lowest accuracy shown, in percent (or lowest error)
 * @param qualityHigh highest accuracy shown, in percent
 * @param energyLowJ  lowest energy per inference shown, in joules
 * @param energyHighJ highest energy per inference shown
 */
public record PlotRanges(double qualityLow, double qualityHigh, double energyLowJ, double energyHighJ) {
    public static final PlotRanges AUTO = new PlotRanges(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public PlotRanges {
        if (qualityLow >= qualityHigh || energyLowJ >= energyHighJ || energyLowJ <= 0) {
            throw new PlotInputException("a range needs LOW < HIGH (and a positive energy), got "
                    + qualityLow + ":" + qualityHigh + " and " + energyLowJ + ":" + energyHighJ);
        }
    }

    /** Parses "LO:HI" for {@code option}; PlotInputException with the option's name otherwise. */
    public static double[] parse(String text, String option) {
        String[] parts = text.split(":");
        if (parts.length != 2) {
            throw new PlotInputException(option + " '" + text + "': expected LOW:HIGH, e.g. 90:100");
        }
        try {
            double lo = Double.parseDouble(parts[0].trim());
            double hi = Double.parseDouble(parts[1].trim());
            if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new PlotInputException(option + " '" + text + "': LOW must be below HIGH");
            }
            return new double[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new PlotInputException(option + " '" + text + "': LOW and HIGH must be numbers");
        }
    }

    boolean showsQuality(double q) {
        return !(q < qualityLow) && !(q > qualityHigh);
    }

    boolean showsEnergy(double e) {
        return !(e < energyLowJ) && !(e > energyHighJ);
    }

    boolean isAuto() {
        return Double.isNaN(qualityLow) && Double.isNaN(qualityHigh) && Double.isNaN(energyLowJ)
                && Double.isNaN(energyHighJ);
    }
}
