package io.newspulse.common.kb;

/**
 * A defect found in the knowledge base.
 *
 * @param source file name
 * @param entityId entity concerned, or null for file-level problems
 * @param message what is wrong, in a sentence
 */
public record KbProblem(String source, String entityId, String message) {
    @Override
    public String toString() {
        return source + (entityId == null ? "" : ": " + entityId) + ": " + message;
    }
}
