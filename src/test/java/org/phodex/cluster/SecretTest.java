package org.phodex.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
    static final byte[] KEY = "a shared secret of the cluster".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void theMacIsHmacSha256OverLengthPrefixedParts() throws Exception {
        // independent expectation: the JDK's HmacSHA256 over id (8 bytes) + (length, bytes) per part
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(KEY, "HmacSHA256"));
        m.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 7});
        m.update(new byte[] {0, 0, 0, 2});
        m.update(new byte[] {'a', 'b'});
        m.update(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // null part: length -1
        assertArrayEquals(m.doFinal(), Secret.of(KEY).mac(7, new byte[] {'a', 'b'}, null));
    }

    @Test
    void verifyRejectsAnyChangeAndAnotherSecret() {
        Secret s = Secret.of(KEY);
        byte[] ctx = {1, 2, 3};
        byte[] design = {4, 5};
        byte[] mac = s.mac(42, ctx, design);
        assertTrue(s.verify(mac, 42, ctx, design));
        assertFalse(s.verify(mac, 43, ctx, design), "another task id");
        assertFalse(s.verify(mac, 42, new byte[] {1, 2, 4}, design), "an altered part");
        assertFalse(s.verify(mac, 42, new byte[] {1, 2}, new byte[] {3, 4, 5}), "bytes shifted between parts");
        assertFalse(s.verify(mac, 42, ctx, null), "a part dropped");
        assertFalse(s.verify(null, 42, ctx, design));
        assertFalse(Secret.of("another secret of the cluster!".getBytes(StandardCharsets.UTF_8))
                .verify(mac, 42, ctx, design), "another secret");
    }

    @Test
    void readFromTheFileOrTheEnvironmentVariableNeverFromTheCommandLine() throws IOException {
        Path f = tmp.resolve("s");
        Files.write(f, (new String(KEY, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] expected = Secret.of(KEY).mac(1, new byte[] {9});
        assertArrayEquals(expected, Secret.resolve(f, Map.of()).mac(1, new byte[] {9}), "trailing newline dropped");
        assertArrayEquals(expected, Secret.resolve(null, Map.of(Secret.ENV, f.toString())).mac(1, new byte[] {9}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secret.resolve(null, Map.of())).getMessage()
                .contains(Secret.ENV));
        Files.writeString(f, "too short\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secret.resolve(f, Map.of())).getMessage()
                .contains("at least 16"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secret.resolve(tmp.resolve("none"),
                Map.of())).getMessage().contains("cannot read"));
        assertEquals("Secret[30 bytes]", Secret.of(KEY).toString(), "the key never shows in logs");
    }
}
