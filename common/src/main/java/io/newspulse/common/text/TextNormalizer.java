package io.newspulse.common.text;

import java.util.Arrays;

/**
 * Folds raw news text for dictionary matching while keeping an exact map back to the original, so
 * that matches can be reported with original offsets.
 *
 * <p>Folding, in order of application:
 *
 * <ul>
 *   <li>HTML: tags become one space (block tags such as {@code <p>} and {@code <br>} a line break),
 *       comments and {@code <script>}/{@code <style>} content are dropped, entities ({@code &amp;},
 *       {@code &nbsp;}, {@code &#12345;}, {@code &#x4e2d;}, common named ones) are decoded and then
 *       folded like the character they stand for.
 *   <li>NFKC (full-width to half-width, ligatures, compatibility forms, including 1->n expansions
 *       such as ㈱ -> (株)), then lower case.
 *   <li>Traditional to simplified Chinese, character by character (ICU's 1:1 mappings).
 *   <li>Arabic: alef forms to ا, ؤ -> و, ئ and ى -> ي, ة -> ه, harakat and tatweel removed;
 *       Arabic-Indic and Persian digits to ASCII.
 *   <li>Zero-width, bidi and other format characters and soft hyphens removed.
 *   <li>White space: a run without line breaks becomes ' ', with one line break '\n', with more (a
 *       blank line, a paragraph) "\n\n".
 * </ul>
 *
 * <p>Every folding step is precomputed per character ({@link CharFolding}), so normalising is one
 * table lookup per character; only combining marks and supplementary characters go through {@link
 * java.text.Normalizer}. So normalising is one pass over the text, and markup recognition adds
 * O(length) over the whole text ({@link HtmlMarkup}). Instances are immutable and thread-safe;
 * construct once.
 */
public final class TextNormalizer {
    /**
     * Per-thread output buffers: normalising allocates only the result. {@link #normalize} does not
     * call itself, so one builder per thread suffices.
     */
    private static final ThreadLocal<Builder> BUILDERS = ThreadLocal.withInitial(Builder::new);

    /** Normalises {@code raw}; the result maps every folded character back to {@code raw}. */
    public NormalizedText normalize(String raw) {
        return normalize(raw, (WorkMeter) null);
    }

    /**
     * Normalises {@code raw}, charging {@code meter} (if not null) one unit per character and one
     * per character that markup recognition read ahead (see {@link HtmlMarkup}).
     */
    public NormalizedText normalize(String raw, WorkMeter meter) {
        Builder out = BUILDERS.get();
        out.start(raw);
        try {
            NormalizedText text = normalize(raw, out);
            if (meter != null) {
                meter.charge(raw.length() + (out.markup == null ? 0 : out.markup.read()));
            }
            return text;
        } finally {
            out.release();
        }
    }

    private static NormalizedText normalize(String raw, Builder out) {
        int length = raw.length();
        int i = 0;
        while (i < length) {
            char c = raw.charAt(i);
            byte kind = CharFolding.kind(c);
            if (kind == CharFolding.KEEP) {
                out.append(CharFolding.map(c), i, i + 1);
                i++;
            } else {
                i = foldSpecial(raw, i, kind, out);
            }
        }
        return out.build();
    }

    /**
     * Folds an alias exactly as {@link #normalize} folds text, trimmed, for building dictionaries
     * whose keys match normalised text.
     */
    public String fold(String alias) {
        return normalize(alias).text().trim();
    }

    /** Folds the character at {@code i} that is not a plain 1:1 fold; returns the next index. */
    private static int foldSpecial(String raw, int i, byte kind, Builder out) {
        switch (kind) {
            case CharFolding.DROP:
                return i + 1;
            case CharFolding.DROP_MARK:
                out.extendLast(i, i + 1);
                return i + 1;
            case CharFolding.SPACE:
                out.whitespace(i, i + 1, 0);
                return i + 1;
            case CharFolding.NEWLINE:
                out.whitespace(i, i + 1, isCrBeforeLf(raw, i) ? 0 : 1);
                return i + 1;
            case CharFolding.PARAGRAPH:
                out.whitespace(i, i + 1, 2);
                return i + 1;
            case CharFolding.EXPAND:
                out.appendAll(CharFolding.expansion(raw.charAt(i)), i, i + 1);
                return i + 1;
            case CharFolding.COMBINING:
                return foldCombiningSequence(raw, i, out);
            case CharFolding.SURROGATE:
                return foldSupplementary(raw, i, out);
            case CharFolding.LESS_THAN:
                return foldMarkup(raw, i, out);
            case CharFolding.AMPERSAND:
                return foldEntity(raw, i, out);
            default:
                throw new IllegalStateException("Unknown character kind " + kind);
        }
    }

    /** CR LF is one line break: the CR counts as space, the LF as the break. */
    private static boolean isCrBeforeLf(String raw, int i) {
        return raw.charAt(i) == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n';
    }

    /** A tag becomes white space; text that only looks like a tag stays a literal '<'. */
    private static int foldMarkup(String raw, int lt, Builder out) {
        int end = HtmlMarkup.markupEnd(raw, lt, out.markup());
        if (end < 0) {
            out.append('<', lt, lt + 1);
            return lt + 1;
        }
        out.whitespace(lt, end, HtmlMarkup.isBlockTag(raw, lt) ? 1 : 0);
        return end;
    }

    /** An entity folds like the character it stands for, mapped to the whole entity. */
    private static int foldEntity(String raw, int amp, Builder out) {
        long decoded = HtmlMarkup.decodeEntity(raw, amp);
        if (decoded == HtmlMarkup.NOT_AN_ENTITY) {
            out.append('&', amp, amp + 1);
            return amp + 1;
        }
        int codePoint = (int) (decoded >>> 32);
        int end = (int) decoded;
        foldCodePoint(codePoint, amp, end, out);
        return end;
    }

    /** Folds one code point (from an entity) as if it stood alone in the text. */
    private static void foldCodePoint(int codePoint, int start, int end, Builder out) {
        if (Character.isSupplementaryCodePoint(codePoint)) {
            out.appendAll(CharFolding.fold(Character.toString(codePoint)), start, end);
            return;
        }
        char c = (char) codePoint;
        switch (CharFolding.kind(c)) {
            case CharFolding.DROP, CharFolding.DROP_MARK:
                break;
            case CharFolding.SPACE:
                out.whitespace(start, end, 0);
                break;
            case CharFolding.NEWLINE:
                out.whitespace(start, end, 1);
                break;
            case CharFolding.PARAGRAPH:
                out.whitespace(start, end, 2);
                break;
            case CharFolding.KEEP, CharFolding.LESS_THAN, CharFolding.AMPERSAND:
                // One character ('<' and '&' from entities are literal): no expansion lookup.
                char folded = CharFolding.map(c);
                if (folded == ' ') {
                    out.whitespace(start, end, 0);
                } else {
                    out.append(folded, start, end);
                }
                break;
            default:
                // Marks stay uncomposed.
                out.appendAll(CharFolding.expansion(c), start, end);
        }
    }

    private static int foldSupplementary(String raw, int i, Builder out) {
        int codePoint = raw.codePointAt(i);
        int end = i + Character.charCount(codePoint);
        if (end == i + 1) {
            out.append(raw.charAt(i), i, end); // a lone surrogate is kept as it is
        } else {
            out.appendAll(CharFolding.fold(Character.toString(codePoint)), i, end);
        }
        return end;
    }

    /**
     * NFKC composes marks with the character before them (e + U+0301 -> é), so the marks starting
     * at {@code i} are folded together with that character, whose output is taken back first.
     */
    private static int foldCombiningSequence(String raw, int i, Builder out) {
        int end = i + 1;
        while (end < raw.length() && CharFolding.kind(raw.charAt(end)) == CharFolding.COMBINING) {
            end++;
        }
        int start = out.retractBaseCharacter(i) ? out.retractedStart : i;
        out.appendAll(CharFolding.fold(raw.substring(start, end)), start, end);
        return end;
    }

    /** Growable folded text with the original span of every folded character. */
    private static final class Builder {
        /** Buffers above this many characters are dropped after use rather than kept. */
        private static final int RETAINED_CAPACITY = 1 << 16;

        private static final int INITIAL_CAPACITY = 1 << 12;

        private String raw;
        private char[] text = new char[INITIAL_CAPACITY];
        private int[] starts = new int[INITIAL_CAPACITY];
        private int[] ends = new int[INITIAL_CAPACITY];
        private int length;

        /** Pending white-space run, emitted when the next visible character comes. */
        private int spaceStart = -1;

        private int spaceEnd;
        private int lineBreaks;

        /** Set by {@link #retractBaseCharacter}. */
        private int retractedStart;

        /** What the markup reads of this text have learnt; made at the first '<'. */
        private HtmlMarkup.Scan markup;

        HtmlMarkup.Scan markup() {
            if (markup == null) {
                markup = new HtmlMarkup.Scan();
            }
            return markup;
        }

        /** Starts the output of {@code raw}, reusing the buffers when they are large enough. */
        void start(String raw) {
            this.raw = raw;
            this.length = 0;
            this.spaceStart = -1;
            this.spaceEnd = 0;
            this.lineBreaks = 0;
            this.markup = null;
            int capacity = raw.length() + 16;
            if (text.length < capacity) {
                text = new char[capacity];
                starts = new int[capacity];
                ends = new int[capacity];
            }
        }

        /** Forgets the text; very large buffers go back to the garbage collector. */
        void release() {
            raw = null;
            markup = null;
            if (text.length > RETAINED_CAPACITY) {
                text = new char[INITIAL_CAPACITY];
                starts = new int[INITIAL_CAPACITY];
                ends = new int[INITIAL_CAPACITY];
            }
        }

        void append(char c, int start, int end) {
            if (spaceStart >= 0) {
                flushWhitespace();
            }
            put(c, start, end);
        }

        /** Appends an expansion; its spaces join the white-space runs around them. */
        void appendAll(String chars, int start, int end) {
            for (int k = 0; k < chars.length(); k++) {
                char c = chars.charAt(k);
                if (c == ' ') {
                    whitespace(start, end, 0);
                } else {
                    append(c, start, end);
                }
            }
        }

        /** Widens the last character to cover a dropped mark at {@code [start, end)}. */
        void extendLast(int start, int end) {
            if (spaceStart < 0 && length > 0 && ends[length - 1] == start) {
                ends[length - 1] = end;
            }
        }

        void whitespace(int start, int end, int breaks) {
            if (spaceStart < 0) {
                spaceStart = start;
                lineBreaks = 0;
            }
            spaceEnd = end;
            lineBreaks += breaks;
        }

        /**
         * Takes back the output of the plain character that ends at {@code end} in the original, if
         * there is one, so that it can be folded again with the marks that follow it.
         */
        boolean retractBaseCharacter(int end) {
            if (spaceStart >= 0 || length == 0 || ends[length - 1] != end) {
                return false;
            }
            int start = starts[length - 1];
            if (!isPlainCharacter(start, end)) {
                return false;
            }
            while (length > 0 && starts[length - 1] == start) {
                length--;
            }
            retractedStart = start;
            return true;
        }

        /** A single character or surrogate pair, not markup, an entity or white space. */
        private boolean isPlainCharacter(int start, int end) {
            if (end - start == 2) {
                return Character.isSurrogatePair(raw.charAt(start), raw.charAt(start + 1));
            }
            byte kind = CharFolding.kind(raw.charAt(start));
            return end - start == 1
                    && (kind == CharFolding.KEEP
                            || kind == CharFolding.EXPAND
                            || kind == CharFolding.COMBINING);
        }

        NormalizedText build() {
            if (spaceStart >= 0) {
                flushWhitespace();
            }
            int[] offsets = Arrays.copyOf(starts, length + 1);
            offsets[length] = raw.length();
            return new NormalizedText(
                    raw, new String(text, 0, length), offsets, Arrays.copyOf(ends, length));
        }

        private void flushWhitespace() {
            int start = spaceStart;
            spaceStart = -1;
            put(lineBreaks == 0 ? ' ' : '\n', start, spaceEnd);
            if (lineBreaks > 1) {
                put('\n', start, spaceEnd);
            }
        }

        private void put(char c, int start, int end) {
            if (length == text.length) {
                grow();
            }
            text[length] = c;
            starts[length] = start;
            ends[length] = end;
            length++;
        }

        private void grow() {
            int capacity = text.length * 2;
            text = Arrays.copyOf(text, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
    }
}
