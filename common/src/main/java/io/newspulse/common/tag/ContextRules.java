package io.newspulse.common.tag;

import java.util.BitSet;

/**
 * Looks for company context and entity-specific context around a hit.
 *
 * <p>A word counts when it lies entirely inside the window; a Latin word (first and last characters
 * are word characters) must also stand on word boundaries, other words (Chinese, Arabic, "%",
 * "inc.") may be glued to anything.
 */
final class ContextRules {
    /** How far an entity's own context words may stand from a shared alias. */
    static final int ENTITY_CONTEXT_WINDOW = 120;

    /** How close a corporate word must be to an evidence-required alias. */
    private static final int TIGHT_WINDOW = 6;

    private final TaggerRules rules;
    private final WordSet companyWords;
    private final WordSet codeWords;
    private final WordSet evidenceWords;

    /** Context words and tickers of each entity, by entity index. */
    private final WordSet[] entityWords;

    ContextRules(TaggerRules rules, WordSet[] entityWords) {
        this.rules = rules;
        this.companyWords = new WordSet(rules.companyContext, true);
        this.codeWords = new WordSet(rules.codeContext, true);
        this.evidenceWords = new WordSet(rules.evidenceWords, true);
        this.entityWords = entityWords;
    }

    /**
     * Whether {@code [begin, end)} of {@code t} (the normalised text) stands in a company context:
     * the entity is named unambiguously elsewhere ({@code strong}, by entity index; may be null),
     * or a corporate word, a ticker or a context word of the entity is near it in the same
     * sentence.
     */
    boolean companyContext(char[] t, int begin, int end, int entity, BitSet strong) {
        if (strong != null && strong.get(entity)) {
            return true;
        }
        return companyWordsNear(t, begin, end) || entityContextNear(t, begin, end, entity);
    }

    /** Whether a corporate word stands in the same sentence as the span, within the window. */
    boolean companyWordsNear(char[] t, int begin, int end) {
        int lo = sentenceStart(t, begin, rules.contextWindow);
        int hi = sentenceEnd(t, end, rules.contextWindow);
        return companyWords.containsAny(t, lo, begin) || companyWords.containsAny(t, end, hi);
    }

    /**
     * Whether a strong corporate word ({@code evidence_words}) is glued to the span: within {@link
     * #TIGHT_WINDOW} characters on either side in the same sentence (威剛股價漲停, سهم زين), or the span
     * is an item of a list (威剛、十銓) with a corporate word in the sentence.
     */
    boolean companyWordsTight(char[] t, int begin, int end) {
        int lo = sentenceStart(t, begin, TIGHT_WINDOW);
        int hi = sentenceEnd(t, end, TIGHT_WINDOW);
        if (evidenceWords.containsAny(t, lo, begin) || evidenceWords.containsAny(t, end, hi)) {
            return true;
        }
        boolean listed = (begin > 0 && t[begin - 1] == '、') || (end < t.length && t[end] == '、');
        if (!listed) {
            return false;
        }
        int wideLo = sentenceStart(t, begin, rules.contextWindow);
        int wideHi = sentenceEnd(t, end, rules.contextWindow);
        return evidenceWords.containsAny(t, wideLo, begin)
                || evidenceWords.containsAny(t, end, wideHi);
    }

    /** Whether a context word or ticker of the entity is near the span. */
    boolean entityContextNear(char[] t, int begin, int end, int entity) {
        WordSet words = entity >= 0 ? entityWords[entity] : WordSet.EMPTY;
        int lo = Math.max(0, begin - ENTITY_CONTEXT_WINDOW);
        int hi = Math.min(t.length, end + ENTITY_CONTEXT_WINDOW);
        return words.containsAny(t, lo, begin) || words.containsAny(t, end, hi);
    }

    /** Whether a code-context word ends within the window before {@code begin}. */
    boolean codeContextBefore(char[] t, int begin) {
        int lo = Math.max(0, begin - rules.codeContextWindow);
        return codeWords.containsAny(t, lo, begin);
    }

    static int sentenceStart(char[] t, int from, int window) {
        int lo = Math.max(0, from - window);
        for (int i = from - 1; i >= lo; i--) {
            if (Scripts.isSentenceEnd(t[i])) {
                return i + 1;
            }
        }
        return lo;
    }

    static int sentenceEnd(char[] t, int from, int window) {
        int hi = Math.min(t.length, from + window);
        for (int i = from; i < hi; i++) {
            if (Scripts.isSentenceEnd(t[i])) {
                return i;
            }
        }
        return hi;
    }
}
