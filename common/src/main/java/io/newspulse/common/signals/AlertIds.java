package io.newspulse.common.signals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Deterministic alert ids: the same signal always gets the same id, so a replay or a re-emission
 * overwrites the earlier record downstream instead of adding one.
 */
public final class AlertIds {
    /** Length of an id in hex characters (80 bits). */
    public static final int LENGTH = 20;

    private AlertIds() {}

    /**
     * The id of an alert: the first {@value #LENGTH} hex characters of SHA-256 over type, key,
     * window start (epoch ms) and escalation level.
     *
     * @param type signal type
     * @param key entity or sector id
     * @param windowStart start of the window of the first alert of the chain (for price moves, the
     *     first report's time)
     * @param escalation 0 for a first alert, n for its n-th escalation
     */
    public static String of(SignalType type, String key, Instant windowStart, int escalation) {
        if (escalation < 0) {
            throw new IllegalArgumentException("escalation must be >= 0: " + escalation);
        }
        String material =
                type.name() + '\n' + key + '\n' + windowStart.toEpochMilli() + '\n' + escalation;
        return HexFormat.of().formatHex(sha256(material)).substring(0, LENGTH);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
