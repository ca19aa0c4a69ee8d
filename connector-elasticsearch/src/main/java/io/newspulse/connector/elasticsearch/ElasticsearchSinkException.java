package io.newspulse.connector.elasticsearch;

/** A failure of {@link ElasticsearchSink} that stops the job. */
public class ElasticsearchSinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ElasticsearchSinkException(String message) {
        super(message);
    }

    public ElasticsearchSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
