package org.phodex.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.workload.Workload;

/**
 * Acceptance-test support: the real repository catalog (device library, shipped architectures, trained
 * workloads), loaded once per JVM, and one-line evaluations with {@code --set}-style settings.
 */
final class Acceptance {
    static final Catalog CATALOG = Catalog.locate();
    private static final Map<String, Workload> WORKLOADS = new ConcurrentHashMap<>();

    /**
     * "Ideal devices" of issue 4: no fabrication phase or coupler error, no loss spread, no thermal crosstalk,
     * 16-bit weight DACs, 8-bit input DACs and output ADCs, 10 dB of laser margin over the noise-derived minimum.
     */
    static final List<String> IDEAL = List.of("phase_error_rad=0", "coupler_error=0", "loss_spread_db=0",
            "thermal_crosstalk=0", "weight_bits=16", "dac_bits=8", "adc_bits=8", "laser_margin_db=10");

    /** Microrings have no phase shifters; their "ideal" is low crosstalk, fine tuning DACs, no fabrication offsets. */
    static final List<String> IDEAL_MRR = List.of("weight_bits=16", "dac_bits=8", "adc_bits=8",
            "laser_margin_db=10", "channel_spacing_nm=1.6", "ring_q=20000", "devices.microring.resonance_sigma_nm=0");

    private Acceptance() {
    }

    static Workload workload(String name) {
        return WORKLOADS.computeIfAbsent(name, CATALOG::workload);
    }

    static EvaluationResult evaluate(String arch, String workload, int chips, int samples, List<String> settings,
            String... more) {
        ArchitectureSpec spec = CATALOG.architecture(arch);
        List<String> all = new ArrayList<>(settings);
        all.addAll(List.of(more));
        DesignResolver.Resolved r = DesignResolver.resolve(spec, CATALOG.devices(), all);
        Evaluator ev = new Evaluator(workload(workload), CATALOG.baseline(),
                new Evaluator.Options(chips, samples, Math.min(samples, 200), 1L));
        return ev.evaluate(spec, r.design(), r.devices());
    }
}
