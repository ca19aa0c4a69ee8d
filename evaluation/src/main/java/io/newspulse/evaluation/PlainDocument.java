package io.newspulse.evaluation;

/**
 * An unlabelled corpus document.
 *
 * @param id corpus-specific id
 * @param source publisher or sub-corpus
 * @param title headline, or null
 * @param body body text
 * @param language language tag to declare
 */
public record PlainDocument(String id, String source, String title, String body, String language) {
    /** The text {@code DocumentAnalyzer} sees: title, blank line, body. */
    public String fullText() {
        return title == null || title.isBlank() ? body : title.strip() + "\n\n" + body;
    }
}
