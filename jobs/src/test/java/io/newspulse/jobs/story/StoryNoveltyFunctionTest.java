package io.newspulse.jobs.story;

import static io.newspulse.jobs.story.StoryArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newspulse.common.model.EnrichedArticle;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryNoveltyFunctionTest {
    private static final long TTL = Duration.ofHours(48).toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, EnrichedArticle, EnrichedArticle>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new StoryNoveltyFunction(Duration.ofHours(48)),
                        StoryNoveltyFunction.storyKey(),
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static EnrichedArticle copy(String id, String story, String kind) {
        return article(id, StoryArticles.EN_TITLE, StoryArticles.EN, 0)
                .withStory(story, kind != null, kind, 1.0);
    }

    @Test
    void noveltyHalvesWithEachCopyAndTheFirstStaysAnOriginal() throws Exception {
        harness.processElement(copy("s", "s", null), 0);
        harness.processElement(copy("c1", "s", "content"), 0);
        harness.processElement(copy("other", "other", null), 0);
        harness.processElement(copy("c2", "s", "near"), 0);

        assertThat(harness.extractOutputValues())
                .extracting(
                        EnrichedArticle::id,
                        EnrichedArticle::duplicate,
                        EnrichedArticle::duplicateKind,
                        EnrichedArticle::novelty)
                .containsExactly(
                        tuple("s", false, null, 1.0),
                        tuple("c1", true, "content", 0.5),
                        tuple("other", false, null, 1.0),
                        tuple("c2", true, "near", 0.25));
    }

    @Test
    void storyIsForgottenTtlAfterItsLatestCopy() throws Exception {
        harness.processElement(copy("s", "s", null), 0);
        harness.setProcessingTime(10_000);
        harness.processElement(copy("c1", "s", "near"), 0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(TTL);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.setProcessingTime(10_000 + TTL);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();

        harness.processElement(copy("c2", "s", "near"), 0);
        assertThat(harness.extractOutputValues().get(2).novelty()).isEqualTo(1.0);
    }
}
