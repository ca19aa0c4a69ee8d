package io.newspulse.common.story;

import java.util.Optional;

/**
 * Decides, for one SimHash band, which story an article belongs to.
 *
 * <p>An article arrives carrying its current story: its own (no match yet) or one an earlier band
 * found, always with that story's start (event time of the story's first article). A match in this
 * band's bucket is joined when the article has no story yet. When it already carries a different
 * story, the earliest one wins: story start, then the smaller id. Because the start travels with
 * the article, a band whose bucket has never seen the carried story can still compare: an article
 * that an earlier band put into a later-starting story (say the story of a copy whose own match was
 * only found in a later band) moves to the earlier story as soon as any band sees it.
 */
public final class StoryAssigner {
    /** {@code duplicateKind} of a copy with identical folded text. */
    public static final String CONTENT = "content";

    /** {@code duplicateKind} of a syndicated or lightly edited copy. */
    public static final String NEAR = "near";

    private final int maxDistance;
    private final long ttlMillis;

    /**
     * @param maxDistance largest SimHash distance that joins a story
     * @param ttlMillis how long a fingerprint is kept; also the largest event-time gap between an
     *     article and a fingerprint it may join
     */
    public StoryAssigner(int maxDistance, long ttlMillis) {
        this.maxDistance = maxDistance;
        this.ttlMillis = ttlMillis;
    }

    /**
     * The article's story after this band.
     *
     * @param eventTimeMillis the article's event time
     * @param simhash the article's SimHash (not 0)
     * @param contentHash the article's content hash
     * @param carried the story the article arrives with: {@link StoryAssignment#own} before any
     *     match, else what the previous band returned
     * @param bucket this band's fingerprints for the article's band value
     * @param nowMillis processing time
     */
    public StoryAssignment assign(
            long eventTimeMillis,
            long simhash,
            String contentHash,
            StoryAssignment carried,
            FingerprintBucket bucket,
            long nowMillis) {
        Optional<StoryMatch> found =
                bucket.earliestMatch(
                        simhash,
                        Fingerprint.contentKey(contentHash),
                        eventTimeMillis,
                        maxDistance,
                        ttlMillis,
                        nowMillis,
                        ttlMillis);
        if (found.isEmpty()) {
            return carried;
        }
        StoryMatch m = found.get();
        boolean ownStory = !carried.duplicate();
        if (m.storyId().equals(carried.storyId())) {
            boolean content = m.sameContent() || CONTENT.equals(carried.duplicateKind());
            return new StoryAssignment(
                    carried.storyId(),
                    Math.min(m.storyStartMillis(), carried.storyStartMillis()),
                    !ownStory,
                    ownStory ? null : (content ? CONTENT : NEAR));
        }
        // An article without a story joins the match even when it is older than the story's first
        // article (out-of-order delivery): the story was there first.
        if (!ownStory && !m.startsBefore(carried.storyId(), carried.storyStartMillis())) {
            return carried;
        }
        return new StoryAssignment(
                m.storyId(), m.storyStartMillis(), true, m.sameContent() ? CONTENT : NEAR);
    }
}
