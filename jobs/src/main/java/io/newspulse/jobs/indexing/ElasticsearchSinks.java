package io.newspulse.jobs.indexing;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.connector.elasticsearch.ElasticsearchSink;
import io.newspulse.connector.elasticsearch.JsonDocumentConverter;
import java.time.Instant;
import org.apache.flink.util.function.SerializableFunction;

/** Elasticsearch sinks of the jobs, built from the configuration. */
public final class ElasticsearchSinks {
    private ElasticsearchSinks() {}

    /**
     * A sink writing elements as JSON documents with deterministic ids into the monthly index of
     * {@code index} ({@link MonthlyIndex}) of each element's {@code time}; rejected documents go to
     * the dead-letter topic.
     *
     * @param time a time that never changes for a document id, so rewrites stay in one index
     */
    public static <T> ElasticsearchSink<T> of(
            NewspulseConfig cfg,
            String index,
            SerializableFunction<T, Instant> time,
            SerializableFunction<T, String> documentId) {
        return build(cfg, index, time, documentId, cfg.elasticsearch().bulkMaxInFlight());
    }

    /**
     * Like {@link #of}, with one bulk request in flight, so that rewrites of the same document
     * (late window updates, alerts whose evidence grows) reach Elasticsearch in order.
     */
    public static <T> ElasticsearchSink<T> ordered(
            NewspulseConfig cfg,
            String index,
            SerializableFunction<T, Instant> time,
            SerializableFunction<T, String> documentId) {
        return build(cfg, index, time, documentId, 1);
    }

    private static <T> ElasticsearchSink<T> build(
            NewspulseConfig cfg,
            String index,
            SerializableFunction<T, Instant> time,
            SerializableFunction<T, String> documentId,
            int maxInFlight) {
        NewspulseConfig.Elasticsearch es = cfg.elasticsearch();
        var builder =
                ElasticsearchSink.<T>builder()
                        .setHosts(es.hosts())
                        .setElementConverter(
                                new JsonDocumentConverter<>(
                                        MonthlyIndex.of(index, time), documentId))
                        .setMaxBatchSize(es.bulkMaxActions())
                        .setMaxBatchSizeInBytes(es.bulkMaxBytes())
                        .setMaxTimeInBuffer(es.bulkMaxTimeInBuffer())
                        .setMaxInFlightRequests(maxInFlight)
                        .setMaxBufferedRequests(es.bulkMaxBuffered())
                        .setRetryBackoff(es.retryInitialBackoff(), es.retryMaxBackoff())
                        .setFailureHandler(
                                new KafkaDeadLetterHandler(
                                        cfg.kafka().bootstrapServers(),
                                        cfg.topics().dlq(),
                                        cfg.kafka().clientProperties()));
        if (es.username() != null) {
            builder.setBasicAuth(es.username(), es.password());
        }
        return builder.build();
    }
}
