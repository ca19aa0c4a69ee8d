package io.newspulse.jobs.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newspulse.common.model.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes an element as JSON (snake_case, see docs/contracts.md) with a string key and, when a
 * timestamp function is given, that record timestamp (the enrichment job writes event times, so the
 * signals job can watermark per partition on Kafka timestamps).
 */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private final String topic;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, Long> timestamp;

    public JsonRecordSerializer(String topic, SerializableFunction<T, String> key) {
        this(topic, key, null);
    }

    public JsonRecordSerializer(
            String topic,
            SerializableFunction<T, String> key,
            SerializableFunction<T, Long> timestamp) {
        this.topic = topic;
        this.key = key;
        this.timestamp = timestamp;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        try {
            String k = key.apply(element);
            return new ProducerRecord<>(
                    topic,
                    null,
                    this.timestamp == null ? timestamp : this.timestamp.apply(element),
                    k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(element));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + element.getClass().getSimpleName(), e);
        }
    }
}
