package io.newspulse.common.moves;

import io.newspulse.common.tag.Mention;
import io.newspulse.common.text.WorkMeter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The mentions of one document by start, then end, for lookups by position: a binary search finds
 * where a position falls, and the running maximum of the ends tells a backward scan when no earlier
 * mention can reach a window any more. Each lookup charges the {@link WorkMeter} one unit, each
 * mention a scan visits one more.
 */
public final class MentionIndex {
    private final Mention[] sorted;
    private final int[] maxEnd;
    private final WorkMeter meter;

    /** Sorts {@code mentions} (any order; may overlap) and charges one unit per mention. */
    public MentionIndex(List<Mention> mentions, WorkMeter meter) {
        this.meter = meter;
        this.sorted = mentions.toArray(new Mention[0]);
        Arrays.sort(
                sorted,
                Comparator.comparingInt(Mention::normStart).thenComparingInt(Mention::normEnd));
        this.maxEnd = new int[sorted.length];
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < sorted.length; i++) {
            max = Math.max(max, sorted[i].normEnd());
            maxEnd[i] = max;
        }
        meter.charge(sorted.length);
    }

    /** How many mentions there are. */
    public int size() {
        return sorted.length;
    }

    /** The mention at index {@code i} of the sorted order. */
    public Mention get(int i) {
        return sorted[i];
    }

    /** The largest end of the mentions at indexes {@code 0..i}. */
    public int maxEndUpTo(int i) {
        return maxEnd[i];
    }

    /** Index of the first mention starting at or after {@code pos}. */
    public int firstStartingAt(int pos) {
        meter.charge(1); // a binary search counts as one lookup
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].normStart() < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether some mention overlaps {@code [start, end)}. */
    public boolean overlaps(int start, int end) {
        int k = firstStartingAt(end); // mentions [0, k) start before end
        return k > 0 && maxEnd[k - 1] > start;
    }

    /** Records a visit of one mention by a scan. */
    public void visit() {
        meter.charge(1);
    }
}
