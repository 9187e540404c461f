package org.phodex.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import org.phodex.moo.SearchState;

/**
 * What {@code checkpoint/state.ser} holds: the run's definition, the search state and how far the
 * append-only CSV files had been written (their byte lengths), so that resume can cut off rows written after
 * the checkpoint. Written atomically (temporary file, then rename).
 */
public record Checkpoint(RunConfig config, SearchState state, ArrayList<String> extraColumns,
                         long evaluationsCsvBytes, long indicatorsCsvBytes) implements Serializable {
    public static final String DIR = "checkpoint";
    public static final String FILE = "state.ser";

    public static Path file(Path runDir) {
        return runDir.resolve(DIR).resolve(FILE);
    }

    public void write(Path runDir) {
        Path target = file(runDir);
        Path tmp = target.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
                 ObjectOutputStream out = new ObjectOutputStream(os)) {
                out.writeObject(this);
            }
            moveAtomically(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e, e);
        }
    }

    static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads a run folder's checkpoint; IllegalArgumentException with a user-facing message otherwise. */
    public static Checkpoint read(Path runDir) {
        Path f = file(runDir);
        if (!Files.isRegularFile(f) && Files.isRegularFile(runDir.resolve("sweep.csv"))) {
            throw new IllegalArgumentException(runDir + " is a sweep folder; a sweep does not resume: run the "
                    + "same 'phodex sweep' again with -o " + runDir + " --force (or another -o)");
        }
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(runDir + " has no checkpoint (" + f + " is missing); is it a "
                    + "search run folder?");
        }
        try (InputStream is = new BufferedInputStream(Files.newInputStream(f));
             ObjectInputStream in = new ObjectInputStream(is)) {
            return (Checkpoint) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read checkpoint " + f + ": " + e
                    + " (written by another phodex version?)");
        }
    }
}
