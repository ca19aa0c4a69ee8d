package io.newspulse.jobs.signals;

import io.newspulse.common.text.Hash64;
import java.util.Arrays;

/**
 * Ids seen in one window of one key, each with a {@code long} and an {@code int} value, in dense
 * primitive arrays: the window state checkpoints as three arrays rather than a map of strings per
 * id. An id is kept as its 64-bit hash ({@link Hash64}; two distinct ids of one window and key
 * share a hash with a probability of about n² / 2^65, negligible at any window size). Lookups go
 * through a transient open-addressing index, rebuilt after the table is read back from a
 * checkpoint.
 *
 * <p>A Flink POJO: public fields and a public no-argument constructor, serialised by the POJO
 * serializer with primitive-array serializers.
 */
public final class IdTable {
    /** Hashes of the ids, in insertion order; {@code size} of them are in use. */
    public long[] keys = new long[4];

    /** First value per id. */
    public long[] longs = new long[4];

    /** Second value per id. */
    public int[] ints = new int[4];

    /** Ids in the table. */
    public int size;

    /** Position + 1 of each key by hash, 0 for a free slot; null until first needed. */
    private transient int[] index;

    /** The hash under which {@code id} is kept. */
    public static long key(String id) {
        return Hash64.of(id == null ? "" : id);
    }

    /** Position of {@code key}, or -1. */
    public int find(long key) {
        int[] idx = index();
        int mask = idx.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            int p = idx[slot];
            if (p == 0) {
                return -1;
            }
            if (keys[p - 1] == key) {
                return p - 1;
            }
        }
    }

    /** Adds {@code key} with the two values, or overwrites its values when present. */
    public void put(long key, long first, int second) {
        int at = find(key);
        if (at < 0) {
            at = append(key);
        }
        longs[at] = first;
        ints[at] = second;
    }

    /** Adds {@code key} with the two values when absent; returns whether it was added. */
    public boolean putIfAbsent(long key, long first, int second) {
        if (find(key) >= 0) {
            return false;
        }
        int at = append(key);
        longs[at] = first;
        ints[at] = second;
        return true;
    }

    private int append(long key) {
        if (size == keys.length) {
            int capacity = Math.max(4, size + (size >> 1));
            keys = Arrays.copyOf(keys, capacity);
            longs = Arrays.copyOf(longs, capacity);
            ints = Arrays.copyOf(ints, capacity);
        }
        int at = size++;
        keys[at] = key;
        if (2 * size > index.length) {
            index = null; // rebuilt, larger, on the next lookup
        } else {
            insert(index, key, at);
        }
        return at;
    }

    private int[] index() {
        if (index == null) {
            int capacity = Integer.highestOneBit(Math.max(8, 4 * size) - 1) << 1;
            int[] idx = new int[capacity];
            for (int i = 0; i < size; i++) {
                insert(idx, keys[i], i);
            }
            index = idx;
        }
        return index;
    }

    private static void insert(int[] idx, long key, int position) {
        int mask = idx.length - 1;
        int slot = spread(key) & mask;
        while (idx[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        idx[slot] = position + 1;
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }
}
