package io.newspulse.connector.elasticsearch;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An at-least-once Elasticsearch 8 sink on {@link AsyncSinkBase}: elements become {@code index}
 * bulk operations with deterministic ids, so replays after a restart overwrite documents instead of
 * duplicating them. Build it with {@link #builder()}.
 *
 * <p>Buffered operations are flushed on every checkpoint and also stored in the checkpoint; 429 and
 * 5xx answers are retried with exponential backoff; permanent item errors go to the configured
 * {@link BulkItemFailureHandler}. Writer metrics: {@code esIndexed}, {@code esRetries}, {@code
 * esFailures}.
 *
 * @param <T> the element type
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, BulkOperationRequest> {
    /** Counter of bulk items retried (429 and 5xx). */
    public static final String METRIC_RETRIES = "esRetries";

    /** Counter of bulk items rejected for good (handed to the failure handler). */
    public static final String METRIC_FAILURES = "esFailures";

    /** Counter of documents indexed. */
    public static final String METRIC_INDEXED = "esIndexed";

    private static final long serialVersionUID = 1L;

    private final ElasticsearchConnectionConfig connection;
    private final RetryBackoff backoff;
    private final BulkItemFailureHandler failureHandler;

    ElasticsearchSink(
            ElementConverter<T, BulkOperationRequest> elementConverter,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes,
            long requestTimeoutMs,
            ElasticsearchConnectionConfig connection,
            RetryBackoff backoff,
            BulkItemFailureHandler failureHandler) {
        super(
                elementConverter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMs,
                maxRecordSizeInBytes,
                requestTimeoutMs,
                false);
        this.connection = connection;
        this.backoff = backoff;
        this.failureHandler = failureHandler;
    }

    /** A builder; hosts and an element converter are required. */
    public static <T> ElasticsearchSinkBuilder<T> builder() {
        return new ElasticsearchSinkBuilder<>();
    }

    /** Where rejected documents go. */
    public BulkItemFailureHandler getFailureHandler() {
        return failureHandler;
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<BulkOperationRequest>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, Collections.emptyList());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<BulkOperationRequest>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<BulkOperationRequest>> recoveredState)
            throws IOException {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRequestTimeoutMS(getRequestTimeoutMS())
                        .setFailOnTimeout(getFailOnTimeout())
                        .build();
        return new ElasticsearchSinkWriter<>(
                getElementConverter(),
                context,
                configuration,
                recoveredState,
                connection,
                backoff,
                failureHandler);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<BulkOperationRequest>>
            getWriterStateSerializer() {
        return new BulkOperationRequestSerializer();
    }
}
