package io.newspulse.jobs.indexing;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.RecordSizes;
import io.newspulse.connector.elasticsearch.BulkItemFailure;
import io.newspulse.connector.elasticsearch.BulkItemFailureHandler;
import io.newspulse.jobs.kafka.DeadLetters;
import io.newspulse.jobs.kafka.JsonRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends documents Elasticsearch rejected for good (mapping errors and other non-retryable 4xx) to
 * the dead-letter topic, waiting for the broker's acknowledgement before the batch is acknowledged,
 * so nothing is lost between checkpoints. Metric: {@code es_dead_letters}.
 */
public final class KafkaDeadLetterHandler implements BulkItemFailureHandler {
    private final String bootstrapServers;
    private final String topic;
    private final Map<String, String> clientProperties;
    private transient KafkaProducer<byte[], byte[]> producer;
    private transient Counter deadLetters;

    public KafkaDeadLetterHandler(
            String bootstrapServers, String topic, Map<String, String> clientProperties) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clientProperties = Map.copyOf(clientProperties);
    }

    @Override
    public void open(WriterInitContext context) {
        producer =
                new KafkaProducer<>(
                        producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = context.metricGroup().counter("es_dead_letters");
    }

    /** The producer's properties: the client (security) properties, then its own settings. */
    public Properties producerProperties() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("acks", "all");
        p.setProperty("enable.idempotence", "true");
        p.setProperty("max.request.size", Integer.toString(RecordSizes.MAX_MESSAGE_BYTES));
        return p;
    }

    @Override
    public void onFailure(BulkItemFailure failure) throws Exception {
        DeadLetter d =
                DeadLetters.ofDocument(
                        failure.request().index(),
                        failure.request().id(),
                        failure.request().document(),
                        failure.errorType(),
                        "Elasticsearch rejected the document (status "
                                + failure.status()
                                + "): "
                                + failure.reason());
        JsonRecord r = DeadLetters.toRecord(d);
        producer.send(
                        new ProducerRecord<>(
                                topic,
                                r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8),
                                r.value()))
                .get(60, TimeUnit.SECONDS);
        deadLetters.inc();
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
