package io.newspulse.connector.elasticsearch;

import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * Elasticsearch refused the sink's credentials (HTTP 401). Marked non-recoverable: Flink fails the
 * job at once instead of restarting it under its restart strategy, since a restart sends the same
 * credentials again.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public class ElasticsearchAuthenticationException extends ElasticsearchSinkException {

    private static final long serialVersionUID = 1L;

    public ElasticsearchAuthenticationException(String message) {
        super(message);
    }
}
