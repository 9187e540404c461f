package org.phodex.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytic side of an evaluation, per inference.
 *
 * @param priced   component -> the estimator's line (count, unit price, energy, devices), in breakdown order
 * @param counts   what the design does per inference, before pricing
 * @param energyJ  the sum of the lines
 * @param attentionEnergyJ the workload's dynamic-weight GEMMs (attention) priced alone ({@link AttentionShare}),
 *                 NaN when it has none
 */
public record CostReport(Map<String, Priced> priced, ActionCounts counts, double energyJ, double areaMm2,
                         LinkBudget link, double attentionEnergyJ) {

    public CostReport {
        priced = Collections.unmodifiableMap(new LinkedHashMap<>(priced));
    }

    public CostReport(Map<String, Priced> priced, ActionCounts counts, double energyJ, double areaMm2,
                      LinkBudget link) {
        this(priced, counts, energyJ, areaMm2, link, Double.NaN);
    }

    /** This report with the attention products' own energy attached. */
    public CostReport withAttentionEnergyJ(double joules) {
        return new CostReport(priced, counts, energyJ, areaMm2, link, joules);
    }

    /** The attention products' energy over the whole workload's (NaN without dynamic-weight GEMMs). */
    public double attentionShare() {
        return attentionEnergyJ / energyJ;
    }

    /** Component -> joules per inference; sums to {@link #energyJ()}. */
    public Map<String, Double> breakdownJ() {
        Map<String, Double> m = new LinkedHashMap<>();
        priced.forEach((k, p) -> m.put(k, p.energyJ()));
        return Collections.unmodifiableMap(m);
    }

    /** The breakdown lines an idle chip of this design still draws: SRAM leakage and the front end's standby. */
    public static final List<String> IDLE_LINES = List.of("leakage", "standby");

    /**
     * The part of {@link #energyJ()} an idle chip would also draw over the inference's time (the
     * {@link #IDLE_LINES}): what is taken off the design when it is compared with a GPU's energy above its idle
     * power, so both sides are priced above idle.
     */
    public double idleEnergyJ() {
        double j = 0;
        for (String line : IDLE_LINES) {
            Priced p = priced.get(line);
            j += p == null ? 0 : p.energyJ();
        }
        return j;
    }

    /** Component -> device library entries its number came from. */
    public Map<String, List<String>> devicesUsed() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        priced.forEach((k, p) -> m.put(k, p.devices()));
        return Collections.unmodifiableMap(m);
    }

    /** Component -> the name of the estimator that priced it. */
    public Map<String, String> estimators() {
        Map<String, String> m = new LinkedHashMap<>();
        priced.forEach((k, p) -> m.put(k, p.estimator()));
        return Collections.unmodifiableMap(m);
    }

    public long macs() {
        return counts.macs();
    }

    public double latencyS() {
        return counts.latencyS();
    }

    public double computeTimeS() {
        return counts.computeTimeS();
    }

    /** Tiles per inference (static and dynamic). */
    public long tilesPerInference() {
        return counts.staticTiles() + counts.dynamicTiles();
    }

    public double opticalShots() {
        return counts.opticalShots();
    }

    public double energyPerMacJ() {
        return energyJ / macs();
    }

    /**
     * Photons one detector receives per reading divided by the MACs that reading completes (macs / detector
     * readings), the optical-computing figure of merit of Hamerly et al., PRX 9, 021032 (2019) and Wang et al.,
     * Nat. Commun. 13, 123 (2022).
     */
    public double detectedPhotonsPerMac() {
        return link.photonsPerReading() * counts.detectorReadings() / macs();
    }

    /** Laser optical energy per MAC: the chip's optical laser power for as long as the laser is on (the laser line). */
    public double opticalEnergyPerMacJ() {
        return link.laserOpticalW() * counts.laserOnS() / macs();
    }

    public double throughputMacsPerS() {
        return macs() / latencyS();
    }

    public double powerW() {
        return energyJ / latencyS();
    }
}
