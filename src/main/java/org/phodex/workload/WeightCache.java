package org.phodex.workload;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trained weights on disk, one file per (workload, data, hyperparameters): {@code DIR/NAME-KEY16.weights}
 * where KEY16 is the first 16 hex digits of the SHA-256 key. Binary: magic, the full key, layer count, then per
 * layer in, out, activation, weights and bias as IEEE doubles (exact). Written to a temporary file in the same
 * folder and moved into place atomically, so concurrent writers (threads or processes) never expose a partial
 * file; they all write the same bytes, so whoever lands last changes nothing.
 */
final class WeightCache {
    private static final String MAGIC = "phodex-weights-v1";

    private WeightCache() {
    }

    static Path file(Path dir, String name, String key) {
        return dir.resolve(name + "-" + key.substring(0, 16) + ".weights");
    }

    /** The cached layers, or empty when absent, unreadable, or written for another key. */
    static Optional<List<Layer>> read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            int n = in.readInt();
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < n; l++) {
                int inDim = in.readInt();
                int outDim = in.readInt();
                Layer.Activation act = Layer.Activation.valueOf(in.readUTF());
                double[] w = new double[inDim * outDim];
                for (int i = 0; i < w.length; i++) {
                    w[i] = in.readDouble();
                }
                double[] b = new double[outDim];
                for (int i = 0; i < b.length; i++) {
                    b[i] = in.readDouble();
                }
                layers.add(new Layer(inDim, outDim, w, b, act));
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(layers);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // corrupt or foreign: retrain and overwrite
        }
    }

    /** Writes atomically ({@link AtomicFile}); returns false (and leaves no partial file) when the folder is not writable. */
    static boolean write(Path file, String key, List<Layer> layers) {
        return AtomicFile.publish(file, out -> {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.writeInt(layers.size());
            for (Layer layer : layers) {
                out.writeInt(layer.inDim());
                out.writeInt(layer.outDim());
                out.writeUTF(layer.activation().name());
                for (double v : layer.w()) {
                    out.writeDouble(v);
                }
                for (double v : layer.b()) {
                    out.writeDouble(v);
                }
            }
        });
    }

    static String sha256(String text) {
        return DataSpec.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
