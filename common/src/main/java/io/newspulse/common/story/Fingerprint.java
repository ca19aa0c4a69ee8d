package io.newspulse.common.story;

import io.newspulse.common.text.Hash64;

/**
 * One article's entry in a near-duplicate bucket.
 *
 * @param simhash the article's {@link SimHash}
 * @param contentKey 64-bit key of the article's {@link ContentHash} ({@link #contentKey}; 0 for
 *     none): checkpointed with every entry of every band, so a long rather than the 64-character
 *     hex string
 * @param storyId the story the article was assigned to when it was registered
 * @param storyStartMillis event time (epoch ms) of the story's first article
 * @param eventTimeMillis the article's own event time (epoch ms)
 * @param registeredAtMillis processing time (epoch ms) the entry was added; it expires from here
 */
public record Fingerprint(
        long simhash,
        long contentKey,
        String storyId,
        long storyStartMillis,
        long eventTimeMillis,
        long registeredAtMillis) {

    /**
     * The key of a content hash: its {@link Hash64}, never 0; 0 for null. Two different contents
     * share a key with a probability of about 2^-64 per pair compared.
     */
    public static long contentKey(String contentHash) {
        if (contentHash == null) {
            return 0L;
        }
        long h = Hash64.of(contentHash);
        return h == 0L ? 1L : h;
    }
}
