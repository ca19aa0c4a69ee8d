package io.newspulse.common.moves;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newspulse.common.text.WorkMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A set of lexicon terms, each with a value, matched against folded text by one Aho-Corasick
 * automaton.
 *
 * <p>Terms are folded like the text is ({@link #fold(String)}), so a lexicon may be written with
 * {@code أ}, {@code ة} or upper case. Latin terms only match whole words ("up" does not match
 * "update"); Chinese and Arabic terms match as substrings, because Chinese has no spaces and Arabic
 * glues clitics and inflections (و, ب, ال, ت) to words. Short Arabic particles such as the negator
 * لا would then match inside other words (الاسهم), so a set can also require whole Arabic words
 * ({@link #of(Map, boolean)}).
 *
 * <p>Cost: a search of {@code text[from, to)} steps the automaton once per character of the region
 * (amortised; failure links never walk back further than the characters read) and looks at one
 * character on each side of a hit for its boundaries. Nothing is copied, and hits are chosen
 * leftmost-longest on the fly with a window of the longest term's length, so a search costs O(to -
 * from + hits). {@link #matchAt} reads at most the longest term's length.
 *
 * @param <V> the value attached to each term (a direction, a qualifier, a weight ...)
 */
public final class TermSet<V> {
    private final List<String> terms;
    private final List<V> values;
    private final Pattern pattern;
    private final boolean arabicWholeWords;
    private final int longest;

    /** The terms as an automaton whose values are indexes into {@link #terms}. */
    private final Automaton automaton = new Automaton();

    /** Bit {@code c} is set for every first character {@code c} of a term. */
    private final long[] firsts = new long[1024];

    private TermSet(Map<String, V> termValues, Pattern pattern, boolean arabicWholeWords) {
        this.terms = List.copyOf(termValues.keySet());
        this.values = new ArrayList<>(termValues.values());
        this.pattern = pattern;
        this.arabicWholeWords = arabicWholeWords;
        TreeMap<String, Object> keys = new TreeMap<>();
        int max = 0;
        for (int i = 0; i < terms.size(); i++) {
            keys.put(terms.get(i), i);
            char first = terms.get(i).charAt(0);
            firsts[first >>> 6] |= 1L << first;
            max = Math.max(max, terms.get(i).length());
        }
        this.longest = max;
        if (!keys.isEmpty()) {
            automaton.build(keys);
        }
    }

    /** One match of a term. */
    public record Hit<V>(String term, V value, int start, int end) {}

    /** Receives the hits of a search, left to right; {@code term} indexes {@link #term(int)}. */
    @FunctionalInterface
    public interface Sink {
        /**
         * One hit {@code [start, end)} of the term with index {@code term}.
         *
         * @return false to stop the search
         */
        boolean hit(int start, int end, int term);
    }

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
     * of alef to bare alef, hamza on waw and on ya to waw and ya (المئة folds like الميه), ta
     * marbuta to ha, alef maqsura to ya. Full-width forms and traditional Chinese are not folded
     * here: write lexicons in simplified Chinese.
     */
    public static String fold(String term) {
        StringBuilder sb = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> sb.append('ا');
                case 'ة' -> sb.append('ه');
                case 'ى', 'ئ' -> sb.append('ي');
                case 'ؤ' -> sb.append('و');
                default -> sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().trim();
    }

    /** True when no term is defined. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Length of the longest term (0 for an empty set). */
    public int longest() {
        return longest;
    }

    /** The folded term with index {@code term}, as {@link Sink} reports it. */
    public String term(int term) {
        return terms.get(term);
    }

    /** The value of the term with index {@code term}. */
    public V value(int term) {
        return values.get(term);
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
        return findAll(text, from, to, null);
    }

    /** {@link #findAll(CharSequence, int, int)}, charging the characters read to {@code meter}. */
    public List<Hit<V>> findAll(CharSequence text, int from, int to, WorkMeter meter) {
        List<Hit<V>> hits = new ArrayList<>();
        scan(text, from, to, meter, (s, e, t) -> hits.add(hit(s, e, t)));
        return hits;
    }

    /** The hit that ends last in {@code text[from, to)}, or null. */
    public Hit<V> findLast(CharSequence text, int from, int to) {
        return findLast(text, from, to, null);
    }

    /** {@link #findLast(CharSequence, int, int)}, charging {@code meter}. */
    public Hit<V> findLast(CharSequence text, int from, int to, WorkMeter meter) {
        return pick(text, from, to, meter, false);
    }

    /** The first hit in {@code text[from, to)}, or null. */
    public Hit<V> findFirst(CharSequence text, int from, int to) {
        return findFirst(text, from, to, null);
    }

    /** {@link #findFirst(CharSequence, int, int)}, charging {@code meter}. */
    public Hit<V> findFirst(CharSequence text, int from, int to, WorkMeter meter) {
        return pick(text, from, to, meter, true);
    }

    private Hit<V> pick(CharSequence text, int from, int to, WorkMeter meter, boolean first) {
        int[] picked = {-1, -1, -1};
        scan(
                text,
                from,
                to,
                meter,
                (s, e, t) -> {
                    picked[0] = s;
                    picked[1] = e;
                    picked[2] = t;
                    return !first;
                });
        return picked[2] < 0 ? null : hit(picked[0], picked[1], picked[2]);
    }

    /** The hit that starts exactly at {@code from} (and ends by {@code to}), or null. */
    public Hit<V> matchAt(CharSequence text, int from, int to) {
        return matchAt(text, from, to, null);
    }

    /**
     * {@link #matchAt(CharSequence, int, int)}, charging {@code meter}: reads at most {@link
     * #longest()} characters, however far {@code to} is.
     */
    public Hit<V> matchAt(CharSequence text, int from, int to, WorkMeter meter) {
        Hit<V> first = findFirst(text, from, Math.min(to, from + longest), meter);
        return first != null && first.start() == from ? first : null;
    }

    /**
     * Reports the hits of {@link #findAll} to {@code sink} in text order, without building them.
     * The sink may start other searches.
     */
    public void scan(CharSequence text, int from, int to, WorkMeter meter, Sink sink) {
        if (terms.isEmpty() || from >= to) {
            return;
        }
        if (meter != null) {
            meter.charge(to - from);
        }
        // Longest hit starting at each of the last `ring` positions, by position modulo ring; made
        // at the first hit, since most windows searched have none.
        int ring = longest + 1;
        int[] ends = null;
        int[] ids = null;
        int pending = 0; // slots holding a hit that is not final yet
        int cursor = from;
        int state = 0;
        // Past `to` no character is read: the loop only makes the hits left in the ring final.
        for (int i = from; i < to + longest - 1; i++) {
            int end = i + 1;
            char c = i < to ? text.charAt(i) : 0;
            if (i >= to && pending == 0) {
                return;
            }
            // At the root, a character no term starts with leads back to the root: skip the step.
            if (i < to && (state != 0 || (firsts[c >>> 6] & (1L << c)) != 0)) {
                state = automaton.step(state, c);
                int[] out = automaton.outputs(state);
                if (out != null) {
                    for (int k : out) {
                        int start = end - automaton.length(k);
                        int id = automaton.id(k);
                        if (start < from || !onBoundaries(text, start, end, id)) {
                            continue;
                        }
                        if (ends == null) {
                            ends = new int[ring];
                            ids = new int[ring];
                            Arrays.fill(ends, -1);
                        }
                        int slot = start % ring;
                        if (end > ends[slot]) {
                            if (ends[slot] < 0) {
                                pending++;
                            }
                            ends[slot] = end;
                            ids[slot] = id;
                        }
                    }
                }
            }
            // No hit can start at `done` any more: it is final.
            int done = end - longest;
            if (pending > 0 && done >= from) {
                int slot = done % ring;
                if (ends[slot] >= 0) {
                    pending--;
                    if (done >= cursor) {
                        if (!sink.hit(done, ends[slot], ids[slot])) {
                            return;
                        }
                        cursor = ends[slot];
                    }
                    ends[slot] = -1;
                }
            }
        }
    }

    private Hit<V> hit(int start, int end, int term) {
        return new Hit<>(terms.get(term), values.get(term), start, end);
    }

    /** A double-array automaton that can be stepped over any region of a text. */
    private static final class Automaton extends AhoCorasickDoubleArrayTrie<Object> {
        int step(int state, char c) {
            int next = transitionWithRoot(state, c);
            while (next == -1) {
                state = fail[state];
                next = transitionWithRoot(state, c);
            }
            return next;
        }

        int[] outputs(int state) {
            return output[state];
        }

        int length(int key) {
            return l[key];
        }

        int id(int key) {
            return (Integer) v[key];
        }
    }

    /** The word-boundary rules of {@link #compile}, looking outside the region as it does. */
    private boolean onBoundaries(CharSequence text, int start, int end, int id) {
        String term = terms.get(id);
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
