package io.newspulse.jobs.kafka;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.KafkaOrigin;
import io.newspulse.common.model.RecordSizes;
import io.newspulse.common.text.Utf16;
import io.newspulse.common.text.Utf8;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.apache.flink.util.OutputTag;

/**
 * Builds {@code news.dlq} records that keep the original bytes (the first {@link
 * RecordSizes#MAX_ORIGINAL_BYTES} of them, with the original size) and say why they failed, and
 * writes them as JSON without ever failing.
 */
public final class DeadLetters {
    /** The one side output of dead letters, in both jobs. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    /** Stage of a record a job could not write as JSON. */
    public static final String STAGE_SERIALIZE = "serialize";

    private DeadLetters() {}

    /** A dead letter for a Kafka record that failed at {@code stage}. */
    public static DeadLetter of(RawRecord r, String stage, String error, String reason) {
        return create(
                r.topic(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.key() == null ? null : Base64.getEncoder().encodeToString(r.key()),
                r.value(),
                stage,
                error,
                reason);
    }

    /** A dead letter for a document Elasticsearch rejected. */
    public static DeadLetter ofDocument(
            String index, String id, byte[] document, String error, String reason) {
        return create(
                index,
                -1,
                -1,
                -1,
                id == null
                        ? null
                        : Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)),
                document,
                "elasticsearch",
                error,
                reason);
    }

    /**
     * A dead letter standing for a record a job could not write to {@code destination}: it carries
     * the Kafka coordinates of the input the record came from when known (else the destination and
     * -1), and the record as text.
     */
    public static DeadLetter ofUnwritable(
            String destination,
            String key,
            KafkaOrigin origin,
            Object record,
            String error,
            String reason) {
        return ofRecord(STAGE_SERIALIZE, destination, key, origin, record, error, reason);
    }

    /**
     * A dead letter for a record (not a Kafka input) that failed at {@code stage}: with the Kafka
     * coordinates of {@code origin} when given, else {@code topic} and -1; the record as text.
     */
    public static DeadLetter ofRecord(
            String stage,
            String topic,
            String key,
            KafkaOrigin origin,
            Object record,
            String error,
            String reason) {
        byte[] text = Utf16.wellFormed(String.valueOf(record)).getBytes(StandardCharsets.UTF_8);
        String k =
                key == null
                        ? null
                        : Base64.getEncoder()
                                .encodeToString(
                                        Utf16.wellFormed(key).getBytes(StandardCharsets.UTF_8));
        if (origin == null) {
            return create(topic, -1, -1, -1, k, text, stage, error, reason);
        }
        return create(
                origin.topic(),
                origin.partition(),
                origin.offset(),
                Math.max(-1, origin.timestamp()),
                k,
                text,
                stage,
                error,
                reason);
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

    /**
     * {@code d} as a {@code news.dlq} record; never throws and never exceeds {@link
     * RecordSizes#MAX_RECORD_BYTES}: without {@code value_text} when that makes it too large, and
     * reduced to its coordinates and reason when it cannot be written at all.
     */
    public static JsonRecord toRecord(DeadLetter d) {
        String key = key(d);
        byte[] json = write(d);
        if (json == null || json.length > RecordSizes.MAX_RECORD_BYTES) {
            json = write(withoutText(d));
        }
        if (json == null || json.length > RecordSizes.MAX_RECORD_BYTES) {
            json = write(bare(d));
        }
        return new JsonRecord(key, null, json);
    }

    private static byte[] write(DeadLetter d) {
        try {
            return Json.mapper().writeValueAsBytes(d);
        } catch (Exception e) {
            return null;
        }
    }

    private static DeadLetter withoutText(DeadLetter d) {
        return new DeadLetter(
                d.schemaVersion(),
                d.topic(),
                d.partition(),
                d.offset(),
                d.timestamp(),
                d.key(),
                d.value(),
                null,
                d.valueSize(),
                d.valueTruncated(),
                d.stage(),
                d.error(),
                d.reason(),
                d.failedAt());
    }

    /** Only plain ASCII and numbers are left: this always writes. */
    private static DeadLetter bare(DeadLetter d) {
        return new DeadLetter(
                d.schemaVersion(),
                ascii(d.topic()),
                d.partition(),
                d.offset(),
                d.timestamp(),
                d.key(),
                "",
                null,
                d.valueSize(),
                true,
                ascii(d.stage()),
                ascii(d.error()),
                "the dead letter could not be written in full; reason: " + ascii(d.reason()),
                d.failedAt());
    }

    private static String ascii(String s) {
        if (s == null) {
            return "unknown";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 1000));
        for (int i = 0; i < s.length() && b.length() < 1000; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }

    private static DeadLetter create(
            String topic,
            int partition,
            long offset,
            long timestamp,
            String key,
            byte[] value,
            String stage,
            String error,
            String reason) {
        int size = value == null ? 0 : value.length;
        byte[] kept = value == null ? new byte[0] : prefix(value, RecordSizes.MAX_ORIGINAL_BYTES);
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                Utf16.wellFormed(topic),
                partition,
                offset,
                timestamp,
                key,
                // docs/contracts.md: "" for an empty or null value.
                Base64.getEncoder().encodeToString(kept),
                value == null ? null : utf8(kept),
                size,
                kept.length < size,
                stage,
                error,
                Utf16.wellFormed(String.valueOf(reason)),
                Instant.now());
    }

    /** At most {@code limit} bytes of {@code value}, not cutting a UTF-8 sequence in two. */
    static byte[] prefix(byte[] value, int limit) {
        if (value.length <= limit) {
            return value;
        }
        int cut = limit;
        // Back off continuation bytes (10xxxxxx) so the kept text still decodes.
        for (int i = 0; i < 3 && cut > 0 && (value[cut] & 0xC0) == 0x80; i++) {
            cut--;
        }
        return Arrays.copyOf(value, cut);
    }

    private static String utf8(byte[] bytes) {
        try {
            return Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
