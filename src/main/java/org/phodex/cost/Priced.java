package org.phodex.cost;

import java.util.List;

/**
 * One breakdown line as an estimator priced it: energy = count x unit price (up to rounding: each estimator keeps
 * the multiplication order of its formula).
 *
 * @param estimator the estimator's name (e.g. {@code thermo-optic})
 * @param count     how many actions (or cell-seconds, or laser-seconds) were priced; see {@link #countName}
 * @param countName which entry of the action counts {@link #count} is
 * @param unitJ     joules per action (W for laser-seconds and cell-seconds)
 * @param energyJ   joules per inference
 * @param devices   the device library entries whose numbers were used
 */
public record Priced(String estimator, double count, String countName, double unitJ, double energyJ,
                     List<String> devices) {
    public Priced {
        devices = List.copyOf(devices);
    }
}
