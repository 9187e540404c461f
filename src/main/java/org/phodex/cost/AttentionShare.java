package org.phodex.cost;

import org.phodex.arch.Family;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.workload.DigitalOps;
import org.phodex.workload.Workload;

/**
 * What a transformer's attention products cost on a design: the workload's dynamic-weight GEMMs (Q K^T and P V,
 * whose "weights" are activations reprogrammed for every inference) priced alone, with the same counts and
 * estimators as the whole workload. Their energy over the whole workload's is the share the attention takes; it is
 * a separate pricing, not a slice of the total, so the share of lines that depend on latency (weight holding, the
 * laser) is the one these products would cost on their own.
 */
public final class AttentionShare {

    private AttentionShare() {
    }

    /** Energy per inference of the workload's dynamic-weight GEMMs alone (J), or NaN if it has none. */
    public static double energyJ(Design d, Family f, DeviceLibrary lib, Workload w) {
        if (!w.hasDynamicWeights()) {
            return Double.NaN;
        }
        return CostModel.evaluate(d, f, lib, w, g -> w.operands(g).dynamicWeights(), DigitalOps.NONE).energyJ();
    }
}
