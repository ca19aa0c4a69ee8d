package io.newspulse.common.tag;

import io.newspulse.common.text.NormalizedText;

/**
 * Whether a Latin hit stands where a person's surname would: right after a title ("Mr Abbott",
 * "Prime Minister Abbott", "Dr. Ford") or after a capitalised given name inside a sentence ("Tony
 * Abbott", "said Henry Ford"). Only context-required aliases are checked: their company readings
 * rest on context anyway, and those surnames are common.
 *
 * <p>A given name is not trusted at a sentence start ("At Ford, ..."), in a title-case sentence
 * (headlines capitalise every word) or when it is a listed function word, day or month.
 */
final class PersonNames {
    /** Lower-case words this long or longer show a sentence is not in title case. */
    private static final int PLAIN_WORD_MIN = 4;

    /** How far the title-case check looks on each side of the hit. */
    private static final int SENTENCE_WINDOW = 80;

    private final TaggerRules rules;

    PersonNames(TaggerRules rules) {
        this.rules = rules;
    }

    /** Whether the hit starting at {@code begin} of the normalised text is a person's surname. */
    boolean surnameAt(NormalizedText text, char[] t, int begin) {
        int i = begin - 1;
        int spaces = 0;
        while (i >= 0 && t[i] == ' ') {
            i--;
            spaces++;
        }
        if (spaces == 0 || i < 0) {
            return false;
        }
        boolean dot = t[i] == '.';
        int wordEnd = dot ? i : i + 1;
        int wordBegin = wordEnd;
        while (wordBegin > 0 && Scripts.isWordChar(t[wordBegin - 1])) {
            wordBegin--;
        }
        if (wordBegin == wordEnd) {
            return false;
        }
        String word = new String(t, wordBegin, wordEnd - wordBegin);
        if (rules.personTitles.contains(word)) {
            return true;
        }
        return !dot
                && wordEnd - wordBegin >= 2
                && !rules.notGivenNames.contains(word)
                && capitalisedWord(text, wordBegin, wordEnd)
                && !sentenceStart(t, wordBegin)
                && !titleCase(text, t, begin);
    }

    /** Whether the original word is "Tony": an upper-case letter, then only lower-case ones. */
    private static boolean capitalisedWord(NormalizedText text, int begin, int end) {
        String o = text.original();
        int from = text.originalStart(begin);
        int to = text.originalEnd(end);
        if (to - from < 2 || !Character.isUpperCase(o.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!Character.isLowerCase(o.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether only spaces, an opening mark or nothing stand between a sentence end and i. */
    private static boolean sentenceStart(char[] t, int i) {
        int j = i - 1;
        while (j >= 0 && t[j] == ' ') {
            j--;
        }
        if (j < 0) {
            return true;
        }
        char c = t[j];
        return Scripts.isSentenceEnd(c) || "\n\"'“‘([:;—–-".indexOf(c) >= 0;
    }

    /** Whether no long word of the sentence around {@code at} starts in lower case. */
    private static boolean titleCase(NormalizedText text, char[] t, int at) {
        int lo = ContextRules.sentenceStart(t, at, SENTENCE_WINDOW);
        int hi = ContextRules.sentenceEnd(t, at, SENTENCE_WINDOW);
        String o = text.original();
        int i = lo;
        while (i < hi) {
            if (!Scripts.isWordChar(t[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < hi && Scripts.isWordChar(t[i])) {
                i++;
            }
            if (i - start >= PLAIN_WORD_MIN
                    && Character.isLowerCase(o.charAt(text.originalStart(start)))) {
                return false;
            }
        }
        return true;
    }
}
