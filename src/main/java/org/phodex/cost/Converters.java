package org.phodex.cost;

import org.phodex.devices.Device;

/**
 * Converter energy from a reference point and scaling laws: Walden-style 2^bits (Murmann's survey uses
 * FOM_W = P / (2^ENOB f_s)) and a speed dependence above a corner rate.
 */
public final class Converters {
    private Converters() {
    }

    /**
     * Energy per conversion (J) of {@code converter} at {@code bits} and {@code rateHz}:
     * P_ref / f_ref * 2^(bits - bits_ref) * (max(f, f_c) / max(f_ref, f_c))^speed_exponent.
     */
    public static double energyPerConversionJ(Device converter, int bits, double rateHz) {
        double eRef = converter.value("reference_power_w") / converter.value("reference_rate_hz");
        double fc = converter.value("corner_rate_hz");
        double speed = Math.pow(Math.max(rateHz, fc) / Math.max(converter.value("reference_rate_hz"), fc),
                converter.value("speed_exponent"));
        return eRef * Math.pow(2, bits - converter.value("reference_bits")) * speed;
    }
}
