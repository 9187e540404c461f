package org.phodex.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MAC counts of the shipped workloads against formulas written out here and against the counts PyTorch's
 * FlopCounterMode gave for the same networks on the H100 (workloads/baseline/h100-workloads.json, flops / 2).
 */
class MacCountTest {
    static final Path DIR = Path.of("workloads");

    static Workload load(String name) {
        return Workloads.byNameOrPath(name, DIR);
    }

    /** macs_per_inference as measured by FlopCounterMode for this workload (bf16, batch 1). */
    static long measured(String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(DIR.resolve("baseline/h100-workloads.json").toFile());
        return root.get("results").get(name + "_bfloat16_b1").get("macs_per_inference").asLong();
    }

    @Test
    void gemmMacsIsTheProductOfItsShape() {
        assertEquals(3L * 5 * 7 * 2, new Gemm("g", 3, 5, 7, 2).macs());
        // exceeds int: 1024 * 1024 * 3072 * 12
        assertEquals(38_654_705_664L, new Gemm("g", 1024, 1024, 3072, 12).macs());
    }

    @Test
    void mlpsCountInTimesOutPerLayer() throws IOException {
        assertEquals(64 * 32 + 32 * 10, load("digits-mlp").macsPerInference());        // 2,368
        assertEquals(784 * 128 + 128 * 10, load("mnist-mlp").macsPerInference());      // 101,632
        assertEquals(2_368L, measured("digits-mlp"));
        assertEquals(101_632L, measured("mnist-mlp"));
    }

    @Test
    void resnet18MatchesTheArchitectureTableAndFlopCounter() throws IOException {
        // He et al. 2016, Table 1, per image: output pixels x (in_ch x k x k) x out_ch for every conv
        long conv1 = 112L * 112 * (3 * 49) * 64;
        long stage1 = 4 * (56L * 56 * (64 * 9) * 64);
        long expected = conv1 + stage1;
        int[] ch = {64, 128, 256, 512};
        int[] size = {56, 28, 14, 7};
        for (int s = 1; s < 4; s++) {
            long px = (long) size[s] * size[s];
            expected += px * (ch[s - 1] * 9L) * ch[s];        // first 3x3, stride 2
            expected += 3 * (px * (ch[s] * 9L) * ch[s]);      // three more 3x3
            expected += px * ch[s - 1] * (long) ch[s];        // 1x1 stride-2 projection shortcut
        }
        expected += 512L * 1000;                               // classifier
        Workload w = load("resnet18");
        assertEquals(expected, w.macsPerInference());
        assertEquals(1_814_073_344L, expected);                // "1.8 GFLOPs" (multiply-adds) in the paper
        assertEquals(measured("resnet18"), w.macsPerInference());
        assertEquals(21, w.gemms().size());                    // 20 convolutions + fc
        Gemm ds = w.gemms().stream().filter(g -> g.name().equals("layer4.0.downsample")).findFirst().orElseThrow();
        assertEquals(new Gemm("layer4.0.downsample", 49, 256, 512, 1), ds);
        assertEquals(new Gemm("conv1", 112 * 112, 147, 64, 1), w.gemms().get(0));
    }

    @Test
    void bertLayerCountsEveryMatrixProduct() throws IOException {
        long s = 128;
        long d = 768;
        // Q, K, V and output projections; scores Q K^T and context P V over 12 heads of 64; FFN 768-3072-768.
        long expected = 4 * s * d * d + 2 * s * s * d + 2 * s * d * 3072;
        assertEquals(931_135_488L, expected); // 0.931 G (the 0.906 G once quoted was an arithmetic slip)
        assertEquals(expected, load("bert-base-layer").macsPerInference());
        // FlopCounterMode counts only matrix products too (mm/bmm/sdpa: no softmax, layer norm or GELU),
        // so the measured 0.93 G is the same number exactly.
        assertEquals(measured("bert-base-layer"), expected);
    }

    @Test
    void gpt2BlockCountsCausalAttentionInFull() throws IOException {
        long s = 1024;
        long d = 768;
        long full = 4 * s * d * d + 2 * s * s * d + 2 * s * d * 3072;
        assertEquals(8_858_370_048L, full);
        Workload w = load("gpt2-small-block");
        assertEquals(full, w.macsPerInference());
        // docs/physics.md sec. 9 / FlopCounterMode: 8.86 G, equal to ours because both count Q K^T and P V over the
        // full 1024 x 1024 score matrix although the mask zeroes the upper triangle.
        assertEquals(measured("gpt2-small-block"), w.macsPerInference());
        // Counting only the causal (lower-triangle incl. diagonal) part of both attention products would give:
        long causal = full - 2 * s * s * d + 2 * (s * (s + 1) / 2) * d;
        assertEquals(8_053_850_112L, causal);
        long attention = w.gemms().stream().filter(g -> g.name().startsWith("attention_s")
                || g.name().startsWith("attention_c")).mapToLong(Gemm::macs).sum();
        assertEquals(2 * s * s * d, attention);
    }

    @Test
    void allFindsTheSevenShippedWorkloads() {
        List<Workload> all = Workloads.all(DIR);
        List<String> names = all.stream().map(Workload::name).toList();
        assertEquals(List.of("bert-base-layer", "digits-mlp", "gpt2-small-block", "mnist-cnn", "mnist-mlp",
                "mnist-vit", "resnet18"), names);
        List<String> withData = all.stream().filter(Workload::hasData).map(Workload::name).toList();
        assertEquals(List.of("digits-mlp", "mnist-cnn", "mnist-mlp", "mnist-vit"), withData);
    }

    @Test
    void mnistVitCountsEveryProductOfItsBlocks() {
        // 16 patches of 7x7 + a class token = 17 tokens, width 64, 4 heads of 16, MLP 128, 2 blocks
        Workload w = Workloads.load(DIR.resolve("mnist-vit.yaml"));
        long t = 17;
        long perBlock = t * 64 * 192 + 2 * 4 * t * t * 16 + t * 64 * 64 + 2 * t * 64 * 128;
        assertEquals(16 * 49 * 64 + 2 * perBlock + 64 * 10, w.macsPerInference());
        long dynamic = 0;
        for (int g = 0; g < w.gemms().size(); g++) {
            if (w.operands(g).dynamicWeights()) {
                dynamic += w.gemms().get(g).macs();
            }
        }
        assertEquals(2 * 2 * 4 * t * t * 16, dynamic, "Q K^T and P V of both blocks are the dynamic products");
    }
}
