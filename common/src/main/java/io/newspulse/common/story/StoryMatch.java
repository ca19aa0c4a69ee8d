package io.newspulse.common.story;

/**
 * The earliest story a fingerprint is close to.
 *
 * @param storyId the story's id (its first article's id)
 * @param storyStartMillis event time (epoch ms) of the story's first article
 * @param sameContent true when one of the story's matching fingerprints has the identical content
 *     hash
 */
public record StoryMatch(String storyId, long storyStartMillis, boolean sameContent) {

    /** True when this story started before {@code otherStart}; equal starts by the smaller id. */
    public boolean startsBefore(String otherId, long otherStart) {
        return storyStartMillis != otherStart
                ? storyStartMillis < otherStart
                : storyId.compareTo(otherId) < 0;
    }
}
