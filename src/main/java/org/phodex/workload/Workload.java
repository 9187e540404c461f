package org.phodex.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A workload: the GEMMs one inference performs (for the energy model) and, when it has data, a trained
 * {@link Network} whose accuracy can be measured through hardware. Shape-only workloads have no network; their
 * accuracy is the relative error of {@link #sampleBlock representative blocks} with synthetic operands.
 * Loaded by {@link Workloads}.
 */
public interface Workload {

    String name();

    String description();

    /** Where the numbers come from (paper, model card); may be empty. */
    String citation();

    /** The YAML file it was loaded from. */
    Path file();

    /** Every matrix multiply of one inference, in execution order. */
    List<Gemm> gemms();

    /** Sum of {@link Gemm#macs()} over {@link #gemms()}. */
    long macsPerInference();

    /** The trained network (MLP workloads); empty for shape-only workloads. */
    Optional<Network> network();

    /** The trained CNN or ViT ({@code model:} workloads); empty otherwise. */
    default Optional<DeepNetwork> model() {
        return Optional.empty();
    }

    /** Digital operations besides the GEMMs (softmax, layer norm, GELU, ...); none are counted for MLPs. */
    default DigitalOps digitalOps() {
        return model().map(m -> m.shape().digitalOps()).orElse(DigitalOps.NONE);
    }

    /** True when the workload has data, so its accuracy is a real top-1 (an MLP or a CNN/ViT). */
    default boolean hasData() {
        return network().isPresent() || model().isPresent();
    }

    /** Size of the test split; 0 for shape-only workloads. */
    default int testSize() {
        return network().map(Network::testSize).orElseGet(() -> model().map(DeepNetwork::testSize).orElse(0));
    }

    /** Labels of the whole test split, in order; empty for shape-only workloads. */
    default int[] testLabels() {
        return network().map(n -> n.testLabels(n.testSize()))
                .orElseGet(() -> model().map(m -> m.testLabels(m.testSize())).orElse(new int[0]));
    }

    /** True when some GEMM's weights are activations, reprogrammed for every inference (attention). */
    default boolean hasDynamicWeights() {
        for (int g = 0; g < gemms().size(); g++) {
            if (operands(g).dynamicWeights()) {
                return true;
            }
        }
        return false;
    }

    /** Operand statistics of GEMM {@code gemmIndex} (index into {@link #gemms()}). */
    Operands operands(int gemmIndex);

    /** {@link #sampleBlock(int, long, int, int, int)} with at most 64 rows, 256 inner, 256 outputs. */
    GemmBlock sampleBlock(int gemmIndex, long seed);

    /**
     * A seeded representative block of GEMM {@code gemmIndex}: {@code min(maxRows, M) x min(maxInner, K) x
     * min(maxOutputs, N)}. Synthetic operands drawn from {@link #operands}; for a network's layers, a seeded
     * choice of the trained weights' rows and columns applied to the first test samples' float-path inputs.
     * The same seed gives the same block.
     */
    GemmBlock sampleBlock(int gemmIndex, long seed, int maxRows, int maxInner, int maxOutputs);
}
