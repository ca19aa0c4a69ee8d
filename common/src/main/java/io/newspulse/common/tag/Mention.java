package io.newspulse.common.tag;

/**
 * One occurrence of a knowledge-base entity in a document.
 *
 * @param entityId id of the entity in the knowledge base
 * @param alias the knowledge-base alias (or ticker) that matched, as written in the KB
 * @param start start offset in the original text (inclusive)
 * @param end end offset in the original text (exclusive)
 * @param normStart start offset in the normalised text
 * @param normEnd end offset in the normalised text
 * @param text the original text of the span
 * @param rule which rule produced it: {@code name}, {@code alias}, {@code ticker}, {@code code},
 *     {@code context} (a context-required alias confirmed by context) or {@code ambiguous} (a
 *     shared alias resolved by context)
 * @param confidence 0 to 1
 */
public record Mention(
        String entityId,
        String alias,
        int start,
        int end,
        int normStart,
        int normEnd,
        String text,
        String rule,
        double confidence) {}
