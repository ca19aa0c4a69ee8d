package io.newspulse.common.kb;

/** The knowledge base could not be read or is invalid; the message says where and why. */
public class KnowledgeBaseException extends RuntimeException {
    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
