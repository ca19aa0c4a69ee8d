package io.newspulse.jobs.enrichment;

import io.newspulse.common.model.KafkaOrigin;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.jobs.kafka.RawRecord;
import java.io.Serializable;
import java.time.Instant;

/**
 * A valid article with the event time chosen for it.
 *
 * @param article the validated article
 * @param eventTime the time it counts at
 * @param eventTimeSource {@code published_at}, {@code kafka_timestamp} or {@code ingest_time}
 * @param ingestTime when it was parsed
 * @param origin the Kafka record
 * @param raw the raw record, kept for the dead-letter topic if enrichment fails
 */
public record ParsedArticle(
        NewsArticle article,
        Instant eventTime,
        String eventTimeSource,
        Instant ingestTime,
        KafkaOrigin origin,
        RawRecord raw)
        implements Serializable {}
