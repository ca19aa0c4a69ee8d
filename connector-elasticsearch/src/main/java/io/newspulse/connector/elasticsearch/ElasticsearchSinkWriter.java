package io.newspulse.connector.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of {@link BulkOperationRequest}s as bulk requests and checks every item.
 *
 * <p>Batching, buffering, back-pressure and flushing on checkpoint come from {@link
 * AsyncSinkWriter}. Here: transient failures (429 and 5xx items, I/O errors and 429/5xx answers to
 * the whole request) go back to the writer's buffer after an exponential backoff, during which the
 * batch still counts as in flight (so the writer back-pressures instead of piling up). Permanent
 * item failures go to the {@link BulkItemFailureHandler}.
 */
final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, BulkOperationRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    private final ElasticsearchAsyncClient client;
    private final BulkItemFailureHandler failureHandler;
    private final RetryBackoff backoff;
    private final ScheduledExecutorService retryScheduler;

    /** Consecutive bulk rounds that needed a retry; reset by a round without one. */
    private final AtomicInteger retryRound = new AtomicInteger();

    private final Counter retries;
    private final Counter failures;
    private final Counter indexed;

    ElasticsearchSinkWriter(
            ElementConverter<T, BulkOperationRequest> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<BulkOperationRequest>> restoredState,
            ElasticsearchConnectionConfig connection,
            RetryBackoff backoff,
            BulkItemFailureHandler failureHandler) {
        super(elementConverter, context, configuration, restoredState);
        this.backoff = backoff;
        this.failureHandler = failureHandler;
        this.retries = context.metricGroup().counter(ElasticsearchSink.METRIC_RETRIES);
        this.failures = context.metricGroup().counter(ElasticsearchSink.METRIC_FAILURES);
        this.indexed = context.metricGroup().counter(ElasticsearchSink.METRIC_INDEXED);
        try {
            failureHandler.open(context);
        } catch (Exception e) {
            throw new ElasticsearchSinkException("Cannot open the bulk item failure handler", e);
        }
        this.client = connection.createClient();
        // Wrong credentials stop the job here, at start, with a message, instead of on the first
        // bulk request (or never, for a sink that receives nothing).
        try {
            int status =
                    connection.checkCredentials(
                            ((RestClientTransport) client._transport()).restClient());
            if (status < 0) {
                LOG.warn(
                        "Elasticsearch sink {}: no answer at start; writes will retry", connection);
            } else {
                // 200: credentials accepted; 4xx/5xx other than 401: a node with security off.
                LOG.info("Elasticsearch sink {}: _authenticate answered {}", connection, status);
            }
        } catch (ElasticsearchAuthenticationException e) {
            closeQuietly();
            throw e;
        }
        this.retryScheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "elasticsearch-sink-retry");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    protected void submitRequestEntries(
            List<BulkOperationRequest> entries, ResultHandler<BulkOperationRequest> result) {
        try {
            client.bulk(toBulkRequest(entries))
                    .whenComplete(
                            (response, failure) -> {
                                try {
                                    if (failure != null) {
                                        onRequestFailure(entries, failure, result);
                                    } else {
                                        onResponse(entries, response, result);
                                    }
                                } catch (Exception e) {
                                    // Never leave a batch in flight without an answer.
                                    result.completeExceptionally(e);
                                }
                            });
        } catch (RuntimeException e) {
            onRequestFailure(entries, e, result);
        }
    }

    private void onResponse(
            List<BulkOperationRequest> entries,
            BulkResponse response,
            ResultHandler<BulkOperationRequest> result) {
        BulkOutcome outcome = BulkResponseClassifier.classify(entries, response);
        indexed.inc(outcome.indexed());
        if (!outcome.rejected().isEmpty()) {
            failures.inc(outcome.rejected().size());
            Exception handlerFailure = handleRejected(outcome.rejected());
            if (handlerFailure != null) {
                result.completeExceptionally(handlerFailure);
                return;
            }
        }
        if (outcome.retryable().isEmpty()) {
            retryRound.set(0);
            result.complete();
        } else {
            retryLater(outcome.retryable(), result, "items answered 429 or 5xx");
        }
    }

    /**
     * Hands every rejected item to the handler; returns the first exception with the rest
     * suppressed.
     */
    private Exception handleRejected(List<BulkItemFailure> rejected) {
        Exception first = null;
        synchronized (failureHandler) {
            for (BulkItemFailure failure : rejected) {
                try {
                    failureHandler.onFailure(failure);
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        return first;
    }

    private void onRequestFailure(
            List<BulkOperationRequest> entries,
            Throwable failure,
            ResultHandler<BulkOperationRequest> result) {
        if (BulkResponseClassifier.isRetryableRequestFailure(failure)) {
            retryLater(entries, result, BulkResponseClassifier.unwrap(failure).toString());
        } else {
            result.completeExceptionally(
                    new ElasticsearchSinkException(
                            "Bulk request of "
                                    + entries.size()
                                    + " operations failed and is not retryable",
                            BulkResponseClassifier.unwrap(failure)));
        }
    }

    private void retryLater(
            List<BulkOperationRequest> entries,
            ResultHandler<BulkOperationRequest> result,
            String why) {
        retries.inc(entries.size());
        long delay = backoff.delayMillis(retryRound.getAndIncrement());
        LOG.warn("Retrying {} Elasticsearch operations in {} ms: {}", entries.size(), delay, why);
        List<BulkOperationRequest> copy = new ArrayList<>(entries);
        try {
            retryScheduler.schedule(
                    () -> result.retryForEntries(copy), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // Scheduler already shut down: the writer is closing; hand the entries back now.
            result.retryForEntries(copy);
        }
    }

    private static BulkRequest toBulkRequest(List<BulkOperationRequest> entries) {
        List<BulkOperation> operations = new ArrayList<>(entries.size());
        for (BulkOperationRequest entry : entries) {
            BinaryData source = BinaryData.of(entry.documentBytes(), ContentType.APPLICATION_JSON);
            switch (entry.opType()) {
                case INDEX ->
                        operations.add(
                                BulkOperation.of(
                                        op ->
                                                op.index(
                                                        i ->
                                                                i.index(entry.index())
                                                                        .id(entry.id())
                                                                        .document(source))));
            }
        }
        return BulkRequest.of(b -> b.operations(operations));
    }

    @Override
    protected long getSizeInBytes(BulkOperationRequest request) {
        return request.sizeInBytes();
    }

    private void closeQuietly() {
        try {
            client._transport().close();
        } catch (Exception e) {
            LOG.warn("Closing the Elasticsearch client failed", e);
        }
        try {
            failureHandler.close();
        } catch (Exception e) {
            LOG.warn("Closing the bulk item failure handler failed", e);
        }
    }

    @Override
    public void close() {
        retryScheduler.shutdownNow();
        closeQuietly();
        super.close();
    }
}
