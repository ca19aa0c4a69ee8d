package io.newspulse.evaluation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts occurrences of strings, for error patterns and top-entity lists. */
public final class Tally {
    private final Map<String, Integer> counts = new HashMap<>();
    private int total;

    /** Counts one occurrence of {@code key}. */
    public void add(String key) {
        counts.merge(key, 1, Integer::sum);
        total++;
    }

    /** Occurrences counted so far. */
    public int total() {
        return total;
    }

    /** Distinct keys counted so far. */
    public int distinct() {
        return counts.size();
    }

    /** Count of one key. */
    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    /** The {@code n} most frequent keys, most frequent first, ties by key. */
    public List<Map.Entry<String, Integer>> top(int n) {
        return counts.entrySet().stream()
                .sorted(
                        Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                                .reversed()
                                .thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }
}
