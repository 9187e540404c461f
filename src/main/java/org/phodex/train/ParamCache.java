package org.phodex.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

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

    /** Writes atomically; false (and no partial file) when the folder is not writable. */
    static boolean write(Path file, String key, Net net) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            List<Tensor> params = net.parameters();
            List<String> names = net.names();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
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
            }
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the defaults
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the cache is an optimization
                }
            }
            return false;
        }
    }
}
