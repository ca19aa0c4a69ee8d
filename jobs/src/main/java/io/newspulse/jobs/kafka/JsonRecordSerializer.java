package io.newspulse.jobs.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a {@link JsonRecord} (already JSON, see {@link JsonEncoder}) to {@code topic} with its
 * string key and timestamp. Nothing here depends on the record's content, so nothing here fails on
 * one record; as a last line of defence a negative timestamp, which Kafka refuses, is left out.
 */
public final class JsonRecordSerializer implements KafkaRecordSerializationSchema<JsonRecord> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public JsonRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            JsonRecord r, KafkaSinkContext context, Long timestamp) {
        Long ts = r.timestamp() == null || r.timestamp() < 0 ? null : r.timestamp();
        return new ProducerRecord<>(
                topic,
                null,
                ts,
                r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8),
                r.value());
    }
}
