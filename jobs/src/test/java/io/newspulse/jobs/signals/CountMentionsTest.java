package io.newspulse.jobs.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.StoryRef;
import io.newspulse.common.model.WindowAggregate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

/** Window totals: each article and story once, whatever is redelivered, copied or restored. */
class CountMentionsTest {
    private static final TimeWindow WINDOW = new TimeWindow(0, 60_000);
    private final CountMentions counter = new CountMentions();

    private static MentionEvent event(
            String article,
            String story,
            boolean duplicate,
            String source,
            String language,
            double tone,
            int relevance,
            int moves,
            Double percent) {
        return new MentionEvent(
                "entity:tencent",
                "entity",
                "tencent",
                "company",
                "Tencent",
                article,
                story,
                duplicate,
                source,
                language,
                tone,
                relevance,
                "title " + article,
                "https://x/" + article,
                moves,
                percent,
                1_000,
                2_000);
    }

    private static List<MentionEvent> feed() {
        return List.of(
                event("a1", "s1", false, "wire", "zh-Hans", 0.5, 80, 1, 5.3),
                event("a2", "s1", true, "portal", "zh-Hans", -0.9, 10, 1, 5.1),
                event("a3", "s3", false, "wire", "en", -0.2, 95, 0, null),
                event("a1", "s1", false, "wire", "zh-Hans", 0.5, 80, 1, 5.3), // redelivery
                event("a4", "s4", false, "blog", null, 0.1, 30, 2, 7.5),
                event("a5", "s4", true, "wire", "ar", 0.9, 99, 0, null));
    }

    @Test
    void countsEachArticleAndStoryOnceAndKeepsTheFirstCopysTone() {
        MentionAccumulator acc = counter.createAccumulator();
        feed().forEach(e -> counter.add(e, acc));
        WindowAggregate w = EmitWindowAggregate.aggregate(acc, WINDOW, 1);

        assertThat(w.articles()).isEqualTo(5);
        assertThat(w.stories()).isEqualTo(3);
        assertThat(w.sources()).isEqualTo(3);
        assertThat(w.languages()).isEqualTo(Map.of("zh-Hans", 2L, "en", 1L, "other", 1L, "ar", 1L));
        assertThat(w.moves()).isEqualTo(4);
        assertThat(w.maxMovePercent()).isEqualTo(7.5);
        // first copies: s1 0.5, s3 -0.2, s4 0.1
        assertThat(w.avgTone()).isEqualTo(0.133);
        // by the first copy's relevance: s3 95, s1 80, s4 30
        assertThat(w.topStories()).extracting(StoryRef::id).containsExactly("a3", "a1", "a4");
    }

    @Test
    void mergeEqualsAddingEverythingToOneAccumulator() {
        List<MentionEvent> feed = feed();
        MentionAccumulator whole = counter.createAccumulator();
        feed.forEach(e -> counter.add(e, whole));
        MentionAccumulator left = counter.createAccumulator();
        MentionAccumulator right = counter.createAccumulator();
        for (int i = 0; i < feed.size(); i++) {
            counter.add(feed.get(i), i < 3 ? left : right);
        }
        assertThat(EmitWindowAggregate.aggregate(counter.merge(left, right), WINDOW, 1))
                .isEqualTo(EmitWindowAggregate.aggregate(whole, WINDOW, 1));
    }

    @Test
    void aRestoredAccumulatorIsAPojoThatCountsOnWhereItStopped() throws Exception {
        TypeInformation<MentionAccumulator> type = TypeInformation.of(MentionAccumulator.class);
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<MentionAccumulator> serializer =
                type.createSerializer(new SerializerConfigImpl());
        MentionAccumulator acc = counter.createAccumulator();
        for (int i = 0; i < 1_000; i++) {
            counter.add(
                    event("b" + i, "t" + (i / 2), i % 2 == 1, "wire", "en", 0, i % 100, 1, null),
                    acc);
        }
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(acc, out);
        MentionAccumulator back =
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        MentionAccumulator copy = serializer.copy(acc);
        for (MentionAccumulator restored : List.of(back, copy)) {
            // every article of before is known; one more is new
            for (int i = 0; i < 1_000; i++) {
                counter.add(
                        event(
                                "b" + i,
                                "t" + (i / 2),
                                i % 2 == 1,
                                "wire",
                                "en",
                                0,
                                i % 100,
                                1,
                                null),
                        restored);
            }
            counter.add(event("new", "new", false, "wire", "en", 0, 1, 1, null), restored);
            WindowAggregate w = EmitWindowAggregate.aggregate(restored, WINDOW, 2);
            assertThat(w.articles()).isEqualTo(1_001);
            assertThat(w.stories()).isEqualTo(501);
            assertThat(w.moves()).isEqualTo(1_001);
        }
        // the copy is deep: the original did not see the new article
        assertThat(EmitWindowAggregate.aggregate(acc, WINDOW, 1).articles()).isEqualTo(1_000);
    }
}
