package io.newspulse.cli.setup;

/**
 * Elasticsearch refused the setup as a whole (credentials rejected); the message says what to do.
 */
public final class ElasticsearchSetupException extends RuntimeException {
    public ElasticsearchSetupException(String message) {
        super(message);
    }
}
