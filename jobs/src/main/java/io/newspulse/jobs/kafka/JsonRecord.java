package io.newspulse.jobs.kafka;

import io.newspulse.common.model.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * A record already written as JSON, on its way to a sink: the Kafka key (also the Elasticsearch
 * document id), the Kafka timestamp and the UTF-8 JSON value. Jobs turn their output into these in
 * an operator ({@link JsonEncoder}), where a record that cannot be written becomes a dead letter,
 * so that the sinks themselves have nothing left that can fail on one record.
 *
 * @param key record key and document id; null only for dead letters without a key
 * @param timestamp Kafka timestamp, epoch ms, never negative; null lets the producer set it
 * @param value UTF-8 JSON
 * @param indexTime epoch ms that picks the record's monthly Elasticsearch index (a time that never
 *     changes for its key), or null for records that are not indexed
 */
public record JsonRecord(String key, Long timestamp, byte[] value, Long indexTime)
        implements Serializable {
    /** A record that goes to Kafka only. */
    public JsonRecord(String key, Long timestamp, byte[] value) {
        this(key, timestamp, value, null);
    }

    /** Reads the value back (tests, tools). */
    public <T> T read(Class<T> type) {
        try {
            return Json.mapper().readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
