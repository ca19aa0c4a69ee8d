package io.newspulse.cli.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One {@code news.raw} message of a {@link SampleFeed}.
 *
 * @param key the Kafka key: the article id, or null when the record has none (or is not JSON)
 * @param value the message: one line of JSON (or, for {@link Kind#NOT_JSON}, of broken JSON)
 * @param timestamp the article's {@code published_at}; for records without a readable one, the time
 *     it arrives in the feed
 * @param valid whether {@code NewsArticleParser} accepts it
 * @param kind what the record is for
 * @param storyId the story it tells: copies and redeliveries share their original's; null for
 *     invalid records
 * @param sendOffset when to publish it, counted from the start of the publication and already
 *     divided by the feed's time scale
 */
public record FeedRecord(
        String key,
        String value,
        Instant timestamp,
        boolean valid,
        Kind kind,
        String storyId,
        Duration sendOffset) {

    /** What a record is for. */
    public enum Kind {
        /** A story told for the first time. */
        ORIGINAL,
        /** The same story from another source, lightly edited or in the other Chinese script. */
        SYNDICATED,
        /** The exact same message again (same id and bytes), as a redelivering source sends. */
        REDELIVERY,
        /** A distinct story about the burst entity inside the burst period. */
        BURST,
        /** A line that is not JSON. */
        NOT_JSON,
        /** A JSON object without an id. */
        MISSING_ID,
        /** A JSON object whose published_at is not ISO-8601 with an offset. */
        BAD_PUBLISHED_AT;

        /** True for the kinds the parser rejects. */
        public boolean invalid() {
            return this == NOT_JSON || this == MISSING_ID || this == BAD_PUBLISHED_AT;
        }
    }

    public FeedRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sendOffset, "sendOffset");
    }

    /** The value as UTF-8 bytes, as it goes to Kafka. */
    public byte[] valueBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
