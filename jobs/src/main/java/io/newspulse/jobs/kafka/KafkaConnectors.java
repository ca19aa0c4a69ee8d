package io.newspulse.jobs.kafka;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.RecordSizes;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Kafka sources and sinks built from the configuration. */
public final class KafkaConnectors {
    private KafkaConnectors() {}

    /**
     * A source of raw records from {@code topic} for consumer group {@code <prefix>-<job>}:
     * committed offsets first, else the configured starting point; read_committed so that
     * transactional producers' aborted data is never read.
     */
    public static KafkaSource<RawRecord> rawSource(NewspulseConfig cfg, String topic, String job) {
        NewspulseConfig.Kafka k = cfg.kafka();
        OffsetResetStrategy reset =
                k.startingOffsets() == NewspulseConfig.StartingOffsets.EARLIEST
                        ? OffsetResetStrategy.EARLIEST
                        : OffsetResetStrategy.LATEST;
        Properties props = consumerProperties(cfg);
        props.setProperty("isolation.level", "read_committed");
        props.setProperty("partition.discovery.interval.ms", "60000");
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(k.bootstrapServers())
                .setTopics(topic)
                .setGroupId(k.groupIdPrefix() + "-" + job)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(reset))
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(props)
                .build();
    }

    /**
     * A sink of JSON records ({@link JsonEncoder}) to {@code topic}.
     *
     * @param guarantee exactly-once uses transactions with the id prefix {@code
     *     <prefix>-<job>-<sink>} and the configured transaction timeout
     */
    public static KafkaSink<JsonRecord> jsonSink(
            NewspulseConfig cfg,
            String topic,
            DeliveryGuarantee guarantee,
            String job,
            String sink) {
        Properties props = producerProperties(cfg);
        props.setProperty(
                "transaction.timeout.ms",
                Long.toString(cfg.kafka().transactionTimeout().toMillis()));
        props.setProperty("enable.idempotence", "true");
        return KafkaSink.<JsonRecord>builder()
                .setBootstrapServers(cfg.kafka().bootstrapServers())
                .setRecordSerializer(new JsonRecordSerializer(topic))
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(
                        cfg.kafka().transactionalIdPrefix() + "-" + job + "-" + sink)
                .setKafkaProducerConfig(props)
                .build();
    }

    /**
     * The dead-letter sink of {@code job}: at-least-once, keyed by the original record key; takes
     * {@link DeadLetters#toRecord} records.
     */
    public static KafkaSink<JsonRecord> deadLetterSink(NewspulseConfig cfg, String job) {
        return jsonSink(cfg, cfg.topics().dlq(), DeliveryGuarantee.AT_LEAST_ONCE, job, "dlq");
    }

    /**
     * Producer properties: the client properties, and requests large enough for the largest record
     * a job writes ({@link RecordSizes#MAX_MESSAGE_BYTES}).
     */
    public static Properties producerProperties(NewspulseConfig cfg) {
        Properties props = clientProperties(cfg);
        props.setProperty("max.request.size", Integer.toString(RecordSizes.MAX_MESSAGE_BYTES));
        return props;
    }

    /**
     * Consumer properties: the client properties, and fetches of a partition as large as the
     * largest record a topic holds ({@link RecordSizes#MAX_MESSAGE_BYTES}; fetch.max.bytes is 50
     * MiB by default).
     */
    public static Properties consumerProperties(NewspulseConfig cfg) {
        Properties props = clientProperties(cfg);
        props.setProperty(
                "max.partition.fetch.bytes", Integer.toString(RecordSizes.MAX_MESSAGE_BYTES));
        return props;
    }

    /** Client properties from the environment (SASL) for sources, sinks and admin clients. */
    public static Properties clientProperties(NewspulseConfig cfg) {
        Properties props = new Properties();
        props.putAll(cfg.kafka().clientProperties());
        return props;
    }
}
