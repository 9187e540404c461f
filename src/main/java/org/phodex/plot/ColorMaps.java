package org.phodex.plot;

import java.awt.Color;

/**
 * Colour maps for continuous values. Sequential: viridis (perceptually uniform, colour-blind safe, prints
 * in grey). Cyclic, for phases: light at 0 and 2 pi, blue around pi/2, dark at pi, orange around 3 pi/2, built in
 * CIELAB so lightness changes smoothly and blue/orange stay apart under red-green colour blindness.
 */
final class ColorMaps {
    // viridis at 0, 1/8, ..., 1 (matplotlib's _viridis_data sampled at those points)
    private static final int[] VIRIDIS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725};

    private ColorMaps() {
    }

    /** Viridis at t in [0, 1] (clamped), linear between nine anchors. */
    static Color viridis(double t) {
        if (Double.isNaN(t)) {
            return Color.LIGHT_GRAY;
        }
        double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(x));
        double f = x - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color(
                (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Cyclic map for a phase in radians (any value, taken modulo 2 pi). */
    static Color phase(double phaseRad) {
        double p = phaseRad % (2 * Math.PI);
        if (p < 0) {
            p += 2 * Math.PI;
        }
        double lightness = 30 + 62 * (1 + Math.cos(p)) / 2;       // 92 at 0, 30 at pi
        double chroma = 48 * Math.abs(Math.sin(p));               // grey at 0 and pi hides the hue switch
        double hueDeg = p < Math.PI ? 270 : 55;                  // blue half, orange half
        double h = Math.toRadians(hueDeg);
        return lab(lightness, chroma * Math.cos(h), chroma * Math.sin(h));
    }

    /** CIELAB (D65) to sRGB, clipped to the gamut. */
    static Color lab(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = 0.95047 * labInverse(fx);
        double y = 1.00000 * labInverse(fy);
        double z = 1.08883 * labInverse(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new Color(gamma(r), gamma(g), gamma(bl));
    }

    private static double labInverse(double t) {
        double d = 6.0 / 29;
        return t > d ? t * t * t : 3 * d * d * (t - 4.0 / 29);
    }

    private static int gamma(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double s = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(255 * s);
    }
}
