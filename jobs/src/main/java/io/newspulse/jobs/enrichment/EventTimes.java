package io.newspulse.jobs.enrichment;

import java.time.Duration;
import java.time.Instant;

/**
 * Chooses the event time of an article: its publication time; the Kafka record time when it has
 * none; the ingest time when the publication time is further in the future than the tolerance (a
 * wrong clock or time zone at the publisher must not hold windows open).
 */
final class EventTimes {
    static final String PUBLISHED_AT = "published_at";
    static final String KAFKA_TIMESTAMP = "kafka_timestamp";
    static final String INGEST_TIME = "ingest_time";

    private EventTimes() {}

    /** The event time and its source. */
    record Choice(Instant time, String source) {}

    static Choice choose(
            Instant publishedAt, long kafkaTimestamp, Instant now, Duration futureTolerance) {
        if (publishedAt == null) {
            return kafkaTimestamp >= 0
                    ? new Choice(Instant.ofEpochMilli(kafkaTimestamp), KAFKA_TIMESTAMP)
                    : new Choice(now, INGEST_TIME);
        }
        if (publishedAt.isAfter(now.plus(futureTolerance))) {
            return new Choice(now, INGEST_TIME);
        }
        return new Choice(publishedAt, PUBLISHED_AT);
    }
}
