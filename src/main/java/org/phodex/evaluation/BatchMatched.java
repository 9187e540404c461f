package org.phodex.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.phodex.cost.DigitalBaseline;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Params;

/**
 * A digital baseline beside the design at the same batch: a GPU measured at batch 4096 is compared with the
 * design loading its weights once per 4096 inferences, a GPU at batch 1 with the design at batch 1. Comparing
 * a photonic design at batch 1000 with a GPU at batch 1 would credit the photonic side with the batching the
 * GPU was denied (a 200,000x "advantage" that is 218x like for like on digits-mlp).
 *
 * @param baseline      the measured (or GEMM-derived) digital figure
 * @param designBatch   the batch the design's energy is priced at: the baseline's; the design's own when the
 *                      baseline has no batch (a workload not measured on the GPU), or when its own is smaller and
 *                      cheaper per inference (handed 4,096 inputs, a chip can run them in sub-batches of its own)
 * @param designEnergyJ the design's energy per inference at {@code designBatch}
 */
public record BatchMatched(DigitalBaseline.Figure baseline, int designBatch, double designEnergyJ) {

    /** Baseline energy over design energy: above 1, the design uses less. */
    public double ratio() {
        return baseline.energyJ() / designEnergyJ;
    }

    /** "12.3x less energy" or, below 1, "4.5x more energy". */
    public String ratioText() {
        double r = ratio();
        return r >= 1 ? String.format(Locale.ROOT, "%.3gx less energy", r)
                : String.format(Locale.ROOT, "%.3gx more energy", 1 / r);
    }

    /** Both batches in words: "design at batch 4096 vs H100 bf16, batch 4096 (measured)". */
    public String label() {
        return "design at batch " + designBatch + " vs " + baseline.name();
    }

    /**
     * The batch a design is priced at beside a baseline that ran {@code batch} inferences at once: that batch, or,
     * when its own batch is smaller and cheaper per inference ({@code joulesAt}), its own: a chip handed 4,096
     * inputs can run them 1,000 at a time, its weights then loaded once per 1,000, which its own batch's price
     * already charges. A baseline batch below the design's own leaves it no choice.
     */
    public static int pricedBatch(int batch, int ownBatch, IntToDoubleFunction joulesAt) {
        return ownBatch < batch && joulesAt.applyAsDouble(ownBatch) < joulesAt.applyAsDouble(batch) ? ownBatch : batch;
    }

    /** The evaluation's baselines (best case, then batch 1), each beside the design at the same batch. */
    public static List<BatchMatched> of(Evaluator ev, ArchitectureSpec spec, EvaluationResult r, DeviceLibrary lib) {
        int own = r.design().has(Params.BATCH) ? r.design().getInt(Params.BATCH) : 1;
        // the design's energy per inference by batch, each batch priced once
        Map<Integer, Double> priced = new HashMap<>(Map.of(own, r.cost().energyJ()));
        IntToDoubleFunction energyAt = b -> priced.computeIfAbsent(b, x -> ev.energyAtBatchJ(spec, r.design(), lib, x));
        List<BatchMatched> out = new ArrayList<>();
        for (DigitalBaseline.Figure f : List.of(r.baseline(), r.baselineBatchOne())) {
            int b = pricedBatch(f.batch() > 0 ? f.batch() : own, own, energyAt);
            out.add(new BatchMatched(f, b, energyAt.applyAsDouble(b)));
        }
        return out;
    }
}
