package io.newspulse.jobs.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class JsonRecordSerializerTest {
    private final JsonRecordSerializer serializer = new JsonRecordSerializer("news.enriched");

    @Test
    void writesKeyValueAndTimestamp() {
        ProducerRecord<byte[], byte[]> r =
                serializer.serialize(new JsonRecord("a1", 5L, "{}".getBytes(UTF_8)), null, 9L);
        assertThat(r.topic()).isEqualTo("news.enriched");
        assertThat(new String(r.key(), UTF_8)).isEqualTo("a1");
        assertThat(r.timestamp()).isEqualTo(5L);
    }

    @Test
    void aNegativeTimestampIsLeftOutNotSent() {
        // Kafka refuses negative timestamps with IllegalArgumentException (the 1900 article).
        ProducerRecord<byte[], byte[]> r =
                serializer.serialize(
                        new JsonRecord(null, -2_208_988_800_000L, "{}".getBytes(UTF_8)), null, 9L);
        assertThat(r.timestamp()).isNull();
        assertThat(r.key()).isNull();
    }
}
