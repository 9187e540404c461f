package org.phodex.workload;

import java.util.List;
import java.util.Map;
import org.phodex.spec.SpecNode;

/**
 * How a network is trained ({@code network.training} in the YAML). Training is single-threaded with a seeded
 * {@link java.util.Random} and {@link StrictMath}, so the same config and data give the same weights bit for
 * bit on every JVM.
 *
 * @param optimizer    {@code adam} (Kingma and Ba, 2015; beta1 0.9, beta2 0.999, eps 1e-8) or {@code sgd}
 *                     (heavy-ball momentum)
 * @param learningRate step size
 * @param momentum     for sgd only (ignored by adam)
 * @param epochs       passes over the training split
 * @param batchSize    samples per update (the last, smaller batch of an epoch is used too)
 * @param seed         seeds the initial weights (Kaiming-normal, biases 0) and the per-epoch shuffles
 */
public record TrainingConfig(String optimizer, double learningRate, double momentum, int epochs, int batchSize,
                             long seed) {

    static final List<String> OPTIMIZERS = List.of("adam", "sgd");

    static TrainingConfig parse(SpecNode node) {
        Map<String, SpecNode> e = node.entries(List.of("optimizer", "learning_rate", "momentum", "epochs",
                "batch_size", "seed"), List.of("optimizer", "learning_rate", "epochs", "batch_size", "seed"));
        String opt = e.get("optimizer").asChoice(OPTIMIZERS);
        double lr = e.get("learning_rate").asDouble(1e-9, 10, "a small positive step, e.g. 0.001 for adam");
        double mom = 0;
        if (e.containsKey("momentum")) {
            if (!opt.equals("sgd")) {
                SpecNode m = e.get("momentum");
                throw new org.phodex.spec.SpecException(m.file(), m.keyLine(), m.path(),
                        "momentum applies to optimizer sgd only", "adam uses fixed betas 0.9 and 0.999");
            }
            mom = e.get("momentum").asDouble(0, 0.999, "a fraction in [0, 1), e.g. 0.9");
        }
        int epochs = e.get("epochs").asInt(1, 10_000, "passes over the training split");
        int batch = e.get("batch_size").asInt(1, 1 << 20, "samples per update, e.g. 32");
        double s = e.get("seed").asDouble();
        if (s != Math.rint(s) || Math.abs(s) > 9.007199254740992E15) {
            throw e.get("seed").error("seed must be a whole number", "e.g. 42");
        }
        return new TrainingConfig(opt, lr, mom, epochs, batch, (long) s);
    }

    /** Canonical text for the cache key. */
    String key() {
        return "optimizer=" + optimizer + ";lr=" + learningRate + ";momentum=" + momentum + ";epochs=" + epochs
                + ";batch=" + batchSize + ";seed=" + seed;
    }
}
