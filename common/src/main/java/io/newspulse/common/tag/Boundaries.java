package io.newspulse.common.tag;

import io.newspulse.common.text.NormalizedText;

/** Whether a dictionary hit stands on word boundaries of its script. */
final class Boundaries {
    /** Arabic proclitics (and, by, for, the ...) that may be glued to a name. */
    private static final String[] ARABIC_PREFIXES = {
        "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال", "فال", "كال", "ول", "وب", "وبال", "ولل"
    };

    private Boundaries() {}

    static boolean ok(char[] s, int begin, int end, TaggerRules rules) {
        char first = s[begin];
        char last = s[end - 1];
        char prev = begin > 0 ? s[begin - 1] : ' ';
        char next = end < s.length ? s[end] : ' ';
        if (Scripts.isWordChar(first) && Scripts.isWordChar(prev)) {
            return false;
        }
        if (Scripts.isWordChar(last) && Scripts.isWordChar(next)) {
            return false;
        }
        if (Scripts.isHan(first)
                && end - begin <= 2
                && Scripts.isHan(prev)
                && !rules.isCjkLeftOk(prev)) {
            return false;
        }
        if (Scripts.isHan(last) && Scripts.isHan(next) && rules.cjkRightBad.indexOf(next) >= 0) {
            return false;
        }
        if (Scripts.isArabicLetter(first)
                && Scripts.isArabicLetter(prev)
                && !arabicPrefix(s, begin)) {
            return false;
        }
        return !(Scripts.isArabicLetter(last) && Scripts.isArabicLetter(next));
    }

    /**
     * Whether a two-character Han hit {@code [begin, end)} of {@code t} starts another company's
     * name: at most {@code cjkNameMaxExtra} more name characters, then a company suffix (中通|客车,
     * 大金|重工, 中通|XX|股份). A function or market character (股价, 的) ends the name first.
     */
    static boolean startsLongerName(char[] t, int begin, int end, TaggerRules rules) {
        if (end - begin != 2
                || end >= t.length
                || !Scripts.isHan(t[begin])
                || !Scripts.isHan(t[end])) {
            return false;
        }
        int limit = Math.min(t.length - 1, end + rules.cjkNameMaxExtra + 1);
        for (int p = end; p < limit; p++) {
            char c = t[p];
            if (!Scripts.isHan(c)) {
                return false;
            }
            if (rules.mayStartCjkSuffix(c)
                    && (rules.cjkNameSuffixes.containsAny(t, p, p + 1, t.length)
                            || (p > end
                                    && rules.cjkLegalSuffixes.containsAny(
                                            t, p, p + 1, t.length)))) {
                return true;
            }
            if (rules.isCjkLeftOk(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean arabicPrefix(char[] s, int begin) {
        int j = begin;
        while (j > 0 && Scripts.isArabicLetter(s[j - 1]) && begin - j < 4) {
            j--;
        }
        if (j > 0 && Scripts.isArabicLetter(s[j - 1])) {
            return false;
        }
        int n = begin - j;
        for (String p : ARABIC_PREFIXES) {
            if (p.length() == n && startsWith(s, j, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(char[] s, int from, String p) {
        for (int k = 0; k < p.length(); k++) {
            if (s[from + k] != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first letter of the original span is upper case. */
    static boolean originalCapitalised(NormalizedText text, int begin, int end) {
        String o = text.original();
        int from = text.originalStart(begin);
        int to = text.originalEnd(end);
        for (int i = from; i < to; i++) {
            char c = o.charAt(i);
            if (Character.isLetter(c)) {
                return !Character.isLowerCase(c);
            }
        }
        return true;
    }

    /** Whether the original span is exactly {@code spelling}, case included. */
    static boolean originalEquals(NormalizedText text, int begin, int end, String spelling) {
        int from = text.originalStart(begin);
        int to = text.originalEnd(end);
        return to - from == spelling.length() && text.original().startsWith(spelling, from);
    }

    /** Whether every letter of the original span is upper case. */
    static boolean originalAllCaps(NormalizedText text, int begin, int end) {
        String o = text.original();
        int to = text.originalEnd(end);
        for (int i = text.originalStart(begin); i < to; i++) {
            if (Character.isLowerCase(o.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
