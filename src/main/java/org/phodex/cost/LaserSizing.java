package org.phodex.cost;

/** The CrossLight-style heuristic laser budget, offered as the named model "crosslight" for comparison. */
public final class LaserSizing {
    private LaserSizing() {
    }

    /**
     * Lightening-Transformer's budget (after CrossLight): P_dBm = S_PD + IL_mod + IL_comp + 10 log10(Nw Nh).
     *
     * @return the optical laser power in dBm
     */
    public static double crossLightOpticalDbm(double sensitivityDbm, double modulatorLossDb, double computeLossDb,
                                              int nw, int nh) {
        return sensitivityDbm + modulatorLossDb + computeLossDb + 10 * Math.log10((double) nw * nh);
    }

    /** Electrical laser power (W): 10^(dBm/10) mW / eta * 2^bits. */
    public static double crossLightElectricalW(double opticalDbm, double wallPlugEfficiency, int bits) {
        return Math.pow(10, opticalDbm / 10) * 1e-3 / wallPlugEfficiency * Math.pow(2, bits);
    }
}
