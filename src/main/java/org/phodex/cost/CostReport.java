package org.phodex.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytic side of an evaluation, per inference.
 *
 * @param breakdownJ  component -> joules per inference; sums to {@link #energyJ()}
 * @param devicesUsed component -> device library entries its number came from
 */
public record CostReport(Map<String, Double> breakdownJ, Map<String, List<String>> devicesUsed, double energyJ,
                         long macs, double latencyS, double computeTimeS, double areaMm2, LinkBudget link,
                         long tilesPerInference, double opticalShots) {

    public CostReport {
        breakdownJ = Collections.unmodifiableMap(new LinkedHashMap<>(breakdownJ));
        devicesUsed = Collections.unmodifiableMap(new LinkedHashMap<>(devicesUsed));
    }

    public double energyPerMacJ() {
        return energyJ / macs;
    }

    public double throughputMacsPerS() {
        return macs / latencyS;
    }

    public double powerW() {
        return energyJ / latencyS;
    }
}
