package io.newspulse.jobs.indexing;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.RecordSizes;
import io.newspulse.connector.elasticsearch.ElasticsearchSink;
import io.newspulse.jobs.kafka.JsonRecord;
import java.nio.file.Path;

/** Elasticsearch sinks of the jobs, built from the configuration. */
public final class ElasticsearchSinks {
    private ElasticsearchSinks() {}

    /**
     * A sink writing JSON records ({@link io.newspulse.jobs.kafka.JsonEncoder}) under their key, a
     * deterministic id, into the monthly index of {@code index} ({@link MonthlyIndex}) for each
     * record's index time; rejected documents go to the dead-letter topic.
     */
    public static ElasticsearchSink<JsonRecord> of(NewspulseConfig cfg, String index) {
        return build(cfg, index, cfg.elasticsearch().bulkMaxInFlight());
    }

    /**
     * Like {@link #of}, with one bulk request in flight, so that rewrites of the same document
     * (late window updates, alerts whose evidence grows) reach Elasticsearch in order.
     */
    public static ElasticsearchSink<JsonRecord> ordered(NewspulseConfig cfg, String index) {
        return build(cfg, index, 1);
    }

    private static ElasticsearchSink<JsonRecord> build(
            NewspulseConfig cfg, String index, int maxInFlight) {
        NewspulseConfig.Elasticsearch es = cfg.elasticsearch();
        // The writer refuses (fails the job on) a document larger than a bulk request.
        if (es.bulkMaxBytes() < RecordSizes.MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException(
                    "elasticsearch.bulk_max_bytes must be at least "
                            + RecordSizes.MAX_MESSAGE_BYTES / (1024 * 1024)
                            + "mb: one document may be "
                            + RecordSizes.MAX_RECORD_BYTES / (1024 * 1024)
                            + " MiB");
        }
        var builder =
                ElasticsearchSink.<JsonRecord>builder()
                        .setHosts(es.hosts())
                        .setElementConverter(new JsonRecordConverter(index))
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
        if (es.caCertificate() != null) {
            builder.setCaCertificate(Path.of(es.caCertificate()));
        }
        if (es.caFingerprint() != null) {
            builder.setCaFingerprint(es.caFingerprint());
        }
        return builder.build();
    }
}
