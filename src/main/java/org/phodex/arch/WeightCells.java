package org.phodex.arch;

/**
 * The cells of one core that hold a design's weights, as the cost model's weight estimators need them.
 *
 * @param kind                   what the cells are (the weight-holding estimator is chosen from it)
 * @param device                 the device library entry of one cell (a phase shifter, or {@code microring})
 * @param perCore                cells per core
 * @param reconfigurationDevice  the device entry whose {@code reconfiguration_time_s} bounds a reprogramming
 * @param heldFraction           for phase shifters: the mean phase the programmed cells hold, over pi (a heater
 *                               burns P_pi x phase / pi); 1 where the cells' holding power is quoted per cell
 */
public record WeightCells(Kind kind, String device, long perCore, String reconfigurationDevice,
                          double heldFraction) {

    public WeightCells {
        if (!(heldFraction > 0 && heldFraction <= 2)) {
            throw new IllegalArgumentException("held fraction must be in (0, 2]: " + heldFraction);
        }
    }

    public enum Kind {
        /** Phase shifters of an MZI mesh: they hold at {@code power_per_pi_w} and write at {@code write_energy_j}. */
        PHASE_SHIFTER,
        /** Thermally tuned microrings: they hold at {@code hold_power_w}; the tuning DAC writes them. */
        RING,
        /** Weight registers of a digital MAC array's processing elements (written by a shift, held statically). */
        REGISTER
    }
}
