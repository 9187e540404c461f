package org.phodex.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster's shared secret: the key of an HMAC-SHA256 that every task and every result carries, so that a
 * worker evaluates only what a search holding the same secret sent, and the search accepts only results from
 * such a worker. Read from a file ({@code --secret-file PATH} or the environment variable
 * {@value #ENV}), never from the command line itself, where other users of the machine could read it.
 */
public final class Secret {
    /** The environment variable naming the secret file when {@code --secret-file} is not given. */
    public static final String ENV = "PHODEX_CLUSTER_SECRET_FILE";
    /** Shortest secret accepted (bytes, after trimming trailing white space). */
    public static final int MIN_BYTES = 16;
    /** Length of a MAC. */
    public static final int MAC_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private Secret(byte[] key) {
        this.key = key.clone();
    }

    /** A secret from bytes (tests); at least {@value #MIN_BYTES} of them. */
    public static Secret of(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("the cluster secret is " + key.length + " bytes; it needs at least "
                    + MIN_BYTES + hint());
        }
        return new Secret(key);
    }

    /**
     * The secret from {@code file}, or, when it is null, from the file that {@value #ENV} in {@code env} names;
     * IllegalArgumentException with a user-facing message when neither is given or the file is unusable.
     */
    public static Secret resolve(Path file, Map<String, String> env) {
        Path f = file;
        String from = "--secret-file";
        if (f == null) {
            String v = env.get(ENV);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("a cluster needs a shared secret: give --secret-file PATH or set "
                        + ENV + "=PATH (the same file content on every machine)" + hint());
            }
            f = Path.of(v);
            from = ENV;
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the cluster secret file " + f + " (from " + from + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        int n = raw.length;
        while (n > 0 && Character.isWhitespace(raw[n - 1])) {
            n--; // an editor's trailing newline is not part of the secret
        }
        if (n < MIN_BYTES) {
            throw new IllegalArgumentException("the cluster secret file " + f + " holds " + n + " bytes; it needs at "
                    + "least " + MIN_BYTES + hint());
        }
        return new Secret(Arrays.copyOf(raw, n));
    }

    private static String hint() {
        return " (make one with: head -c 32 /dev/urandom | base64 > ~/.phodex-secret && chmod 600 "
                + "~/.phodex-secret)";
    }

    /** HMAC-SHA256 over the parts, each prefixed by its length (so that parts cannot be shifted between). */
    public byte[] mac(long id, byte[]... parts) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(new SecretKeySpec(key, ALGORITHM));
            m.update(ByteBuffer.allocate(Long.BYTES).putLong(id).array());
            for (byte[] p : parts) {
                byte[] b = p == null ? new byte[0] : p;
                m.update(ByteBuffer.allocate(Integer.BYTES).putInt(p == null ? -1 : b.length).array());
                m.update(b);
            }
            return m.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** True when {@code mac} is the MAC of the parts (compared in constant time). */
    public boolean verify(byte[] mac, long id, byte[]... parts) {
        return mac != null && MessageDigest.isEqual(mac, mac(id, parts));
    }

    @Override
    public String toString() {
        return "Secret[" + key.length + " bytes]"; // never the key
    }
}
