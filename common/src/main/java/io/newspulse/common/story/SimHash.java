package io.newspulse.common.story;

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

    /** The SimHash of a folded text; 0 for a text without features. */
    public static long of(String folded) {
        int[] votes = new int[64];
        int n = folded.length();
        int i = 0;
        boolean any = false;
        while (i < n) {
            char c = folded.charAt(i);
            if (isHan(c)) {
                if (i + 1 < n && isHan(folded.charAt(i + 1))) {
                    vote(votes, hash(folded, i, i + 2));
                    any = true;
                }
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n
                        && Character.isLetterOrDigit(folded.charAt(i))
                        && !isHan(folded.charAt(i))) {
                    i++;
                }
                vote(votes, hash(folded, start, i));
                any = true;
            } else {
                i++;
            }
        }
        if (!any) {
            return 0L;
        }
        long h = 0;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                h |= 1L << b;
            }
        }
        return h;
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Band {@code index} (0 to {@link #BANDS} - 1) of a hash: 16 bits. */
    public static int band(long hash, int index) {
        return (int) ((hash >>> (16 * index)) & 0xFFFF);
    }

    private static void vote(int[] votes, long h) {
        for (int b = 0; b < 64; b++) {
            votes[b] += ((h >>> b) & 1L) == 1L ? 1 : -1;
        }
    }

    /** FNV-1a over the chars, finished with the SplitMix64 mixer for well-spread bits. */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static boolean isHan(char c) {
        return c >= '\u3400' && c <= '\u9fff';
    }
}
