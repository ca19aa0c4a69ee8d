package io.newspulse.jobs.kafka;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.text.Utf8;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.flink.util.OutputTag;

/** Builds {@code news.dlq} records that keep the original bytes and say why they failed. */
public final class DeadLetters {
    /** The side output every operator of both jobs sends its dead letters to. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    private DeadLetters() {}

    /** A dead letter for a Kafka record that failed at {@code stage}. */
    public static DeadLetter of(RawRecord r, String stage, String error, String reason) {
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                r.topic(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.key() == null ? null : Base64.getEncoder().encodeToString(r.key()),
                // docs/contracts.md: "" for an empty or null value.
                r.value() == null ? "" : Base64.getEncoder().encodeToString(r.value()),
                utf8(r.value()),
                stage,
                error,
                reason,
                Instant.now());
    }

    /** A dead letter for a document Elasticsearch rejected. */
    public static DeadLetter ofDocument(
            String index, String id, byte[] document, String error, String reason) {
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                index,
                -1,
                -1,
                -1,
                id == null
                        ? null
                        : Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(document),
                utf8(document),
                "elasticsearch",
                error,
                reason,
                Instant.now());
    }

    /**
     * The Kafka record key of a dead letter (docs/contracts.md): the original record's key (UTF-8,
     * as article ids are), or null when it had none and for documents Elasticsearch rejected (their
     * id is in {@link DeadLetter#key()}).
     */
    public static String key(DeadLetter d) {
        if (d.partition() < 0 || d.key() == null) {
            return null;
        }
        return new String(Base64.getDecoder().decode(d.key()), StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
