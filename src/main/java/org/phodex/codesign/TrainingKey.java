package org.phodex.codesign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.phodex.photonics.DetectorNoise;
import org.phodex.photonics.StaticErrors;
import org.phodex.sim.SimSettings;
import org.phodex.sim.TileRealization;

/**
 * What a co-designed network depends on, and nothing else, so one training serves every design that shares it:
 * workload and its float weights, tile realization (family, layout parameters, tile size), mode, seed, and for
 * the noisy modes the bit widths and the noise levels rounded to a grid. Training runs at the grid point, so a
 * cached result never depends on which design asked first.
 *
 * <p>The grid: phase error and coupler error in steps of {@value #SIGMA_STEP}; MZI loss and its spread in steps
 * of {@value #LOSS_STEP_DB} dB; thermal crosstalk in steps of {@value #CROSSTALK_STEP}; detector noise as the
 * full-scale-sine SNR it allows, rounded down to a multiple of {@value #SNR_STEP_DB} dB, so the network is trained for
 * at most that much more noise than the design has and a search's designs share keys (50 dB and above counts as
 * noiseless).
 *
 * @param text     the canonical description (hashed into {@link #sha256()})
 * @param settings the simulation settings at the grid point, which training uses
 */
public record TrainingKey(String text, SimSettings settings) {
    static final double SIGMA_STEP = 0.0025;
    static final double LOSS_STEP_DB = 0.05;
    static final double CROSSTALK_STEP = 0.005;
    static final double SNR_STEP_DB = 3;
    static final double NOISELESS_SNR_DB = 50;
    /** Bumped whenever training changes what it produces for the same key. */
    static final String VERSION = "phodex-codesign-v3";

    /**
     * @param workload    workload name
     * @param weightsKey  the float weights' cache key (architecture, data, float training)
     * @param sim         the design's simulation settings
     * @param mode        a mode other than post-mapping
     * @param seed        training seed
     * @param hyper       the trainer's hyperparameters as text
     */
    public static TrainingKey of(String workload, String weightsKey, SimSettings sim, TrainingMode mode, long seed,
                                 String hyper) {
        StringBuilder sb = new StringBuilder(VERSION).append(";mode=").append(mode.key()).append(";workload=")
                .append(workload).append(";weights=").append(weightsKey).append(";tile=")
                .append(sim.tileRows()).append('x').append(sim.tileCols()).append(';').append(hyper)
                .append(";seed=").append(seed);
        SimSettings grid = sim;
        if (sim.tile() instanceof TileRealization.MziMesh m) {
            sb.append(";mesh=").append(m.programmer().name());
            StaticErrors e = m.errors();
            StaticErrors g = new StaticErrors(e.weightBits(), round(e.phaseErrorRad(), SIGMA_STEP),
                    round(e.couplerError(), SIGMA_STEP), round(e.mziLossDb(), LOSS_STEP_DB),
                    round(e.mziLossSpreadDb(), LOSS_STEP_DB), round(e.thermalCrosstalk(), CROSSTALK_STEP));
            grid = sim.withStaticErrors(g);
            if (mode.noisy()) {
                sb.append(String.format(Locale.ROOT, ";weight_bits=%d;phase=%.4f;coupler=%.4f;loss=%.2f;spread=%.2f;"
                                + "crosstalk=%.3f", g.weightBits(), g.phaseErrorRad(), g.couplerError(), g.mziLossDb(),
                        g.mziLossSpreadDb(), g.thermalCrosstalk()));
            }
        } else if (sim.tile() instanceof TileRealization.RingBank r) {
            sb.append(";bank=").append(r.bank());
        }
        if (mode.noisy()) {
            double snr = snrDb(sim);
            double snrGrid = Math.min(NOISELESS_SNR_DB, Math.floor(snr / SNR_STEP_DB) * SNR_STEP_DB);
            grid = grid.withReceivedPower(snrGrid >= NOISELESS_SNR_DB ? Double.POSITIVE_INFINITY
                    : DetectorNoise.minReceivedPowerW(snrGrid, sim.detector()));
            sb.append(String.format(Locale.ROOT, ";dac_bits=%d;adc_bits=%d;snr_db=%.0f", sim.dacBits(), sim.adcBits(),
                    snrGrid));
            if (sim.adcBits() > 0) {
                sb.append(";adc_full_scale=calibrated"); // chosen in training (CodesignTrainer.calibrateAdc)
            }
        }
        return new TrainingKey(sb.toString(), grid);
    }

    /** Full-scale-sine SNR of the detector at the design's received power (dB; +Infinity when noiseless). */
    static double snrDb(SimSettings sim) {
        double rel = DetectorNoise.relativeNoise(sim.receivedPowerW(), sim.detector());
        return rel == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1 / (2 * rel * rel));
    }

    static double round(double x, double step) {
        return Math.round(x / step) * step;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
