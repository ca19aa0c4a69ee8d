package io.newspulse.evaluation;

/**
 * A labelled span of a corpus document.
 *
 * @param start start offset (UTF-16, inclusive) in the document text
 * @param end end offset (exclusive)
 * @param label the corpus label ({@code Corporate}, {@code ORG}, {@code mark}, ...)
 * @param text the covered text
 */
public record GoldSpan(int start, int end, String label, String text) {
    public GoldSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** True when the two half-open ranges share at least one character. */
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
