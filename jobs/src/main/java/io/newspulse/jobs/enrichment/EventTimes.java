package io.newspulse.jobs.enrichment;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Chooses the event time of an article: its publication time when that lies in the accepted range;
 * else the Kafka record time; else the ingest time. The range runs from a floor ({@code
 * event_time.min_published_at}: an archive item, a mistyped year or an epoch-zero default must not
 * count in windows decades ago, nor become a negative Kafka timestamp) to the future tolerance
 * after now (a wrong clock or time zone at the publisher must not hold windows open). Any source
 * other than {@code published_at} is a fallback, counted and flagged in {@code event_time_source}.
 * The chosen time is never before the floor, so never before 1970.
 *
 * @param futureTolerance how far after now a publication time is still accepted
 * @param floor the earliest accepted event time, not before 1970
 */
record EventTimes(Duration futureTolerance, Instant floor) implements Serializable {
    static final String PUBLISHED_AT = "published_at";
    static final String KAFKA_TIMESTAMP = "kafka_timestamp";
    static final String INGEST_TIME = "ingest_time";

    EventTimes {
        if (futureTolerance == null || futureTolerance.isNegative()) {
            throw new IllegalArgumentException("future tolerance must be >= 0: " + futureTolerance);
        }
        if (floor == null || floor.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("event time floor must be >= 1970: " + floor);
        }
    }

    /** The event time and its source. */
    record Choice(Instant time, String source) {}

    /**
     * @param publishedAt the article's publication time, or null
     * @param kafkaTimestamp the record's Kafka timestamp (negative when it has none)
     * @param now the ingest time
     */
    Choice choose(Instant publishedAt, long kafkaTimestamp, Instant now) {
        Instant latest = now.plus(futureTolerance);
        if (publishedAt != null && !publishedAt.isBefore(floor) && !publishedAt.isAfter(latest)) {
            return new Choice(publishedAt, PUBLISHED_AT);
        }
        if (publishedAt == null || publishedAt.isBefore(floor)) {
            if (kafkaTimestamp >= floor.toEpochMilli() && kafkaTimestamp <= latest.toEpochMilli()) {
                return new Choice(Instant.ofEpochMilli(kafkaTimestamp), KAFKA_TIMESTAMP);
            }
        }
        // A clock set before the floor is a broken clock, not history: never count before it.
        return new Choice(now.isBefore(floor) ? floor : now, INGEST_TIME);
    }
}
