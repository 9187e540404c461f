package org.phodex.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.codesign.TrainingCache;
import org.phodex.codesign.TrainingMode;
import org.phodex.cost.CostModel;
import org.phodex.cost.CostReport;
import org.phodex.sim.Seeds;
import org.phodex.sim.SimSettings;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.stats.StratifiedSample;
import org.phodex.train.Products;
import org.phodex.train.Trained;
import org.phodex.workload.DeepNetwork;
import org.phodex.workload.Gemm;
import org.phodex.workload.GemmBlock;
import org.phodex.workload.ModelShape;
import org.phodex.workload.Network;
import org.phodex.workload.Operands;
import org.phodex.workload.Workload;

/** evaluate with training=noise-aware on a CNN scores the fine-tuned parameters on the design's chips. */
class DeepCodesignEvaluationTest {
    /** mnist-cnn's data and recipe on a one-convolution CNN trained on 160 images (no cache folder). */
    private static final class TinyCnn implements Workload {
        private final Workload mnist = Acceptance.workload("mnist-cnn");
        private final DeepNetwork model;

        TinyCnn() {
            DeepNetwork d = mnist.model().orElseThrow();
            model = d.with(new ModelShape.Cnn(28, 28, 1, 10, 5, new int[] {2}, new int[] {0}, new int[0]))
                    .withTrainSize(160).with(d.training().withEpochs(1), null);
        }

        @Override
        public String name() {
            return "tiny-cnn";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public String citation() {
            return "";
        }

        @Override
        public Path file() {
            return mnist.file();
        }

        @Override
        public List<Gemm> gemms() {
            return model.shape().gemms();
        }

        @Override
        public long macsPerInference() {
            return gemms().stream().mapToLong(Gemm::macs).sum();
        }

        @Override
        public Optional<Network> network() {
            return Optional.empty();
        }

        @Override
        public Optional<DeepNetwork> model() {
            return Optional.of(model);
        }

        @Override
        public Operands operands(int gemmIndex) {
            // the cost model's operand statistics: mnist-cnn's first convolution's and its classifier's
            return mnist.operands(gemmIndex == 0 ? 0 : mnist.gemms().size() - 1);
        }

        @Override
        public GemmBlock sampleBlock(int gemmIndex, long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GemmBlock sampleBlock(int gemmIndex, long seed, int maxRows, int maxInner, int maxOutputs) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void noiseAwareScoresTheFineTunedNetworkOnTheDesignsChips() {
        Workload w = new TinyCnn();
        ArchitectureSpec spec = Acceptance.CATALOG.architecture("mzi-clements");
        DesignResolver.Resolved r = DesignResolver.resolve(spec, Acceptance.CATALOG.devices(),
                List.of("adc_bits=3", "training=noise-aware"));
        int chips = 2;
        int samples = 200;
        Evaluator.Options options = new Evaluator.Options(chips, samples, 20, 1L);
        long before = TrainingCache.stats().requests();
        EvaluationResult result = new Evaluator(w, Acceptance.CATALOG.baseline(), options).evaluate(spec,
                r.design(), r.devices());
        assertEquals(1, TrainingCache.stats().requests() - before, "the co-designed network came from the cache");

        // the same chips and images by hand: the fine-tuned network (from memory now) and the float one
        Family f = Families.get(spec.family());
        CostReport cost = CostModel.evaluate(r.design(), f, r.devices(), w);
        SimSettings sim = f.simSettings(r.design(), r.devices(), cost.link().receivedPowerW(),
                cost.link().detector());
        Trained floatNet = Trained.of(w.model().get());
        org.phodex.codesign.DeepCodesign.Tuned tuned = TrainingCache.get(floatNet, w.name(), sim,
                TrainingMode.NOISE_AWARE, HardwareProducts.TRAINING);
        assertEquals(2, tuned.adcFullScale().size(), "3-bit ADCs: both GEMMs' full scales chosen");
        int[] idx = StratifiedSample.indices(w.testLabels(), samples, StratifiedSample.SEARCH_SEED);
        long base = Seeds.derive(options.seed(), r.design().without(org.phodex.spec.Params.TRAINING).stableHash());
        int tunedHits = 0;
        int floatHits = 0;
        for (int c = 0; c < chips; c++) {
            Products chip = new HardwareProducts(sim, Seeds.derive(base, c), tuned.adcFullScale());
            for (boolean ok : tuned.net().correct(chip, idx)) {
                tunedHits += ok ? 1 : 0;
            }
            chip = new HardwareProducts(sim, Seeds.derive(base, c));
            for (boolean ok : floatNet.correct(chip, idx)) {
                floatHits += ok ? 1 : 0;
            }
        }
        assertEquals((double) tunedHits / (chips * samples), result.accuracy(), 1e-12);
        assertTrue(tunedHits != floatHits, "the float network scores otherwise on these chips: " + floatHits
                + " against " + tunedHits);
    }
}
