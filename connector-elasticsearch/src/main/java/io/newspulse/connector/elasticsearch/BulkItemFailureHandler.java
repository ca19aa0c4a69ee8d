package io.newspulse.connector.elasticsearch;

import java.io.Serializable;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Receives bulk operations that Elasticsearch rejected with a non-retryable error (mapping
 * conflicts, document parsing errors and other 4xx except 429). Such operations are never retried
 * and never dropped silently: a handler either stores them (a dead-letter topic) or throws, which
 * fails the job.
 *
 * <p>The writer calls {@link #onFailure} from the Elasticsearch client's I/O thread, one call at a
 * time, before it acknowledges the batch. A checkpoint completes only after the batch is
 * acknowledged, so a handler must have handed the item off durably when {@code onFailure} returns
 * (for a Kafka producer: wait for the send).
 */
public interface BulkItemFailureHandler extends Serializable {

    /** Called once per writer before the first failure; opens connections. */
    default void open(WriterInitContext context) throws Exception {}

    /**
     * Handles one rejected operation.
     *
     * @throws Exception to fail the job; the writer reports it as the cause
     */
    void onFailure(BulkItemFailure failure) throws Exception;

    /** Called when the writer closes. */
    default void close() throws Exception {}
}
