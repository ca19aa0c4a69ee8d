package io.newspulse.common.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-character folding tables for {@link TextNormalizer}, built once at class load for every BMP
 * character: NFKC, lower case, Arabic letter folding, digit folding and traditional-to-simplified
 * Chinese. Building runs {@link Normalizer} once per character so that normalising text is a table
 * lookup per character; only combining sequences and supplementary characters take the slow path
 * through {@link #fold(String)}.
 */
final class CharFolding {
    /** Folds to the single character {@link #map(char)}. */
    static final byte KEEP = 0;

    /** Invisible: format characters (zero-width, bidi), tatweel. */
    static final byte DROP = 1;

    /** Dropped marks (Arabic harakat) that still belong to the character before them. */
    static final byte DROP_MARK = 10;

    /** Horizontal white space (and controls, so that words do not join). */
    static final byte SPACE = 2;

    /** A line break ('\n', '\r', NEL, LINE SEPARATOR). */
    static final byte NEWLINE = 3;

    /** PARAGRAPH SEPARATOR, folded like a blank line. */
    static final byte PARAGRAPH = 4;

    /** Folds to several characters, {@link #expansion(char)} (NFKC 1->n, e.g. ㈱, ﬁ). */
    static final byte EXPAND = 5;

    /** A mark that NFKC may compose with the character before it (é = e + U+0301). */
    static final byte COMBINING = 6;

    /** Half of a surrogate pair: supplementary characters are folded on the slow path. */
    static final byte SURROGATE = 7;

    /** '<', which may open an HTML tag. */
    static final byte LESS_THAN = 8;

    /** '&', which may open an HTML entity. */
    static final byte AMPERSAND = 9;

    private static final byte[] KIND = new byte[65536];
    private static final char[] MAP = new char[65536];
    private static final Map<Character, String> EXPANSIONS = new HashMap<>();

    static {
        for (int c = 0; c < 65536; c++) {
            classify((char) c);
        }
    }

    private CharFolding() {}

    static byte kind(char c) {
        return KIND[c];
    }

    static char map(char c) {
        return MAP[c];
    }

    static String expansion(char c) {
        String expanded = EXPANSIONS.get(c);
        return expanded != null ? expanded : String.valueOf(MAP[c]);
    }

    /**
     * Folds a string on the slow path (NFKC over the whole string, so combining sequences compose),
     * applying the same per-character folds as the tables until nothing changes.
     */
    static String fold(String s) {
        String folded = foldOnce(s);
        for (int round = 0; round < 4; round++) {
            String again = foldOnce(folded);
            if (again.equals(folded)) {
                break;
            }
            folded = again;
        }
        return folded;
    }

    private static void classify(char c) {
        MAP[c] = c;
        KIND[c] = fixedKind(c);
        if (KIND[c] != KEEP) {
            return;
        }
        String folded = fold(String.valueOf(c));
        if (folded.isEmpty()) {
            KIND[c] = DROP;
        } else if (folded.isBlank()) {
            KIND[c] = SPACE;
        } else {
            if (folded.length() == 1) {
                MAP[c] = folded.charAt(0);
            } else {
                EXPANSIONS.put(c, folded);
                KIND[c] = EXPAND;
            }
            if (composesWithPrevious(c) || composesWithPrevious(folded.charAt(0))) {
                KIND[c] = COMBINING;
            }
        }
    }

    /** Kinds decided by the character itself rather than by what it folds to. */
    private static byte fixedKind(char c) {
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028') {
            return NEWLINE;
        } else if (c == '\u2029') {
            return PARAGRAPH;
        } else if (c == '<') {
            return LESS_THAN;
        } else if (c == '&') {
            return AMPERSAND;
        } else if (Character.isSurrogate(c)) {
            return SURROGATE;
        } else if (isDropped(c)) {
            return Character.getType(c) == Character.NON_SPACING_MARK ? DROP_MARK : DROP;
        } else if (Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.CONTROL) {
            return SPACE;
        }
        return KEEP;
    }

    private static String foldOnce(String s) {
        String nfkc =
                Normalizer.isNormalized(s, Normalizer.Form.NFKC)
                        ? s
                        : Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (!isDropped(cp)) {
                out.appendCodePoint(foldCodePoint(Character.toLowerCase(cp)));
            }
        }
        return out.toString();
    }

    private static int foldCodePoint(int cp) {
        if (cp >= 0x0600 && cp <= 0x06FF) {
            return foldArabic(cp);
        }
        return cp < 65536 ? ChineseVariants.toSimplified((char) cp) : cp;
    }

    /** Spelling variants that Arabic writers use interchangeably, and Arabic-Indic digits. */
    private static int foldArabic(int cp) {
        switch (cp) {
            case 'أ', 'إ', 'آ', 'ٱ':
                return 'ا';
            case 'ؤ':
                return 'و';
            case 'ئ', 'ى':
                return 'ي';
            case 'ة':
                return 'ه';
            default:
                if (cp >= '٠' && cp <= '٩') {
                    return '0' + (cp - '٠');
                }
                if (cp >= '۰' && cp <= '۹') {
                    return '0' + (cp - '۰');
                }
                return cp;
        }
    }

    /** Invisible characters: zero-width and bidi marks, soft hyphen, harakat, tatweel. */
    private static boolean isDropped(int cp) {
        return Character.getType(cp)
                        == Character.FORMAT // U+200B-200F, 202A-202E, 2066-2069, FEFF, AD
                || (cp >= 0x064B && cp <= 0x065F)
                || cp == 0x0670
                || cp == 0x0640;
    }

    /** Marks and Hangul vowel/final jamo, which canonical composition joins to what precedes. */
    private static boolean composesWithPrevious(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (c >= 0x1161 && c <= 0x1175)
                || (c >= 0x11A8 && c <= 0x11C2);
    }
}
