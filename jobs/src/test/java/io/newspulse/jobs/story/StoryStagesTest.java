package io.newspulse.jobs.story;

import static io.newspulse.jobs.story.StoryArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.story.StorySettings;
import io.newspulse.jobs.testing.MiniClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The story stages on a MiniCluster over a bounded list of articles. */
class StoryStagesTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusters.withSlots(1);

    @Test
    void assignsStoriesDropsRedeliveriesAndScoresNovelty() throws Exception {
        EnrichedArticle zh = article("zh-1", StoryArticles.ZH_TITLE, StoryArticles.ZH, 0);
        EnrichedArticle en = article("en-1", StoryArticles.EN_TITLE, StoryArticles.EN, 10);
        List<EnrichedArticle> input =
                List.of(
                        zh,
                        article("zh-2", StoryArticles.ZH_HANT_TITLE, StoryArticles.ZH_HANT, 5),
                        en,
                        article("en-2", StoryArticles.EN_TITLE, StoryArticles.EN_EDITED, 20),
                        zh,
                        article("en-3", StoryArticles.EN_TITLE, StoryArticles.EN, 25),
                        article("ar-1", StoryArticles.AR_TITLE, StoryArticles.AR, 30),
                        article("empty-1", "", "— —", 35),
                        article("zh-3", StoryArticles.ZH_TITLE, StoryArticles.ZH, 40),
                        en);

        // Parallelism 1 keeps arrival order deterministic; the key-by exchanges still serialize.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<EnrichedArticle> source =
                env.fromData(input, TypeInformation.of(EnrichedArticle.class));
        StoryStreams streams = StoryStages.apply(source, NewspulseConfig.defaults().story());

        List<EnrichedArticle> out = new ArrayList<>();
        try (CloseableIterator<EnrichedArticle> it = streams.articles().executeAndCollect()) {
            it.forEachRemaining(out::add);
        }

        assertThat(out)
                .extracting(
                        EnrichedArticle::id,
                        EnrichedArticle::storyId,
                        EnrichedArticle::duplicate,
                        EnrichedArticle::duplicateKind,
                        EnrichedArticle::novelty)
                .containsExactly(
                        tuple("zh-1", "zh-1", false, null, 1.0),
                        tuple("zh-2", "zh-1", true, "content", 0.5),
                        tuple("en-1", "en-1", false, null, 1.0),
                        tuple("en-2", "en-1", true, "near", 0.5),
                        tuple("en-3", "en-1", true, "content", 0.25),
                        tuple("ar-1", "ar-1", false, null, 1.0),
                        tuple("empty-1", "empty-1", false, null, 1.0),
                        tuple("zh-3", "zh-1", true, "content", 0.25));
    }

    @Test
    void copyOfAnArticleThatJoinedInALaterBandIsCountedInTheEarlierStory() throws Exception {
        long a = 0x0123_4567_89ab_cdefL;
        long b = a ^ 1L ^ (1L << 16); // near A, but sharing only bands 2 and 3 with it
        List<EnrichedArticle> input =
                List.of(
                        StoryArticles.synthetic("A", a, "ha", 0),
                        StoryArticles.synthetic("B", b, "hb", 3),
                        StoryArticles.synthetic("C", b, "hb", 16));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        StoryStreams streams =
                StoryStages.apply(
                        env.fromData(input, TypeInformation.of(EnrichedArticle.class)),
                        NewspulseConfig.defaults().story());
        List<EnrichedArticle> out = new ArrayList<>();
        try (CloseableIterator<EnrichedArticle> it = streams.articles().executeAndCollect()) {
            it.forEachRemaining(out::add);
        }

        assertThat(out)
                .extracting(
                        EnrichedArticle::id,
                        EnrichedArticle::storyId,
                        EnrichedArticle::duplicate,
                        EnrichedArticle::duplicateKind,
                        EnrichedArticle::novelty)
                .containsExactly(
                        tuple("A", "A", false, null, 1.0),
                        tuple("B", "A", true, "near", 0.5),
                        tuple("C", "A", true, "content", 0.25));
    }

    @Test
    void idDuplicatesComeOutOfTheSideStream() throws Exception {
        EnrichedArticle en = article("en-1", StoryArticles.EN_TITLE, StoryArticles.EN, 10);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        StoryStreams streams =
                StoryStages.apply(
                        env.fromData(
                                List.of(en, en, en), TypeInformation.of(EnrichedArticle.class)),
                        NewspulseConfig.defaults().story());
        List<String> ids = new ArrayList<>();
        try (CloseableIterator<EnrichedArticle> it = streams.idDuplicates().executeAndCollect()) {
            it.forEachRemaining(a -> ids.add(a.id()));
        }
        assertThat(ids).containsExactly("en-1", "en-1");
    }

    @Test
    void settingsAreValidated() {
        assertThat(NewspulseConfig.defaults().story())
                .isEqualTo(new StorySettings(Duration.ofHours(48), 64, 6));
        assertThatThrownBy(() -> new StorySettings(Duration.ZERO, 64, 3).validate())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorySettings(Duration.ofHours(1), 0, 3).validate())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorySettings(Duration.ofHours(1), 64, 9).validate())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StoryOperators.NEAR_DUPLICATE_BANDS)
                .containsExactly(
                        "story-near-dup-band-0",
                        "story-near-dup-band-1",
                        "story-near-dup-band-2",
                        "story-near-dup-band-3");
        assertThat(StoryOperators.EXACT_ID).isEqualTo("story-exact-id");
        assertThat(StoryOperators.NOVELTY).isEqualTo("story-novelty");
    }
}
