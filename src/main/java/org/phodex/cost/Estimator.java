package org.phodex.cost;

import org.phodex.arch.Family;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;

/**
 * Prices one component of the energy breakdown from a design's action counts. Adding physics is adding an
 * estimator (and one line in {@link Estimators}), not editing the cost model.
 */
public interface Estimator {

    /** The name the output reports, e.g. {@code noise-link-budget} or {@code thermo-optic}. */
    String name();

    Priced price(ActionCounts counts, Context context);

    /** What an estimator may read besides the counts. */
    record Context(Design design, Family family, DeviceLibrary lib, LinkBudget link) {
        public double rateHz() {
            return design.getDouble(org.phodex.spec.Params.MODULATION_GHZ) * 1e9;
        }

        public int bits(String param) {
            return design.getInt(param);
        }
    }
}
