package org.phodex.photonics;

/** Placeholder with the agreed signatures; replaced by the simulation branch at merge. */
public final class DetectorNoise {
    private static final double Q = 1.602176634e-19;
    private static final double K_B = 1.380649e-23;

    private DetectorNoise() {
    }

    public static double noiseCurrentA(double signalCurrentA, DetectorParams d) {
        return Math.sqrt(2 * Q * (signalCurrentA + d.darkCurrentA()) * d.bandwidthHz()
                + 4 * K_B * d.temperatureK() * d.bandwidthHz() / d.tiaFeedbackOhm());
    }

    public static double relativeNoise(double receivedPowerW, DetectorParams d) {
        double i = d.responsivityAPerW() * receivedPowerW;
        return noiseCurrentA(i, d) / i;
    }

    public static double requiredSnrDb(int adcBits) {
        return 6.02 * adcBits + 1.76;
    }

    public static double minReceivedPowerW(double snrDb, DetectorParams d) {
        double s = 2 * Math.pow(10, snrDb / 10);
        double a = 1 / s;
        double b = -2 * Q * d.bandwidthHz();
        double c = -(2 * Q * d.darkCurrentA() * d.bandwidthHz()
                + 4 * K_B * d.temperatureK() * d.bandwidthHz() / d.tiaFeedbackOhm());
        double i = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
        return i / d.responsivityAPerW();
    }
}
