package io.newspulse.common.story;

/**
 * The story an article belongs to after one near-duplicate band, as handed to the next band.
 *
 * @param storyId story id (the story's first article's id)
 * @param storyStartMillis event time (epoch ms) of the story's first article
 * @param duplicate true when the article joined an earlier story
 * @param duplicateKind null, {@link StoryAssigner#CONTENT} or {@link StoryAssigner#NEAR}
 */
public record StoryAssignment(
        String storyId, long storyStartMillis, boolean duplicate, String duplicateKind) {

    /** An article that has not joined any story: its own story, starting at its event time. */
    public static StoryAssignment own(String articleId, long eventTimeMillis) {
        return new StoryAssignment(articleId, eventTimeMillis, false, null);
    }
}
