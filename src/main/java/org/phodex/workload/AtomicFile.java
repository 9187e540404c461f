package org.phodex.workload;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Publishes a cache file atomically: written to a temporary file in the same folder and moved into place, so
 * concurrent writers (threads or processes) never expose a partial file. Used by every on-disk cache of trained
 * parameters (float weights, deep networks, co-designed networks).
 */
public final class AtomicFile {
    /** Writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void write(DataOutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code file} atomically; false (and no partial file left) when the folder is not writable. */
    public static boolean publish(Path file, Content content) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                content.write(out);
            }
            try {
                // createTempFile makes the file owner-only; the cache is as readable as the repository
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
                    // nothing more to do: the cache is an optimization
                }
            }
            return false;
        }
    }
}
