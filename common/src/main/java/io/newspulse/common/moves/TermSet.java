package io.newspulse.common.moves;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A set of lexicon terms, each with a value, matched against folded text by one precompiled pattern
 * (a longest-first alternation of literals, so no backtracking blow-up).
 *
 * <p>Terms are folded like the text is ({@link #fold(String)}), so a lexicon may be written with
 * {@code أ}, {@code ة} or upper case. Latin terms only match whole words ("up" does not match
 * "update"); Chinese and Arabic terms match as substrings, because Chinese has no spaces and Arabic
 * glues clitics and inflections (و, ب, ال, ت) to words. Short Arabic particles such as the negator
 * لا would then match inside other words (الاسهم), so a set can also require whole Arabic words
 * ({@link #of(Map, boolean)}).
 *
 * @param <V> the value attached to each term (a direction, a qualifier, a weight ...)
 */
public final class TermSet<V> {
    private final Map<String, V> values;
    private final Pattern pattern;
    private final boolean arabicWholeWords;

    /** The terms as an automaton: matching a clause is one pass, not an alternation per offset. */
    private final AhoCorasickDoubleArrayTrie<String> automaton = new AhoCorasickDoubleArrayTrie<>();

    private TermSet(Map<String, V> values, Pattern pattern, boolean arabicWholeWords) {
        this.values = values;
        this.pattern = pattern;
        this.arabicWholeWords = arabicWholeWords;
        TreeMap<String, String> keys = new TreeMap<>();
        values.keySet().forEach(k -> keys.put(k, k));
        if (!keys.isEmpty()) {
            automaton.build(keys);
        }
    }

    /** One match of a term. */
    public record Hit<V>(String term, V value, int start, int end) {}

    /**
     * Builds a set from terms and their values. On a duplicate folded term the first value wins, so
     * a lexicon can list a term in a stronger category first.
     */
    public static <V> TermSet<V> of(Map<String, V> termValues) {
        return of(termValues, false);
    }

    /**
     * Like {@link #of(Map)}; with {@code arabicWholeWords} Arabic terms, too, only match whole
     * words.
     */
    public static <V> TermSet<V> of(Map<String, V> termValues, boolean arabicWholeWords) {
        Map<String, V> folded = new LinkedHashMap<>();
        termValues.forEach(
                (term, value) -> {
                    String f = fold(term);
                    if (!f.isBlank()) {
                        folded.putIfAbsent(f, value);
                    }
                });
        return new TermSet<>(folded, compile(folded.keySet(), arabicWholeWords), arabicWholeWords);
    }

    /** Builds a set where every term of each group maps to the group's key. */
    public static <V> TermSet<V> ofGroups(Map<V, ? extends List<String>> groups) {
        Map<String, V> termValues = new LinkedHashMap<>();
        groups.forEach(
                (value, terms) -> {
                    if (terms != null) {
                        for (String term : terms) {
                            termValues.putIfAbsent(term, value);
                        }
                    }
                });
        return of(termValues);
    }

    /** Builds a set of terms whose value is the term itself. */
    public static TermSet<String> ofTerms(List<String> terms) {
        Map<String, String> termValues = new LinkedHashMap<>();
        if (terms != null) {
            for (String term : terms) {
                termValues.putIfAbsent(term, fold(term));
            }
        }
        return of(termValues);
    }

    /**
     * Folds a lexicon term the way the normaliser folds text: lower-case Latin, Arabic hamza forms
     * of alef to bare alef, ta marbuta to ha, alef maqsura to ya. Full-width forms and traditional
     * Chinese are not folded here: write lexicons in simplified Chinese.
     */
    public static String fold(String term) {
        StringBuilder sb = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> sb.append('ا');
                case 'ة' -> sb.append('ه');
                case 'ى' -> sb.append('ي');
                default -> sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().trim();
    }

    /** True when no term is defined. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The regular-expression source of this set, for embedding in a larger pattern. */
    public String regex() {
        return pattern.pattern();
    }

    /**
     * All non-overlapping hits in {@code text[from, to)}, left to right: at each position the
     * longest term that stands on its word boundaries (the same hits the {@link #regex()} pattern
     * finds, without trying every alternative at every offset).
     */
    public List<Hit<V>> findAll(CharSequence text, int from, int to) {
        List<Hit<V>> hits = new ArrayList<>();
        if (values.isEmpty() || from >= to) {
            return hits;
        }
        List<int[]> found = new ArrayList<>();
        String region = text.subSequence(from, to).toString();
        automaton.parseText(
                region,
                (begin, end, term) -> {
                    if (onBoundaries(text, from + begin, from + end, term)) {
                        found.add(new int[] {from + begin, from + end});
                    }
                });
        found.sort(Comparator.<int[]>comparingInt(h -> h[0]).thenComparingInt(h -> -h[1]));
        int cursor = from;
        for (int[] h : found) {
            if (h[0] >= cursor) {
                String term = text.subSequence(h[0], h[1]).toString();
                hits.add(new Hit<>(term, values.get(term), h[0], h[1]));
                cursor = h[1];
            }
        }
        return hits;
    }

    /** The hit that ends last in {@code text[from, to)}, or null. */
    public Hit<V> findLast(CharSequence text, int from, int to) {
        List<Hit<V>> hits = findAll(text, from, to);
        return hits.isEmpty() ? null : hits.get(hits.size() - 1);
    }

    /** The first hit in {@code text[from, to)}, or null. */
    public Hit<V> findFirst(CharSequence text, int from, int to) {
        List<Hit<V>> hits = findAll(text, from, to);
        return hits.isEmpty() ? null : hits.get(0);
    }

    /** The hit that starts exactly at {@code from} (and ends by {@code to}), or null. */
    public Hit<V> matchAt(CharSequence text, int from, int to) {
        Hit<V> first = findFirst(text, from, to);
        return first != null && first.start() == from ? first : null;
    }

    /** The word-boundary rules of {@link #compile}, looking outside the region as it does. */
    private boolean onBoundaries(CharSequence text, int start, int end, String term) {
        char first = term.charAt(0);
        char last = term.charAt(term.length() - 1);
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        if (isLatinLetter(first) && (isLatinScript(before) || isAsciiDigit(before))) {
            return false;
        }
        if (isLatinLetter(last) && (isLatinScript(after) || isAsciiDigit(after))) {
            return false;
        }
        if (arabicWholeWords && isArabicLetter(first) && isArabicScript(before)) {
            return false;
        }
        return !(arabicWholeWords && isArabicLetter(last) && isArabicScript(after));
    }

    private static boolean isLatinScript(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    private static boolean isArabicScript(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Pattern compile(Iterable<String> terms, boolean arabicWholeWords) {
        List<String> sorted = new ArrayList<>();
        terms.forEach(sorted::add);
        // Longest first, so 上涨 wins over 涨 and "per cent" over "per".
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder();
        for (String term : sorted) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            if (isLatinLetter(term.charAt(0))) {
                sb.append("(?<![\\p{IsLatin}\\d])");
            } else if (arabicWholeWords && isArabicLetter(term.charAt(0))) {
                sb.append("(?<!\\p{IsArabic})");
            }
            sb.append(Pattern.quote(term));
            char last = term.charAt(term.length() - 1);
            if (isLatinLetter(last)) {
                sb.append("(?![\\p{IsLatin}\\d])");
            } else if (arabicWholeWords && isArabicLetter(last)) {
                sb.append("(?!\\p{IsArabic})");
            }
        }
        // An empty set gets a pattern that never matches.
        return Pattern.compile(sb.length() == 0 ? "(?!)" : sb.toString());
    }

    /** True for an Arabic-script letter. */
    public static boolean isArabicLetter(char c) {
        return Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }

    private static boolean isLatinLetter(char c) {
        return Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }
}
