package io.newspulse.evaluation.corpus;

import java.nio.charset.StandardCharsets;

/**
 * One benchmark document.
 *
 * @param source corpus label, e.g. "en Reuters-21578"
 * @param declaredLanguage language tag as a feed would declare it
 * @param title headline, or null
 * @param body body text
 * @param text title and body joined exactly as {@code DocumentAnalyzer.analyze} joins them, so that
 *     every benchmark reads the same characters
 * @param utf8Bytes UTF-8 size of {@code text}
 */
public record NewsDocument(
        String source,
        String declaredLanguage,
        String title,
        String body,
        String text,
        int utf8Bytes) {

    /** A document; {@code text} and {@code utf8Bytes} are derived. */
    public NewsDocument(String source, String declaredLanguage, String title, String body) {
        this(source, declaredLanguage, title, body, join(title, body), 0);
    }

    public NewsDocument {
        utf8Bytes = text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String join(String title, String body) {
        String b = body == null ? "" : body;
        return title != null && !title.isBlank() ? title.strip() + "\n\n" + b : b;
    }
}
