package io.newspulse.common.text;

/**
 * A fast 64-bit hash of characters: FNV-1a over the UTF-16 units, finished with the SplitMix64
 * mixer so that every output bit depends on every input unit. Not cryptographic; collisions among n
 * distinct inputs have a probability of about n² / 2^65.
 */
public final class Hash64 {
    private Hash64() {}

    /** The hash of {@code s}. */
    public static long of(CharSequence s) {
        return of(s, 0, s.length());
    }

    /** The hash of {@code s} from {@code from} (inclusive) to {@code to} (exclusive). */
    public static long of(CharSequence s, int from, int to) {
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
}
