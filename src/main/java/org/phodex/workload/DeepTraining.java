package org.phodex.workload;

import java.util.List;
import java.util.Map;
import org.phodex.spec.SpecNode;

/**
 * How a {@code model:} network is trained ({@code model.training} in the YAML): AdamW (Loshchilov and Hutter,
 * 2019) with a linear warm-up over the first epoch and a cosine decay to zero (Loshchilov and Hutter, SGDR, 2017),
 * random translations of the training images by up to {@code shift} pixels (zero fill), seeded shuffles.
 *
 * @param learningRate peak step size
 * @param weightDecay  decoupled decay of the weight matrices (not of biases, norms, embeddings)
 * @param epochs       passes over the training split
 * @param batchSize    samples per update (the last, smaller batch of an epoch is used too)
 * @param shift        largest random translation in pixels (0: none)
 * @param seed         seeds the initial weights, the shuffles and the shifts
 */
public record DeepTraining(double learningRate, double weightDecay, int epochs, int batchSize, int shift,
                           long seed) {

    static DeepTraining parse(SpecNode node) {
        Map<String, SpecNode> e = node.entries(List.of("optimizer", "learning_rate", "weight_decay", "epochs",
                "batch_size", "shift", "seed"), List.of("optimizer", "learning_rate", "epochs", "batch_size", "seed"));
        e.get("optimizer").asChoice(List.of("adamw"));
        double lr = e.get("learning_rate").asDouble(1e-9, 10, "a small positive step, e.g. 0.001");
        double wd = e.containsKey("weight_decay")
                ? e.get("weight_decay").asDouble(0, 10, "decoupled weight decay, e.g. 0.05") : 0;
        int epochs = e.get("epochs").asInt(1, 10_000, "passes over the training split");
        int batch = e.get("batch_size").asInt(1, 1 << 16, "samples per update, e.g. 64");
        int shift = e.containsKey("shift") ? e.get("shift").asInt(0, 16, "largest random translation, pixels") : 0;
        double s = e.get("seed").asDouble();
        if (s != Math.rint(s) || Math.abs(s) > 9.007199254740992E15) {
            throw e.get("seed").error("seed must be a whole number", "e.g. 42");
        }
        return new DeepTraining(lr, wd, epochs, batch, shift, (long) s);
    }

    /** Canonical text for the cache key. */
    public String key() {
        return "adamw;lr=" + learningRate + ";wd=" + weightDecay + ";epochs=" + epochs + ";batch=" + batchSize
                + ";shift=" + shift + ";seed=" + seed;
    }

    /** The same recipe with fewer epochs (tests and quick checks). */
    public DeepTraining withEpochs(int e) {
        return new DeepTraining(learningRate, weightDecay, e, batchSize, shift, seed);
    }
}
