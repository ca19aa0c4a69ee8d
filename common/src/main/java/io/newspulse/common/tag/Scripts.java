package io.newspulse.common.tag;

/** Character classes the boundary rules need; cheap checks on BMP chars. */
final class Scripts {
    /** {@link #isWordChar} of every BMP character: boundary checks run on every automaton hit. */
    private static final boolean[] WORD_CHAR = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            WORD_CHAR[c] =
                    c < 128
                            ? (ch >= 'a' && ch <= 'z')
                                    || (ch >= 'A' && ch <= 'Z')
                                    || (ch >= '0' && ch <= '9')
                            : Character.isLetterOrDigit(ch) && !isHan(ch) && !isArabicLetter(ch);
        }
    }

    private Scripts() {}

    static boolean isHan(char c) {
        return (c >= '\u4e00' && c <= '\u9fff')
                || (c >= '\u3400' && c <= '\u4dbf')
                || (c >= '\uf900' && c <= '\ufaff');
    }

    static boolean isArabicLetter(char c) {
        return (c >= '\u0621' && c <= '\u064a')
                || (c >= '\u0671' && c <= '\u06d3')
                || (c >= '\u06fa' && c <= '\u06ff');
    }

    /** A letter or digit that is neither Han nor Arabic: Latin, Greek, Cyrillic, digits. */
    static boolean isWordChar(char c) {
        return WORD_CHAR[c];
    }

    static boolean isLatinKey(String key) {
        return !key.isEmpty()
                && isWordChar(key.charAt(0))
                && isWordChar(key.charAt(key.length() - 1));
    }

    static boolean isHanKey(String key) {
        return !key.isEmpty() && (isHan(key.charAt(0)) || isHan(key.charAt(key.length() - 1)));
    }

    static boolean isArabicKey(String key) {
        return !key.isEmpty()
                && (isArabicLetter(key.charAt(0)) || isArabicLetter(key.charAt(key.length() - 1)));
    }

    static int countHan(String key) {
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            if (isHan(key.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static int countLetters(String key) {
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            if (Character.isLetterOrDigit(key.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Sentence or line end: the context of a mention does not reach across it. */
    static boolean isSentenceEnd(char c) {
        return c == '\n' || c == '。' || c == '!' || c == '?' || c == '！' || c == '？' || c == '؟';
    }
}
