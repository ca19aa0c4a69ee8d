package io.newspulse.common.text;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lenient recognition of HTML tags and entities inside news text. Anything that does not look
 * exactly like markup is left alone, so plain text such as "a < b" or "S&P 500" survives.
 *
 * <p>Cost: a text's '<' characters are looked at left to right with one {@link Scan} per text. A
 * tag that is no tag (no closing '>' before the next '<', or a quote never closed) may be read far
 * ahead; the scan remembers where such reads failed, so that no later '<' reads the same stretch
 * again, and where the last comment search ended. An entity reads at most {@value
 * #MAX_ENTITY_LENGTH} characters. Over a whole text the work is O(length).
 */
final class HtmlMarkup {
    /** Returned by {@link #decodeEntity} when the text at '&' is not a known entity. */
    static final long NOT_AN_ENTITY = -1;

    private static final int MAX_ENTITY_LENGTH = 32;

    /** Tags that end a line of text in a browser; they fold to a line break, others to a space. */
    private static final Set<String> BLOCK_TAGS =
            Set.of(
                    "br",
                    "p",
                    "div",
                    "li",
                    "ul",
                    "ol",
                    "dl",
                    "dt",
                    "dd",
                    "tr",
                    "table",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "hr",
                    "pre",
                    "blockquote",
                    "section",
                    "article",
                    "header",
                    "footer",
                    "figure",
                    "figcaption");

    /** Tags whose content is not text. */
    private static final Set<String> RAW_TEXT_TAGS = Set.of("script", "style");

    private static final Map<String, Integer> NAMED_ENTITIES =
            Map.ofEntries(
                    Map.entry("amp", (int) '&'),
                    Map.entry("lt", (int) '<'),
                    Map.entry("gt", (int) '>'),
                    Map.entry("quot", (int) '"'),
                    Map.entry("apos", (int) '\''),
                    Map.entry("nbsp", 0xA0),
                    Map.entry("ensp", 0x2002),
                    Map.entry("emsp", 0x2003),
                    Map.entry("thinsp", 0x2009),
                    Map.entry("zwnj", 0x200C),
                    Map.entry("zwj", 0x200D),
                    Map.entry("lrm", 0x200E),
                    Map.entry("rlm", 0x200F),
                    Map.entry("shy", 0xAD),
                    Map.entry("ndash", 0x2013),
                    Map.entry("mdash", 0x2014),
                    Map.entry("lsquo", 0x2018),
                    Map.entry("rsquo", 0x2019),
                    Map.entry("sbquo", 0x201A),
                    Map.entry("ldquo", 0x201C),
                    Map.entry("rdquo", 0x201D),
                    Map.entry("bdquo", 0x201E),
                    Map.entry("laquo", 0xAB),
                    Map.entry("raquo", 0xBB),
                    Map.entry("hellip", 0x2026),
                    Map.entry("bull", 0x2022),
                    Map.entry("middot", 0xB7),
                    Map.entry("copy", 0xA9),
                    Map.entry("reg", 0xAE),
                    Map.entry("trade", 0x2122),
                    Map.entry("deg", 0xB0),
                    Map.entry("plusmn", 0xB1),
                    Map.entry("times", 0xD7),
                    Map.entry("divide", 0xF7),
                    Map.entry("minus", 0x2212),
                    Map.entry("permil", 0x2030),
                    Map.entry("euro", 0x20AC),
                    Map.entry("pound", 0xA3),
                    Map.entry("yen", 0xA5),
                    Map.entry("cent", 0xA2),
                    Map.entry("sect", 0xA7),
                    Map.entry("para", 0xB6),
                    Map.entry("frac12", 0xBD),
                    Map.entry("frac14", 0xBC),
                    Map.entry("frac34", 0xBE),
                    Map.entry("sup2", 0xB2),
                    Map.entry("sup3", 0xB3),
                    Map.entry("micro", 0xB5),
                    Map.entry("iexcl", 0xA1),
                    Map.entry("iquest", 0xBF));

    private HtmlMarkup() {}

    /**
     * End (exclusive) of the tag, comment or raw-text element ({@code <script>...</script>}) that
     * starts with the '<' at {@code lt}, or -1 if the text there is not markup.
     */
    static int markupEnd(String s, int lt, Scan scan) {
        if (s.startsWith("<!--", lt)) {
            int close = scan.commentClose(s, lt + 4);
            return close < 0 ? -1 : close + 3;
        }
        if (!opensTag(s, lt)) {
            return -1;
        }
        int end = tagEnd(s, lt, scan);
        if (end < 0) {
            return -1;
        }
        String name = tagName(s, lt);
        if (s.charAt(lt + 1) != '/' && s.charAt(end - 2) != '/' && RAW_TEXT_TAGS.contains(name)) {
            return rawTextEnd(s, end, name);
        }
        return end;
    }

    /** Whether the tag at {@code lt} breaks the line (block elements and {@code <br>}). */
    static boolean isBlockTag(String s, int lt) {
        return BLOCK_TAGS.contains(tagName(s, lt));
    }

    /**
     * Decodes the entity starting at the '&' at {@code amp}: returns {@code (codePoint << 32) |
     * end} with end exclusive, or {@link #NOT_AN_ENTITY}. A terminating ';' is required.
     */
    static long decodeEntity(String s, int amp) {
        int limit = Math.min(s.length(), amp + MAX_ENTITY_LENGTH);
        int semi = -1;
        for (int i = amp + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ';') {
                semi = i;
                break;
            }
            if (!isAsciiLetterOrDigit(c) && !(c == '#' && i == amp + 1)) {
                return NOT_AN_ENTITY;
            }
        }
        if (semi <= amp + 1) {
            return NOT_AN_ENTITY;
        }
        int cp = codePointOf(s, amp + 1, semi);
        return cp < 0 ? NOT_AN_ENTITY : ((long) cp << 32) | (semi + 1);
    }

    /**
     * The code point of the entity body {@code s[from, to)} (ASCII letters and digits, or '#' and
     * then those), or -1.
     */
    private static int codePointOf(String s, int from, int to) {
        if (s.charAt(from) != '#') {
            // The commonest entities in news feeds, looked up without a substring.
            if (to - from == 2 && s.charAt(from + 1) == 't') {
                if (s.charAt(from) == 'l') {
                    return '<';
                } else if (s.charAt(from) == 'g') {
                    return '>';
                }
            } else if (to - from == 3 && s.startsWith("amp", from)) {
                return '&';
            }
            return NAMED_ENTITIES.getOrDefault(s.substring(from, to), -1);
        }
        boolean hex = to - from > 1 && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X');
        int digitsFrom = from + (hex ? 2 : 1);
        if (digitsFrom >= to || to - digitsFrom > 7) {
            return -1;
        }
        int radix = hex ? 16 : 10;
        int cp = 0;
        for (int i = digitsFrom; i < to; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            cp = cp * radix + digit;
        }
        // NUL and lone surrogates are not characters; leave such text as it is.
        boolean valid = cp > 0 && cp <= Character.MAX_CODE_POINT && !isSurrogate(cp);
        return valid ? cp : -1;
    }

    private static boolean opensTag(String s, int lt) {
        if (lt + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(lt + 1);
        if (next == '/' && lt + 2 < s.length()) {
            next = s.charAt(lt + 2);
        }
        return isAsciiLetter(next) || next == '!' || next == '?';
    }

    /**
     * Index after the closing '>', skipping quoted attribute values; -1 if a '<' comes first
     * outside quotes, or the text ends.
     */
    private static int tagEnd(String s, int lt, Scan scan) {
        int opened = 0; // quotes opened by this read, to remember if it fails
        char quote = 0;
        for (int i = lt + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                if (scan.failsAfterQuote(i)) {
                    // An earlier read opened this quote too, and from here on read the same.
                    return scan.failed(opened, i - lt);
                }
                scan.opening(opened++, i);
                quote = c;
            } else if (c == '>') {
                scan.read += i - lt;
                return i + 1;
            } else if (c == '<') {
                return scan.failed(opened, i - lt);
            }
        }
        return scan.failed(opened, s.length() - lt);
    }

    /**
     * What the reads of one text have learnt: after which quotes a tag never closes (the rest of
     * such a read depends only on where the quote opened) and how far the last comment search went.
     * Not thread-safe; one per text.
     */
    static final class Scan {
        private int[] opened = new int[8];
        private BitSet failingQuotes;
        private int commentSearchedFrom = Integer.MAX_VALUE;
        private int commentClose;
        private long read;

        /** Characters read ahead by tag and comment searches so far. */
        long read() {
            return read;
        }

        /** Whether a read that opens a quote at {@code i} is known to fail. */
        boolean failsAfterQuote(int i) {
            return failingQuotes != null && failingQuotes.get(i);
        }

        void opening(int k, int i) {
            if (k == opened.length) {
                opened = Arrays.copyOf(opened, k * 2);
            }
            opened[k] = i;
        }

        /** The read that opened {@code count} quotes and read {@code chars} failed: returns -1. */
        int failed(int count, int chars) {
            read += chars;
            if (count == 0) {
                return -1;
            }
            if (failingQuotes == null) {
                failingQuotes = new BitSet();
            }
            for (int k = 0; k < count; k++) {
                failingQuotes.set(opened[k]);
            }
            return -1;
        }

        /** Index of the first "-->" at or after {@code from}, or -1. */
        int commentClose(String s, int from) {
            if (from >= commentSearchedFrom && (commentClose < 0 || from <= commentClose)) {
                return commentClose;
            }
            commentSearchedFrom = from;
            commentClose = s.indexOf("-->", from);
            read += (commentClose < 0 ? s.length() : commentClose) - from;
            return commentClose;
        }
    }

    private static String tagName(String s, int lt) {
        int start = s.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
        int end = start;
        while (end < s.length() && isAsciiLetterOrDigit(s.charAt(end))) {
            end++;
        }
        return s.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** End of the closing tag of a raw-text element, or the end of the text if it is missing. */
    private static int rawTextEnd(String s, int from, String name) {
        String close = "</" + name;
        for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, close, 0, close.length())) {
                int end = s.indexOf('>', i);
                return end < 0 ? s.length() : end + 1;
            }
        }
        return s.length();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isSurrogate(int cp) {
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
    }
}
