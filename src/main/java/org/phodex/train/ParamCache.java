package org.phodex.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.phodex.workload.AtomicFile;

/**
 * A network's trained parameters on disk: {@code DIR/NAME-KEY16.params}, KEY16 the first 16 hex digits of the
 * SHA-256 cache key. Binary: magic, the full key, the tensor count, then per tensor its name, length and values
 * as IEEE doubles (exact). Written to a temporary file and moved into place atomically, so concurrent writers
 * never expose a partial file.
 */
final class ParamCache {
    private static final String MAGIC = "phodex-params-v1";

    private ParamCache() {
    }

    static Path file(Path dir, String name, String key) {
        return dir.resolve(name + "-" + key.substring(0, 16) + ".params");
    }

    /** Reads the file into the net's parameters; false (net untouched) when absent, foreign or corrupt. */
    static boolean read(Path file, String key, Net net) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        List<Tensor> params = net.parameters();
        List<String> names = net.names();
        double[][] values = new double[params.size()][];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(key) || in.readInt() != params.size()) {
                return false;
            }
            for (int p = 0; p < values.length; p++) {
                if (!in.readUTF().equals(names.get(p)) || in.readInt() != params.get(p).size()) {
                    return false;
                }
                values[p] = new double[params.get(p).size()];
                for (int i = 0; i < values[p].length; i++) {
                    values[p][i] = in.readDouble();
                }
            }
            if (in.read() != -1) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false; // corrupt or foreign: retrain and overwrite
        }
        for (int p = 0; p < values.length; p++) {
            System.arraycopy(values[p], 0, params.get(p).value(), 0, values[p].length);
        }
        return true;
    }

    /** Writes atomically ({@link AtomicFile}); false (and no partial file) when the folder is not writable. */
    static boolean write(Path file, String key, Net net) {
        List<Tensor> params = net.parameters();
        List<String> names = net.names();
        return AtomicFile.publish(file, out -> {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.writeInt(params.size());
            for (int p = 0; p < params.size(); p++) {
                out.writeUTF(names.get(p));
                out.writeInt(params.get(p).size());
                for (double v : params.get(p).value()) {
                    out.writeDouble(v);
                }
            }
        });
    }
}
