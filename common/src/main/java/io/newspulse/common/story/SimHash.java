package io.newspulse.common.story;

import io.newspulse.common.text.Hash64;

/**
 * 64-bit SimHash of folded text for near-duplicate detection.
 *
 * <p>Features are Latin and Arabic words and Chinese character bigrams, so the same story in
 * traditional and simplified script (folded to one script by the normaliser) and with small edits
 * lands within a few bits. Two texts are near-duplicates when {@link #distance} is at most {@link
 * #NEAR_DUPLICATE_BITS}; splitting the hash into {@link #BANDS} bands of 16 bits guarantees that
 * such a pair shares at least one band exactly (pigeonhole), which is what the streaming
 * near-duplicate stages key on.
 */
public final class SimHash {
    /** Number of bands the hash is split into for lookup. */
    public static final int BANDS = 4;

    /** Largest Hamming distance that still counts as the same story. */
    public static final int NEAR_DUPLICATE_BITS = 3;

    private SimHash() {}

    /**
     * The SimHash of a folded text; 0 for a text without features. Bit {@code b} is set when more
     * than half of the features' hashes have it set. Cost: one pass over the text, and per feature
     * its hash and an add into bit-sliced counters (amortised two word operations), not 64 steps.
     */
    public static long of(String folded) {
        BitCounters ones = new BitCounters();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            char c = folded.charAt(i);
            if (isHan(c)) {
                if (i + 1 < n && isHan(folded.charAt(i + 1))) {
                    ones.add(Hash64.of(folded, i, i + 2));
                }
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n
                        && Character.isLetterOrDigit(folded.charAt(i))
                        && !isHan(folded.charAt(i))) {
                    i++;
                }
                ones.add(Hash64.of(folded, start, i));
            } else {
                i++;
            }
        }
        return ones.majority();
    }

    /**
     * Sixty-four counters of set bits, one per bit position, kept bit-sliced: plane {@code j} holds
     * bit {@code j} of every counter, so adding a hash is a binary increment of all 64 counters at
     * once whose carry stops after two planes on average.
     */
    static final class BitCounters {
        private final long[] planes = new long[32];
        private int used;
        private int total;

        void add(long h) {
            long carry = h;
            for (int j = 0; carry != 0; j++) {
                long next = planes[j] & carry;
                planes[j] ^= carry;
                carry = next;
                if (j == used) {
                    used++;
                }
            }
            total++;
        }

        /** Bits set in more than half of the hashes added; 0 when none was added. */
        long majority() {
            long h = 0;
            for (int b = 0; b < 64; b++) {
                int count = 0;
                for (int j = 0; j < used; j++) {
                    count |= (int) ((planes[j] >>> b) & 1L) << j;
                }
                if (2L * count > total) {
                    h |= 1L << b;
                }
            }
            return h;
        }
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Band {@code index} (0 to {@link #BANDS} - 1) of a hash: 16 bits. */
    public static int band(long hash, int index) {
        return (int) ((hash >>> (16 * index)) & 0xFFFF);
    }

    static boolean isHan(char c) {
        return c >= '\u3400' && c <= '\u9fff';
    }
}
