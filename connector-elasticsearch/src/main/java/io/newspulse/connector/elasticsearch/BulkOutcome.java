package io.newspulse.connector.elasticsearch;

import java.util.List;

/**
 * What one bulk response means for its operations.
 *
 * @param indexed operations Elasticsearch accepted
 * @param retryable operations to send again (429, 5xx)
 * @param rejected operations rejected for good, for the {@link BulkItemFailureHandler}
 */
record BulkOutcome(
        int indexed, List<BulkOperationRequest> retryable, List<BulkItemFailure> rejected) {

    BulkOutcome {
        retryable = List.copyOf(retryable);
        rejected = List.copyOf(rejected);
    }
}
