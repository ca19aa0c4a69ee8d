package io.newspulse.jobs.story;

import static io.newspulse.jobs.story.StoryArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.EnrichedArticle;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExactIdDedupFunctionTest {
    private static final long TTL = Duration.ofHours(48).toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, EnrichedArticle, EnrichedArticle>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new ExactIdDedupFunction(Duration.ofHours(48)),
                        ExactIdDedupFunction.idKey(),
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void redeliveredIdGoesToTheSideOutput() throws Exception {
        EnrichedArticle a = article("a-1", StoryArticles.EN_TITLE, StoryArticles.EN, 0);
        EnrichedArticle b = article("b-1", StoryArticles.EN_TITLE, StoryArticles.EN, 1);
        harness.processElement(a, 0);
        harness.processElement(b, 0);
        harness.setProcessingTime(1000);
        harness.processElement(a, 0);

        assertThat(harness.extractOutputValues())
                .extracting(EnrichedArticle::id)
                .containsExactly("a-1", "b-1");
        assertThat(harness.getSideOutput(ExactIdDedupFunction.DUPLICATES))
                .extracting(StreamRecord::getValue)
                .containsExactly(a);
    }

    @Test
    void replayOfOldNewsIsStillADuplicate() throws Exception {
        EnrichedArticle old =
                article("old", StoryArticles.EN_TITLE, StoryArticles.EN, -10 * 24 * 60);
        harness.processElement(old, old.eventTimeMillis());
        harness.processWatermark(Long.MAX_VALUE - 1);
        harness.setProcessingTime(TTL - 1);
        harness.processElement(old, old.eventTimeMillis());

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.getSideOutput(ExactIdDedupFunction.DUPLICATES)).hasSize(1);
    }

    @Test
    void stateAndTimerAreReleasedAfterTheTtl() throws Exception {
        EnrichedArticle a = article("a-1", StoryArticles.EN_TITLE, StoryArticles.EN, 0);
        harness.processElement(a, 0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.setProcessingTime(TTL - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.setProcessingTime(TTL);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();

        // Forgotten: the same id passes again and is remembered afresh.
        harness.processElement(a, 0);
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    }
}
