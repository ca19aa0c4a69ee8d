package io.newspulse.common.tag;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Marks the paragraphs whose mentions must not count: page furniture (disclaimers, share buttons,
 * "view original") and second and later copies of the same paragraph.
 *
 * <p>Paragraphs are the runs between '\n' characters, compared with surrounding white space
 * stripped. The boilerplate cues ({@link TaggerRules#boilerplate}) are found by the tagger's
 * automaton, which holds them as extra keys; this class only places them in paragraphs. Works on
 * index ranges: no paragraph is copied.
 */
final class ParagraphFilter {
    /** Paragraphs shorter than this are never treated as copies (headings, bylines repeat). */
    private static final int MIN_COPY_LENGTH = 12;

    /** Longer paragraphs are boilerplate only when the cue opens them. */
    private static final int SHORT_PARAGRAPH = 300;

    private static final int CUE_NEAR_START = 40;

    /**
     * Positions of the normalised text {@code t} inside excluded paragraphs.
     *
     * @param cueBegins starts of the cue occurrences in {@code t}
     * @param cueEnds their ends (exclusive), in non-decreasing order
     * @param cues how many cue occurrences there are
     */
    BitSet excluded(char[] t, int[] cueBegins, int[] cueEnds, int cues) {
        BitSet out = new BitSet();
        int n = t.length;
        Seen seen = null;
        int cue = 0;
        int start = 0;
        while (true) {
            int end = start;
            while (end < n && t[end] != '\n') {
                end++;
            }
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(t[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(t[to - 1])) {
                to--;
            }
            // A cue counts when it lies inside the stripped paragraph; in a long paragraph it
            // must also start within its first CUE_NEAR_START characters.
            int lastStart = to - from < SHORT_PARAGRAPH ? to : from + CUE_NEAR_START;
            boolean exclude = false;
            for (; cue < cues && cueEnds[cue] <= end; cue++) {
                int b = cueBegins[cue];
                exclude |= b >= from && b < lastStart && cueEnds[cue] <= to;
            }
            if (from < to) {
                // The only paragraph of a text cannot repeat an earlier one.
                if (!exclude && to - from >= MIN_COPY_LENGTH && (start > 0 || end < n)) {
                    if (seen == null) {
                        seen = new Seen();
                    }
                    exclude = !seen.add(t, from, to);
                }
                if (exclude) {
                    out.set(start, end);
                }
            }
            if (end == n) {
                break;
            }
            start = end + 1;
        }
        return out;
    }

    /** Paragraph ranges seen so far in one text, hashed by content. */
    private static final class Seen {
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int[] hashes = new int[16];
        private boolean[] used = new boolean[16];
        private int size;

        /** Adds the content of {@code [from, to)}; false if the same content was already added. */
        boolean add(char[] t, int from, int to) {
            int h = hash(t, from, to);
            int mask = used.length - 1;
            int slot = mix(h) & mask;
            while (used[slot]) {
                if (hashes[slot] == h && Arrays.equals(t, starts[slot], ends[slot], t, from, to)) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            starts[slot] = from;
            ends[slot] = to;
            hashes[slot] = h;
            if (++size * 2 > used.length) {
                grow();
            }
            return true;
        }

        private void grow() {
            int[] oldStarts = starts;
            int[] oldEnds = ends;
            int[] oldHashes = hashes;
            boolean[] oldUsed = used;
            int capacity = oldUsed.length * 2;
            starts = new int[capacity];
            ends = new int[capacity];
            hashes = new int[capacity];
            used = new boolean[capacity];
            int mask = capacity - 1;
            for (int k = 0; k < oldUsed.length; k++) {
                if (oldUsed[k]) {
                    int slot = mix(oldHashes[k]) & mask;
                    while (used[slot]) {
                        slot = (slot + 1) & mask;
                    }
                    used[slot] = true;
                    starts[slot] = oldStarts[k];
                    ends[slot] = oldEnds[k];
                    hashes[slot] = oldHashes[k];
                }
            }
        }

        /**
         * The whole content: a hash of a few characters would let many paragraphs that differ only
         * in the middle collide, each compared in full with all the others.
         */
        private static int hash(char[] t, int from, int to) {
            int h = to - from;
            for (int i = from; i < to; i++) {
                h = 31 * h + t[i];
            }
            return h;
        }

        private static int mix(int h) {
            return h ^ (h >>> 16);
        }
    }
}
