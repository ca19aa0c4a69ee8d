package io.newspulse.jobs.story;

import io.newspulse.common.story.SimHash;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Uids and names of the story operators. A released uid is never renamed: savepoints map state to
 * operators by uid.
 */
public final class StoryOperators {
    /** Drops redelivered article ids. */
    public static final String EXACT_ID = "story-exact-id";

    /** Wraps each unique article as a {@link StoryCandidate} of its own story. */
    public static final String CANDIDATES = "story-candidates";

    /** Prefix of the near-duplicate band operators; the band index is appended. */
    public static final String NEAR_DUPLICATE_BAND_PREFIX = "story-near-dup-band-";

    /** {@code story-near-dup-band-0} to {@code -3}, by band index. */
    public static final List<String> NEAR_DUPLICATE_BANDS =
            IntStream.range(0, SimHash.BANDS)
                    .mapToObj(b -> NEAR_DUPLICATE_BAND_PREFIX + b)
                    .toList();

    /** Unwraps the articles from their {@link StoryCandidate}s after the last band. */
    public static final String ASSIGNED = "story-assigned";

    /** Counts the copies of a story and sets novelty. */
    public static final String NOVELTY = "story-novelty";

    private StoryOperators() {}

    /** Uid and name of band {@code b}'s near-duplicate operator. */
    public static String nearDuplicateBand(int b) {
        return NEAR_DUPLICATE_BANDS.get(b);
    }
}
