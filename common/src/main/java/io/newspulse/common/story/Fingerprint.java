package io.newspulse.common.story;

/**
 * One article's entry in a near-duplicate bucket.
 *
 * @param simhash the article's {@link SimHash}
 * @param contentHash the article's {@link ContentHash}
 * @param storyId the story the article was assigned to when it was registered
 * @param storyStartMillis event time (epoch ms) of the story's first article
 * @param eventTimeMillis the article's own event time (epoch ms)
 * @param registeredAtMillis processing time (epoch ms) the entry was added; it expires from here
 */
public record Fingerprint(
        long simhash,
        String contentHash,
        String storyId,
        long storyStartMillis,
        long eventTimeMillis,
        long registeredAtMillis) {}
