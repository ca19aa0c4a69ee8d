package io.newspulse.common.moves;

import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.Arrays;
import java.util.Set;

/**
 * Sentence and clause boundaries of a folded text, so that moves and tone never reach across a
 * sentence.
 *
 * <p>A <em>sentence</em> ends at 。！？!?؟, a newline, a semicolon (；;؛, which in news joins
 * independent reports such as "腾讯跌5%;苹果跌2%") or a full stop that ends a sentence. A <em>clause</em>
 * additionally ends at commas and colons (，,،：:). The list comma 、 is no boundary: it separates
 * items of one clause.
 *
 * <p>Cost: one pass over the text, looking back at most a few characters at a full stop; the breaks
 * are kept in two sorted arrays, so a lookup is a binary search.
 */
public final class TextSegments {
    // Words before a full stop that do not end a sentence ("Apple Inc. rose", "U.S. stocks").
    private static final Set<String> ABBREVIATIONS =
            Set.of(
                    "inc", "corp", "co", "ltd", "plc", "mr", "mrs", "ms", "dr", "st", "jr", "sr",
                    "vs", "u.s", "u.k", "e.g", "i.e", "no", "jan", "feb", "mar", "apr", "jun",
                    "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private final int length;
    private final int[] sentenceBreaks;
    private final int[] clauseBreaks;

    private TextSegments(int length, int[] sentenceBreaks, int[] clauseBreaks) {
        this.length = length;
        this.sentenceBreaks = sentenceBreaks;
        this.clauseBreaks = clauseBreaks;
    }

    /** The longest word of {@link #ABBREVIATIONS}. */
    private static final int LONGEST_ABBREVIATION = 4;

    /** Finds the boundaries of {@code text.text()}. */
    public static TextSegments of(NormalizedText text) {
        return of(text, null);
    }

    /** Finds the boundaries of {@code text.text()}, charging its length to {@code meter}. */
    public static TextSegments of(NormalizedText text, WorkMeter meter) {
        String s = text.text();
        if (meter != null) {
            meter.charge(s.length());
        }
        int[] sentences = new int[16];
        int[] clauses = new int[16];
        int ns = 0;
        int nc = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean sentence =
                    switch (c) {
                        case '。', '！', '？', '!', '?', '؟', '\n', '\r', '；', ';', '؛' -> true;
                        case '.' -> endsSentence(text, i);
                        default -> false;
                    };
            boolean clause = sentence || c == '，' || c == ',' || c == '،' || c == '：' || c == ':';
            if (sentence) {
                if (ns == sentences.length) {
                    sentences = Arrays.copyOf(sentences, ns * 2);
                }
                sentences[ns++] = i;
            }
            if (clause && !(c == ',' && isDigitAround(s, i))) {
                if (nc == clauses.length) {
                    clauses = Arrays.copyOf(clauses, nc * 2);
                }
                clauses[nc++] = i;
            }
        }
        return new TextSegments(
                s.length(), Arrays.copyOf(sentences, ns), Arrays.copyOf(clauses, nc));
    }

    /** Start of the sentence containing {@code pos}. */
    public int sentenceStart(int pos) {
        return startOf(sentenceBreaks, pos);
    }

    /** End (exclusive) of the sentence containing {@code pos}: the index of its terminator. */
    public int sentenceEnd(int pos) {
        return endOf(sentenceBreaks, pos);
    }

    /** Start of the clause containing {@code pos}. */
    public int clauseStart(int pos) {
        return startOf(clauseBreaks, pos);
    }

    /** End (exclusive) of the clause containing {@code pos}. */
    public int clauseEnd(int pos) {
        return endOf(clauseBreaks, pos);
    }

    /** True when {@code a} and {@code b} lie in the same sentence. */
    public boolean sameSentence(int a, int b) {
        return sentenceStart(a) == sentenceStart(b);
    }

    private static int startOf(int[] breaks, int pos) {
        // Index of the last break strictly before pos; the segment starts right after it.
        int i = Arrays.binarySearch(breaks, pos);
        int insertion = i >= 0 ? i : -i - 1;
        return insertion == 0 ? 0 : breaks[insertion - 1] + 1;
    }

    private int endOf(int[] breaks, int pos) {
        int i = Arrays.binarySearch(breaks, pos);
        int insertion = i >= 0 ? i : -i - 1;
        return insertion < breaks.length ? breaks[insertion] : length;
    }

    private static boolean isDigitAround(String s, int i) {
        // "1,200" is a thousands separator, not a clause break.
        return i > 0
                && i + 1 < s.length()
                && Character.isDigit(s.charAt(i - 1))
                && Character.isDigit(s.charAt(i + 1));
    }

    private static boolean endsSentence(NormalizedText text, int i) {
        String s = text.text();
        if (i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
            return false; // 3.5, u.s, example.com
        }
        // A word longer than every abbreviation is none: look back no further than that.
        int w = i;
        int stop = Math.max(0, i - LONGEST_ABBREVIATION - 1);
        while (w > stop && (Character.isLetter(s.charAt(w - 1)) || s.charAt(w - 1) == '.')) {
            w--;
        }
        boolean cut =
                w == stop
                        && w > 0
                        && (Character.isLetter(s.charAt(w - 1)) || s.charAt(w - 1) == '.');
        if (!cut && i - w <= LONGEST_ABBREVIATION && ABBREVIATIONS.contains(s.substring(w, i))) {
            return false;
        }
        int next = i + 1;
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
            if (s.charAt(next) == '\n') {
                return true;
            }
            next++;
        }
        if (next >= s.length()) {
            return true;
        }
        // The folded text is lower case; the original tells whether a new sentence starts.
        char orig = text.original().charAt(text.originalStart(next));
        return !(Character.isLowerCase(orig)
                && Character.UnicodeScript.of(orig) == Character.UnicodeScript.LATIN);
    }
}
