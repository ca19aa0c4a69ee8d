package io.newspulse.cli.kibana;

/** A Kibana saved objects import that did not happen; the message says why, for the user. */
public final class KibanaImportException extends RuntimeException {

    /** Why the import did not happen. */
    public enum Reason {
        /** Credentials or request that cannot be sent as given. */
        BAD_INPUT,
        /** Kibana did not answer (refused, timed out, interrupted). */
        UNREACHABLE,
        /** Kibana rejected the credentials (401) or the user lacks the privilege (403). */
        NOT_AUTHORIZED,
        /** Kibana answered with another error or with something that is not an import result. */
        REFUSED
    }

    private final Reason reason;

    KibanaImportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
