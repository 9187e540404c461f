package org.phodex.photonics;

import java.util.random.RandomGenerator;

/**
 * The static (per fabricated chip) non-idealities of MZI hardware; each is off at 0.
 *
 * @param weightBits       phase DAC bits over [0, 2 pi); <= 0 means exact phases
 * @param phaseErrorRad    fabrication phase error per phase shifter, standard deviation (rad)
 * @param couplerError     coupler amplitude-ratio error, standard deviation (r = 1/sqrt(2) + N(0, sigma))
 * @param mziLossDb        insertion loss of one MZI (dB)
 * @param mziLossSpreadDb  spread (standard deviation) of that loss across MZIs (dB); loss is clipped at 0
 * @param thermalCrosstalk fraction of a heater's phase that leaks into each neighbouring heater of its column
 */
public record StaticErrors(int weightBits, double phaseErrorRad, double couplerError, double mziLossDb,
        double mziLossSpreadDb, double thermalCrosstalk) {

    public static StaticErrors none() {
        return new StaticErrors(0, 0, 0, 0, 0, 0);
    }

    public boolean isIdeal() {
        return weightBits <= 0 && phaseErrorRad == 0 && couplerError == 0 && mziLossDb == 0
                && mziLossSpreadDb == 0 && thermalCrosstalk == 0;
    }

    /** -ln(10) / 20: 10^(-dB/20) = exp(-dB ln(10) / 20). */
    private static final double NEG_LN10_OVER_20 = -Math.log(10) / 20;

    /**
     * Field amplitude transmission of a loss in dB: 10^(-dB/20), as exp(-dB ln(10)/20) (Math.exp: 2.5 times faster
     * than Math.pow; within an ulp of the power of ten for a mesh's losses up to 1 dB, 1e-15 relative up to 40 dB;
     * 0 dB gives exactly 1).
     */
    public static double amplitudeOfLossDb(double lossDb) {
        return Math.exp(NEG_LN10_OVER_20 * lossDb);
    }

    /**
     * Samples the physical state of a set of MZIs. Written phases are quantized, then each heater picks up
     * {@code thermalCrosstalk} times its neighbours' written phases, then a fabrication error. The random stream
     * is consumed the same way whatever the sigmas (5 normals per MZI), so chips with equal seeds share their
     * error pattern and only its size changes.
     *
     * @param above index of the neighbour above each MZI (or -1); below likewise
     */
    public void sampleMzis(double[] theta, double[] phi, int[] above, int[] below, RandomGenerator rng,
            double[] thetaOut, double[] phiOut, double[] r1Out, double[] r2Out, double[] ampOut) {
        int m = theta.length;
        double[] tq = new double[m];
        double[] pq = new double[m];
        for (int k = 0; k < m; k++) {
            tq[k] = Quantizer.phase(theta[k], weightBits);
            pq[k] = Quantizer.phase(phi[k], weightBits);
        }
        for (int k = 0; k < m; k++) {
            double gt = rng.nextGaussian();
            double gp = rng.nextGaussian();
            double g1 = rng.nextGaussian();
            double g2 = rng.nextGaussian();
            double gl = rng.nextGaussian();
            double leakT = 0;
            double leakP = 0;
            if (thermalCrosstalk != 0) {
                if (above[k] >= 0) {
                    leakT += tq[above[k]];
                    leakP += pq[above[k]];
                }
                if (below[k] >= 0) {
                    leakT += tq[below[k]];
                    leakP += pq[below[k]];
                }
            }
            thetaOut[k] = tq[k] + thermalCrosstalk * leakT + phaseErrorRad * gt;
            phiOut[k] = pq[k] + thermalCrosstalk * leakP + phaseErrorRad * gp;
            r1Out[k] = Mzi.R_IDEAL + couplerError * g1;
            r2Out[k] = Mzi.R_IDEAL + couplerError * g2;
            ampOut[k] = amplitudeOfLossDb(Math.max(0, mziLossDb + mziLossSpreadDb * gl));
        }
    }

    /**
     * Samples a screen of phase shifters on adjacent waveguides (one normal each): quantized, thermal
     * leak from waveguides i-1 and i+1, fabrication error.
     */
    public double[] samplePhaseScreen(double[] phase, RandomGenerator rng) {
        int n = phase.length;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = Quantizer.phase(phase[i], weightBits);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            double leak = (i > 0 ? q[i - 1] : 0) + (i + 1 < n ? q[i + 1] : 0);
            out[i] = q[i] + thermalCrosstalk * leak + phaseErrorRad * g;
        }
        return out;
    }
}
