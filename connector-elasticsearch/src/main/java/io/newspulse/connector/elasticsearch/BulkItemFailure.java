package io.newspulse.connector.elasticsearch;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A bulk operation Elasticsearch rejected for good (not retried), as handed to a {@link
 * BulkItemFailureHandler}.
 *
 * @param request the operation, with index, id and document
 * @param status the item's HTTP status, for example 400
 * @param errorType Elasticsearch's error type, for example {@code document_parsing_exception}
 * @param reason Elasticsearch's error reason
 */
public record BulkItemFailure(
        BulkOperationRequest request, int status, String errorType, String reason)
        implements Serializable {

    public BulkItemFailure {
        requireNonNull(request, "request");
        errorType = errorType == null ? "unknown" : errorType;
        reason = reason == null ? "no reason given" : reason;
    }

    /** One line naming index, id, status and reason. */
    public String describe() {
        return String.format(
                "index=%s id=%s status=%d %s: %s",
                request.index(), request.id(), status, errorType, reason);
    }
}
