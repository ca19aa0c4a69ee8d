package io.newspulse.common.text;

/**
 * Well-formed UTF-16: a JSON string may carry a lone surrogate as a {@code \ud800} escape, which no
 * UTF-8 encoder can write (Jackson's generator throws, Elasticsearch stores U+FFFD). Text is
 * repaired once, when it enters the pipeline.
 */
public final class Utf16 {
    /** What a lone surrogate becomes. */
    public static final char REPLACEMENT = '\uFFFD';

    private Utf16() {}

    /**
     * {@code s} with every lone surrogate replaced by U+FFFD; {@code s} itself when it has none.
     */
    public static String wellFormed(String s) {
        if (s == null) {
            return null;
        }
        int bad = firstLoneSurrogate(s);
        if (bad < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, bad);
        for (int i = bad; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    /** Index of the first lone surrogate in {@code s}, or -1. */
    public static int firstLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }
}
