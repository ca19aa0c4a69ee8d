package io.newspulse.common.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A small set of folded words looked up position by position in a range of a text. Each position
 * costs a bit test or two; only positions that can start a word compare words, and only the words
 * with that first character. Replaces one {@code startsWith} per position per word.
 */
final class WordSet {
    /** Sets of this many words get exact first-character and hashed two-character bitmaps. */
    private static final int BITMAP_MIN_WORDS = 16;

    static final WordSet EMPTY = new WordSet(List.of(), false);

    /** Words grouped by first character, in the order of {@link #firsts}. */
    private final char[][] words;

    /** Whether a word must stand on Latin word boundaries. */
    private final boolean[] bounded;

    /** Distinct first characters, sorted. */
    private final char[] firsts;

    /** Words starting with {@code firsts[g]} are {@code words[groups[g]..groups[g + 1])}. */
    private final int[] groups;

    /** Bit {@code c & 63} is set for every first character {@code c}. */
    private final long mask;

    /** Large sets: bit {@code c} is set for every one-character word {@code c}; else null. */
    private final long[] singles;

    /** Large sets: bit {@link #pair} is set for the first two characters of longer words. */
    private final long[] pairs;

    private final int minLength;

    /** An empty word occurs everywhere. */
    private final boolean hasEmpty;

    /**
     * @param words the words
     * @param latinBoundaries whether Latin words (first and last characters are word characters)
     *     must not be glued to word characters on either side
     */
    WordSet(Collection<String> words, boolean latinBoundaries) {
        List<String> sorted = new ArrayList<>();
        boolean empty = false;
        for (String w : words) {
            if (w.isEmpty()) {
                empty = true;
            } else {
                sorted.add(w);
            }
        }
        this.hasEmpty = empty;
        // Stable: words with the same first character keep their order.
        sorted.sort((a, b) -> Character.compare(a.charAt(0), b.charAt(0)));
        int count = sorted.size();
        this.words = new char[count][];
        this.bounded = new boolean[count];
        char[] f = new char[count];
        int[] g = new int[count + 1];
        int groupCount = 0;
        long m = 0;
        int min = Integer.MAX_VALUE;
        boolean large = count >= BITMAP_MIN_WORDS;
        this.singles = large ? new long[1024] : null;
        this.pairs = large ? new long[1024] : null;
        for (int k = 0; k < count; k++) {
            String w = sorted.get(k);
            this.words[k] = w.toCharArray();
            bounded[k] = latinBoundaries && Scripts.isLatinKey(w);
            char c = w.charAt(0);
            if (groupCount == 0 || f[groupCount - 1] != c) {
                f[groupCount] = c;
                g[groupCount] = k;
                groupCount++;
            }
            m |= 1L << c;
            min = Math.min(min, w.length());
            if (large && w.length() == 1) {
                singles[c >>> 6] |= 1L << c;
            } else if (large) {
                int h = pair(c, w.charAt(1));
                pairs[h >>> 6] |= 1L << h;
            }
        }
        g[groupCount] = count;
        this.firsts = Arrays.copyOf(f, groupCount);
        this.groups = Arrays.copyOf(g, groupCount + 1);
        this.mask = m;
        this.minLength = min;
    }

    /** A 16-bit hash of two characters; distinct for any two pairs of ASCII letters. */
    private static int pair(char a, char b) {
        return (a * 0x3B1 + b) & 0xFFFF;
    }

    /** Whether some word lies entirely within {@code [lo, hi)} of {@code t}. */
    boolean containsAny(char[] t, int lo, int hi) {
        if (hasEmpty && lo <= hi) {
            return true;
        }
        return scan(t, lo, hi - minLength, hi);
    }

    /**
     * Whether some word starts within {@code [lo, startLimit)} of {@code t} and ends at or before
     * {@code hi}.
     */
    boolean containsAny(char[] t, int lo, int startLimit, int hi) {
        if (hasEmpty && lo < startLimit && lo <= hi) {
            return true;
        }
        return scan(t, lo, Math.min(startLimit - 1, hi - minLength), hi);
    }

    /** Whether some word starts within {@code [lo, last]} and ends at or before {@code hi}. */
    private boolean scan(char[] t, int lo, int last, int hi) {
        if (singles != null) {
            for (int i = Math.max(lo, 0); i <= last; i++) {
                char c = t[i];
                boolean may = (singles[c >>> 6] & (1L << c)) != 0;
                if (!may && i + 1 < hi) {
                    int h = pair(c, t[i + 1]);
                    may = (pairs[h >>> 6] & (1L << h)) != 0;
                }
                if (may && matchesAt(t, i, hi)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = Math.max(lo, 0); i <= last; i++) {
            if ((mask & (1L << t[i])) != 0 && matchesAt(t, i, hi)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some word starts at {@code i} and ends at or before {@code hi}. */
    private boolean matchesAt(char[] t, int i, int hi) {
        int g = Arrays.binarySearch(firsts, t[i]);
        if (g < 0) {
            return false;
        }
        for (int k = groups[g]; k < groups[g + 1]; k++) {
            char[] w = words[k];
            int n = w.length;
            if (i + n <= hi && sameAt(w, t, i) && (!bounded[k] || onBoundaries(t, i, n))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code w} occurs at {@code i} of {@code t} (its first character already does). */
    private static boolean sameAt(char[] w, char[] t, int i) {
        for (int j = 1; j < w.length; j++) {
            if (w[j] != t[i + j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean onBoundaries(char[] t, int i, int n) {
        boolean left = i == 0 || !Scripts.isWordChar(t[i - 1]);
        return left && (i + n >= t.length || !Scripts.isWordChar(t[i + n]));
    }
}
