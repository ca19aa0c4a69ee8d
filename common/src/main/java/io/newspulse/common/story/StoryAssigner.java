package io.newspulse.common.story;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides, for one SimHash band, which story an article belongs to.
 *
 * <p>An article arrives carrying its own id as story id (no match yet) or a story found by an
 * earlier band. A match in this band's bucket is joined when the article has no story yet. When it
 * already carries a different story, the earliest one wins: story start (event time of the story's
 * first article, then the smaller id). The carried story's start is only known if this bucket holds
 * a fingerprint of it; when it does not, the earlier band's decision stands. That can only happen
 * for an article close to two stories that are not close to each other (a chain), where either
 * answer is defensible.
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
     * @param articleId the article's id
     * @param eventTimeMillis the article's event time
     * @param simhash the article's SimHash (not 0)
     * @param contentHash the article's content hash
     * @param carriedStoryId story id the article arrives with
     * @param carriedKind duplicate kind the article arrives with
     * @param bucket this band's fingerprints for the article's band value
     * @param nowMillis processing time
     */
    public StoryAssignment assign(
            String articleId,
            long eventTimeMillis,
            long simhash,
            String contentHash,
            String carriedStoryId,
            String carriedKind,
            FingerprintBucket bucket,
            long nowMillis) {
        Optional<StoryMatch> found =
                bucket.earliestMatch(
                        simhash,
                        contentHash,
                        eventTimeMillis,
                        maxDistance,
                        ttlMillis,
                        nowMillis,
                        ttlMillis);
        boolean ownStory = carriedStoryId.equals(articleId);
        OptionalLong carriedStart =
                ownStory
                        ? OptionalLong.of(eventTimeMillis)
                        : bucket.storyStart(carriedStoryId, nowMillis, ttlMillis);
        StoryAssignment kept =
                new StoryAssignment(
                        carriedStoryId,
                        carriedStart.orElse(eventTimeMillis),
                        !ownStory,
                        carriedKind);
        if (found.isEmpty()) {
            return kept;
        }
        StoryMatch m = found.get();
        if (m.storyId().equals(carriedStoryId)) {
            boolean content = m.sameContent() || CONTENT.equals(carriedKind);
            return new StoryAssignment(
                    carriedStoryId,
                    Math.min(m.storyStartMillis(), kept.storyStartMillis()),
                    !ownStory,
                    ownStory ? null : (content ? CONTENT : NEAR));
        }
        boolean switchStory =
                ownStory
                        || (carriedStart.isPresent()
                                && m.startsBefore(carriedStoryId, carriedStart.getAsLong()));
        if (!switchStory) {
            return kept;
        }
        return new StoryAssignment(
                m.storyId(), m.storyStartMillis(), true, m.sameContent() ? CONTENT : NEAR);
    }
}
