package org.phodex.search;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One process per run folder: {@code run.lock} holds an operating-system file lock for as long as a search,
 * resume or sweep writes the folder, and names its holder (PID, host, start time, command) so that a second
 * process can say who has it. The operating system drops the lock when its holder dies, however it dies; a
 * record left behind by a dead process on this host is taken over with a message. On release the file is
 * emptied, not deleted (deleting would let two later processes lock two different files of the same name).
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "run.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Who holds (or held) a lock: parsed from the lock file's {@code key=value} lines. */
    record Holder(long pid, String host, String since, String command) {
        static Holder parse(String text) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            if (!kv.containsKey("pid")) {
                return null;
            }
            long pid;
            try {
                pid = Long.parseLong(kv.get("pid"));
            } catch (NumberFormatException e) {
                return null;
            }
            return new Holder(pid, kv.getOrDefault("host", "?"), kv.getOrDefault("since", "?"),
                    kv.getOrDefault("command", "?"));
        }

        String text() {
            return "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\ncommand=" + command + "\n";
        }

        String describe() {
            return "PID " + pid + " on host " + host + " (phodex " + command + ", since " + since + ")";
        }
    }

    /**
     * Locks {@code dir} (created if absent) for {@code command}. IllegalArgumentException with a one-line
     * user message when another process holds it or the folder cannot be written; {@code notes} receives the
     * message about a stale lock taken over.
     */
    public static RunLock acquire(Path dir, String command, Consumer<String> notes) {
        RunFiles.createFolder(dir);
        Path f = dir.resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write to output folder " + dir + ": "
                    + RunFiles.reason(e));
        }
        try {
            Holder previous = Holder.parse(read(ch));
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process holds it already (another run in the same JVM)
            }
            if (lock == null) {
                ch.close();
                throw new IllegalArgumentException("run folder " + dir + " is in use by "
                        + (previous == null ? "another process" : previous.describe())
                        + "; wait for it to finish or stop it, then retry (two processes writing one folder "
                        + "would corrupt it)");
            }
            Holder me = self(command);
            if (previous != null && !(previous.pid() == me.pid() && previous.host().equals(me.host()))) {
                if (!previous.host().equals(me.host())) {
                    lock.release();
                    ch.close();
                    throw new IllegalArgumentException("run folder " + dir + " is marked in use by "
                            + previous.describe() + ", which this host cannot check; if no phodex runs there "
                            + "on this folder any more, delete " + f + " and retry");
                }
                if (ProcessHandle.of(previous.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                    // the file system did not enforce the lock, but the holder is alive
                    lock.release();
                    ch.close();
                    throw new IllegalArgumentException("run folder " + dir + " is in use by "
                            + previous.describe() + "; wait for it to finish or stop it, then retry");
                }
                notes.accept("phodex: taking over the stale lock of " + previous.describe() + " on " + dir
                        + ": that process is no longer running");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new RunLock(f, ch, lock);
        } catch (IOException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new IllegalArgumentException("cannot lock run folder " + dir + ": " + RunFiles.reason(e));
        }
    }

    /** The holder recorded in {@code dir}'s lock file, or null when it is free or absent. */
    static Holder recorded(Path dir) {
        Path f = dir.resolve(FILE);
        try {
            return Files.exists(f) ? Holder.parse(Files.readString(f, StandardCharsets.UTF_8)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(FileChannel ch) throws IOException {
        long n = Math.min(ch.size(), 4096);
        ByteBuffer b = ByteBuffer.allocate((int) n);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    static Holder self(String command) {
        return new Holder(ProcessHandle.current().pid(), hostName(), RunFiles.now(), command);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    public Path file() {
        return file;
    }

    /** Empties the record and releases the lock. */
    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            // the OS releases the lock when the channel closes or the process ends
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
