package org.phodex.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.phodex.moo.Outcome;

/**
 * A worker's answer to an {@link EvalTask}, as bytes: {@code 'O' + MAC + outcome} (empty outcome for a probe),
 * or {@code 'R' + message} for a refused task. A refusal is plain text, never deserialized; an outcome is
 * deserialized only after its MAC, over the task id and the outcome bytes, verifies.
 */
final class Reply {
    static final byte OK = 'O';
    static final byte REFUSED = 'R';
    static final int MAX_MESSAGE = 600;

    private Reply() {
    }

    static byte[] refused(String message) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + Math.min(m.length, MAX_MESSAGE)];
        out[0] = REFUSED;
        System.arraycopy(m, 0, out, 1, out.length - 1);
        return out;
    }

    static byte[] ok(Secret secret, long taskId, byte[] outcome) {
        byte[] mac = secret.mac(taskId, outcome);
        byte[] out = new byte[1 + mac.length + outcome.length];
        out[0] = OK;
        System.arraycopy(mac, 0, out, 1, mac.length);
        System.arraycopy(outcome, 0, out, 1 + mac.length, outcome.length);
        return out;
    }

    /** The refusal's text (control characters removed), or null when the reply is not a refusal. */
    static String refusal(byte[] reply) {
        if (reply == null || reply.length == 0 || reply[0] != REFUSED) {
            return null;
        }
        String s = new String(reply, 1, Math.min(reply.length - 1, MAX_MESSAGE), StandardCharsets.UTF_8);
        return s.replaceAll("\\p{Cntrl}", " ");
    }

    /** The outcome bytes of an OK reply whose MAC verifies; IllegalArgumentException otherwise. */
    static byte[] verifiedPayload(Secret secret, long taskId, byte[] reply) {
        if (reply == null || reply.length < 1 + Secret.MAC_BYTES || reply[0] != OK) {
            throw new IllegalArgumentException("malformed reply");
        }
        byte[] mac = Arrays.copyOfRange(reply, 1, 1 + Secret.MAC_BYTES);
        byte[] payload = Arrays.copyOfRange(reply, 1 + Secret.MAC_BYTES, reply.length);
        if (!secret.verify(mac, taskId, payload)) {
            throw new IllegalArgumentException("its reply does not verify with this search's secret (the worker "
                    + "has another secret, or the reply was altered)");
        }
        return payload;
    }

    static Outcome outcome(Secret secret, long taskId, byte[] reply) {
        return Codec.read(verifiedPayload(secret, taskId, reply), Outcome.class);
    }
}
