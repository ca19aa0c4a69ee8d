package io.newspulse.common.text;

import java.util.Objects;

/**
 * A text folded for matching, with a map from every position of the folded text back to the
 * original text so that matches can be reported with original offsets.
 *
 * <p>{@code offsets} has {@code text.length() + 1} entries: {@code offsets[i]} is the index in the
 * original of the character that produced {@code text.charAt(i)}, and the last entry is {@code
 * original.length()}. Offsets are non-decreasing.
 *
 * <p>Optionally {@code ends} gives, for every folded character, the end (exclusive) of the original
 * run that produced it. Without it, a run is taken to extend to the start of the next folded
 * character, which also covers dropped characters (zero-width marks, tags) that follow it.
 */
public final class NormalizedText {
    private final String original;
    private final String text;
    private final int[] offsets;
    private final int[] ends;

    public NormalizedText(String original, String text, int[] offsets) {
        this(original, text, offsets, null);
    }

    /**
     * @param ends original end (exclusive) of the run behind each folded character, {@code
     *     text.length()} entries; or {@code null} to derive ends from {@code offsets}
     */
    public NormalizedText(String original, String text, int[] offsets, int[] ends) {
        this.original = Objects.requireNonNull(original, "original");
        this.text = Objects.requireNonNull(text, "text");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.ends = ends;
        if (offsets.length != text.length() + 1) {
            throw new IllegalArgumentException(
                    "offsets must have text.length() + 1 entries, got " + offsets.length);
        }
        if (ends != null && ends.length != text.length()) {
            throw new IllegalArgumentException(
                    "ends must have text.length() entries, got " + ends.length);
        }
    }

    /** The text as it was given. */
    public String original() {
        return original;
    }

    /** The folded text that dictionaries and patterns are matched against. */
    public String text() {
        return text;
    }

    /** Original index of the folded character at {@code normalizedIndex}. */
    public int originalStart(int normalizedIndex) {
        return offsets[normalizedIndex];
    }

    /**
     * Original end (exclusive) of a folded span ending (exclusive) at {@code normalizedEnd}: the
     * end of the original run that produced the last folded character of the span.
     */
    public int originalEnd(int normalizedEnd) {
        if (normalizedEnd <= 0) {
            return offsets[0];
        }
        if (ends != null) {
            return ends[normalizedEnd - 1];
        }
        int startOfLast = offsets[normalizedEnd - 1];
        int end = normalizedEnd;
        // Characters produced by the same original run share an offset; skip past them.
        while (end < text.length() && offsets[end] == startOfLast) {
            end++;
        }
        return end < offsets.length ? offsets[end] : original.length();
    }

    /** The original substring behind the folded span {@code [normalizedStart, normalizedEnd)}. */
    public String originalSpan(int normalizedStart, int normalizedEnd) {
        return original.substring(originalStart(normalizedStart), originalEnd(normalizedEnd));
    }
}
