package io.newspulse.connector.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.elasticsearch.client.ResponseException;

/**
 * Decides which bulk results are retried: 429 (rejected execution, read-only-allow-delete block)
 * and 5xx are transient; any other error is permanent and goes to the failure handler.
 */
final class BulkResponseClassifier {

    private BulkResponseClassifier() {}

    /** Whether an item or request answered with {@code status} may succeed when sent again. */
    static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /**
     * Splits the items of {@code response} into indexed, retryable and rejected. Bulk items come
     * back in request order, so item {@code i} belongs to {@code requests.get(i)}.
     */
    static BulkOutcome classify(List<BulkOperationRequest> requests, BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != requests.size()) {
            throw new ElasticsearchSinkException(
                    "Bulk response has "
                            + items.size()
                            + " items for "
                            + requests.size()
                            + " operations");
        }
        int indexed = 0;
        List<BulkOperationRequest> retryable = new ArrayList<>();
        List<BulkItemFailure> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            ErrorCause error = item.error();
            if (error == null && item.status() < 300) {
                indexed++;
            } else if (isRetryableStatus(item.status())) {
                retryable.add(requests.get(i));
            } else {
                rejected.add(
                        new BulkItemFailure(
                                requests.get(i),
                                item.status(),
                                error == null ? null : error.type(),
                                error == null ? null : error.reason()));
            }
        }
        return new BulkOutcome(indexed, retryable, rejected);
    }

    /**
     * Whether a failure of the whole bulk request is transient: I/O errors (connection refused,
     * timeouts) and 429 or 5xx answers. Authentication, authorisation and malformed requests are
     * not.
     */
    static boolean isRetryableRequestFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ElasticsearchException e) {
            return isRetryableStatus(e.status());
        }
        if (cause instanceof TransportException e) {
            // No status: the request never got an HTTP answer.
            return e.statusCode() <= 0 || isRetryableStatus(e.statusCode());
        }
        if (cause instanceof ResponseException e) {
            return isRetryableStatus(e.getResponse().getStatusLine().getStatusCode());
        }
        return cause instanceof IOException;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
