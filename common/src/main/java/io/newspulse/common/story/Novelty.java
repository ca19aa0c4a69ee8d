package io.newspulse.common.story;

/** Novelty of the n-th copy of a story: 1.0 for the first, halving with each later copy. */
public final class Novelty {
    private Novelty() {}

    /** Novelty after {@code earlierCopies} earlier articles of the same story. */
    public static double of(long earlierCopies) {
        return earlierCopies <= 0 ? 1.0 : Math.pow(0.5, Math.min(earlierCopies, 60));
    }
}
