package io.newspulse.jobs.story;

import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.story.StoryAssigner;
import io.newspulse.common.story.StoryAssignment;

/**
 * An article on its way through the near-duplicate band stages, with the start of the story it
 * currently belongs to. The start travels with the article because a band's bucket may never have
 * seen the story an earlier band chose, yet must still tell whether a story it does know started
 * earlier. A record of Flink-serialisable fields, so it goes through the POJO serializer.
 *
 * @param article the article; its story id, duplicate flag and kind are the story so far
 * @param storyStart event time (epoch ms) of the first article of {@code article.storyId()}
 */
public record StoryCandidate(EnrichedArticle article, long storyStart) {

    /** An article that has not joined a story yet: its own story, starting at its event time. */
    public static StoryCandidate of(EnrichedArticle article) {
        return new StoryCandidate(
                article.withStory(article.id(), false, null, article.novelty()),
                article.eventTimeMillis());
    }

    /** The article's current story, as {@link StoryAssigner} takes it. */
    public StoryAssignment story() {
        return new StoryAssignment(
                article.storyId(), storyStart, article.duplicate(), article.duplicateKind());
    }

    /** A candidate moved to story {@code a}. */
    public StoryCandidate withStory(StoryAssignment a) {
        return new StoryCandidate(
                article.withStory(a.storyId(), a.duplicate(), a.duplicateKind(), article.novelty()),
                a.storyStartMillis());
    }
}
