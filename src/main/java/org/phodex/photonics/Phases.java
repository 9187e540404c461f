package org.phodex.photonics;

/** Phase arithmetic. */
public final class Phases {
    public static final double TWO_PI = 2 * Math.PI;

    private Phases() {
    }

    /** The angle wrapped into [0, 2 pi). */
    public static double wrap(double phi) {
        if (phi >= 0 && phi < TWO_PI) {
            return phi; // what the remainder gives here, without HotSpot's slow double remainder (most calls)
        }
        double w = phi % TWO_PI;
        if (w < 0) {
            w += TWO_PI;
        }
        return w >= TWO_PI ? 0 : w;
    }
}
