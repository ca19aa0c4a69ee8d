package io.newspulse.connector.elasticsearch;

/**
 * The default {@link BulkItemFailureHandler}: fails the job, naming the index, id, status and
 * reason of the rejected operation, so that no document is lost without notice.
 */
public final class FailJobOnBulkItemFailure implements BulkItemFailureHandler {

    private static final long serialVersionUID = 1L;

    @Override
    public void onFailure(BulkItemFailure failure) {
        throw new ElasticsearchSinkException(
                "Elasticsearch rejected a document and no dead-letter handler is configured: "
                        + failure.describe());
    }
}
