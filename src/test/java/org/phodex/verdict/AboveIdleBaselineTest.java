package org.phodex.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phodex.cost.CostReport;
import org.phodex.evaluation.Catalog;
import org.phodex.evaluation.DesignResolver;
import org.phodex.evaluation.Evaluator;
import org.phodex.spec.ArchitectureSpec;

/** A GPU figure above its idle power is set beside the design above its own idle draw, at the GPU's batch. */
class AboveIdleBaselineTest {

    @Test
    void aboveIdleFiguresAreComparedWithTheDesignLessItsLeakageAndStandby() {
        Catalog cat = Catalog.locate();
        ArchitectureSpec spec = cat.architecture("mzi-clements");
        DesignResolver.Resolved r = DesignResolver.resolve(spec, cat.devices(), List.of());
        Evaluator ev = new Evaluator(cat.workload("digits-mlp"), cat.baseline(), new Evaluator.Options(1, 50, 50, 1L));
        int own = r.design().getInt("batch");
        List<Baseline> list = Baselines.beside(ev, own,
                b -> Baselines.DesignEnergy.of(ev.costAtBatch(spec, r.design(), r.devices(), b)), 1000,
                Optional.empty());
        int aboveIdle = 0;
        for (Baseline b : list) {
            if (!b.available() || b.kind().equals(Baseline.DIGITAL_ASIC)) {
                continue;
            }
            CostReport c = ev.costAtBatch(spec, r.design(), r.devices(), b.designBatch());
            double leakage = c.breakdownJ().getOrDefault("leakage", 0.0);
            double standby = c.breakdownJ().getOrDefault("standby", 0.0);
            assertTrue(leakage > 0, "the design leaks: the test would not tell the two prices apart otherwise");
            if (b.name().contains("above")) {
                aboveIdle++;
                assertEquals(c.energyJ() - leakage - standby, b.designEnergyJ(), 1e-12 * c.energyJ(), b.name());
            } else {
                assertEquals(c.energyJ(), b.designEnergyJ(), 1e-12 * c.energyJ(), b.name());
            }
        }
        assertEquals(3, aboveIdle, "digits-mlp has both measured above-idle figures and the GEMM one: " + list);
    }

    @Test
    void aDesignHandedALargerBatchRunsItInSubBatchesOfItsOwnWhenThatIsCheaper() {
        // per-inference energy: weights (100 J) loaded once per batch, plus 1 J each, plus a spill above 1,000
        java.util.function.IntFunction<Baselines.DesignEnergy> e = s -> new Baselines.DesignEnergy(
                1 + 100.0 / s + (s > 1000 ? 49 : 0), 0.5);
        Baselines.Priced big = Baselines.cheapest(4096, 1000, e, false);
        assertEquals(1000, big.batch());
        assertEquals(1 + 100.0 / 1000, big.joules(), 1e-12);
        Baselines.Priced one = Baselines.cheapest(1, 1000, e, false);
        assertEquals(1, one.batch(), "fewer inputs than its own batch: no choice");
        assertEquals(101, one.joules(), 1e-12);
        Baselines.Priced noSpill = Baselines.cheapest(500, 100, e, true);
        assertEquals(500, noSpill.batch(), "the baseline's batch is cheaper here");
        assertEquals(1 + 100.0 / 500 - 0.5, noSpill.joules(), 1e-12);
    }
}
