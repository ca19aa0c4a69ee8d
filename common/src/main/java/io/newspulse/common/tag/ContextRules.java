package io.newspulse.common.tag;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Looks for company context and entity-specific context around a hit. */
final class ContextRules {
    /** How far an entity's own context words may stand from a shared alias. */
    private static final int ENTITY_CONTEXT_WINDOW = 120;

    private final TaggerRules rules;
    private final Map<String, List<String>> entityWords;

    ContextRules(TaggerRules rules, Map<String, List<String>> entityWords) {
        this.rules = rules;
        this.entityWords = entityWords;
    }

    /**
     * Whether {@code [begin, end)} of {@code s} stands in a company context: the entity is named
     * unambiguously elsewhere, or a corporate word, a ticker or a context word of the entity is
     * near it in the same sentence.
     */
    boolean companyContext(String s, int begin, int end, String entityId, Set<String> strong) {
        if (strong.contains(entityId)) {
            return true;
        }
        int lo = sentenceStart(s, begin, rules.contextWindow);
        int hi = sentenceEnd(s, end, rules.contextWindow);
        for (String w : rules.companyContext) {
            if (containsWord(s, lo, begin, w) || containsWord(s, end, hi, w)) {
                return true;
            }
        }
        return entityContextNear(s, begin, end, entityId);
    }

    /** Whether a context word or ticker of the entity is near the span. */
    boolean entityContextNear(String s, int begin, int end, String entityId) {
        List<String> words = entityWords.getOrDefault(entityId, List.of());
        int lo = Math.max(0, begin - ENTITY_CONTEXT_WINDOW);
        int hi = Math.min(s.length(), end + ENTITY_CONTEXT_WINDOW);
        for (String w : words) {
            if (containsWord(s, lo, begin, w) || containsWord(s, end, hi, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a code-context word ends within the window before {@code begin}. */
    boolean codeContextBefore(String s, int begin) {
        int lo = Math.max(0, begin - rules.codeContextWindow);
        for (String w : rules.codeContext) {
            if (containsWord(s, lo, begin, w)) {
                return true;
            }
        }
        return false;
    }

    static int sentenceStart(String s, int from, int window) {
        int lo = Math.max(0, from - window);
        for (int i = from - 1; i >= lo; i--) {
            if (Scripts.isSentenceEnd(s.charAt(i))) {
                return i + 1;
            }
        }
        return lo;
    }

    static int sentenceEnd(String s, int from, int window) {
        int hi = Math.min(s.length(), from + window);
        for (int i = from; i < hi; i++) {
            if (Scripts.isSentenceEnd(s.charAt(i))) {
                return i;
            }
        }
        return hi;
    }

    /** Whether {@code w} occurs within {@code [lo, hi)}, on word boundaries if it is Latin. */
    static boolean containsWord(String s, int lo, int hi, String w) {
        int n = w.length();
        boolean latin = Scripts.isLatinKey(w);
        for (int i = lo; i + n <= hi; i++) {
            if (s.startsWith(w, i)) {
                if (!latin) {
                    return true;
                }
                boolean left = i == 0 || !Scripts.isWordChar(s.charAt(i - 1));
                boolean right = i + n >= s.length() || !Scripts.isWordChar(s.charAt(i + n));
                if (left && right) {
                    return true;
                }
            }
        }
        return false;
    }
}
