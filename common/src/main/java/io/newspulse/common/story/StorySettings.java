package io.newspulse.common.story;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of the story stages.
 *
 * @param ttl how long an article id, a fingerprint and a story's copy count are remembered
 *     (processing time; a story's count from its latest copy). Also the largest event-time gap
 *     between an article and a fingerprint it may join.
 * @param maxPerBucket fingerprints kept per SimHash band value and band, oldest evicted first.
 * @param maxDistance largest SimHash Hamming distance that joins a story. Up to {@code
 *     SimHash.BANDS - 1} every such pair shares a band, above that only pairs that happen to share
 *     a band are found.
 */
public record StorySettings(Duration ttl, int maxPerBucket, int maxDistance)
        implements Serializable {

    /**
     * Largest accepted {@code maxDistance}: unrelated but templated market reports were measured 10
     * bits apart (SimHashEditRecallTest).
     */
    public static final int MAX_DISTANCE_LIMIT = 8;

    /** Returns this after checking every value; throws {@link IllegalArgumentException}. */
    public StorySettings validate() {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("story ttl must be positive, got " + ttl);
        }
        if (maxPerBucket < 1) {
            throw new IllegalArgumentException(
                    "story maxPerBucket must be at least 1, got " + maxPerBucket);
        }
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE_LIMIT) {
            throw new IllegalArgumentException(
                    "story maxDistance must be 0.."
                            + MAX_DISTANCE_LIMIT
                            + " bits, got "
                            + maxDistance);
        }
        return this;
    }

    /** {@link #ttl} in milliseconds. */
    public long ttlMillis() {
        return ttl.toMillis();
    }
}
