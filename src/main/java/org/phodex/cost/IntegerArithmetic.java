package org.phodex.cost;

import org.phodex.devices.DeviceLibrary;

/**
 * Energy and area of integer adders and multipliers of any width, from Horowitz's 45 nm table (ISSCC 2014: add
 * 8 b 0.03 pJ, 32 b 0.1 pJ; multiply 8 b 0.2 pJ, 32 b 3.1 pJ; areas 36, 137, 282 and 3495 um^2). Between and
 * beyond the two published widths the figure is interpolated log-log (a power law through both points; model
 * assumption): the exponents come out at 0.87 for the add energy and 1.98 for the multiply energy, close to the
 * linear and quadratic growth of a ripple-carry adder and an array multiplier. A {@code w x a}-bit multiplier is
 * priced at the geometric-mean width sqrt(w a) (its partial-product array has w a cells).
 */
public final class IntegerArithmetic {
    private static final double LOW = 8;
    private static final double HIGH = 32;

    private IntegerArithmetic() {
    }

    /** Joules per add of {@code bits}. */
    public static double addJ(DeviceLibrary lib, double bits) {
        return logLog(bits, lib.value("digital", "add8_energy_j"), lib.value("digital", "add32_energy_j"));
    }

    /** Joules per {@code weightBits x activationBits} multiply. */
    public static double multJ(DeviceLibrary lib, int weightBits, int activationBits) {
        return logLog(Math.sqrt((double) weightBits * activationBits), lib.value("digital", "mult8_energy_j"),
                lib.value("digital", "mult32_energy_j"));
    }

    /** Area of one processing element's multiplier and accumulator adder, um^2 (registers not counted). */
    public static double macAreaUm2(DeviceLibrary lib, int weightBits, int activationBits, int accumulatorBits) {
        return logLog(Math.sqrt((double) weightBits * activationBits), lib.value("digital", "mult8_area_um2"),
                lib.value("digital", "mult32_area_um2"))
                + logLog(accumulatorBits, lib.value("digital", "add8_area_um2"), lib.value("digital", "add32_area_um2"));
    }

    /** The power law through (8, at8) and (32, at32), evaluated at {@code bits}. */
    static double logLog(double bits, double at8, double at32) {
        double exponent = Math.log(at32 / at8) / Math.log(HIGH / LOW);
        return at8 * Math.pow(bits / LOW, exponent);
    }
}
