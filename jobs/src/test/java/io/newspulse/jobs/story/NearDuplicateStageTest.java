package io.newspulse.jobs.story;

import static io.newspulse.jobs.story.StoryArticles.article;
import static io.newspulse.jobs.story.StoryArticles.synthetic;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.story.Fingerprint;
import io.newspulse.common.story.SimHash;
import io.newspulse.common.story.StoryAssigner;
import io.newspulse.common.story.StorySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four band stages chained as in the job, each in its own harness. */
class NearDuplicateStageTest {
    private static final StorySettings SETTINGS = NewspulseConfig.defaults().story();
    private static final long TTL = SETTINGS.ttlMillis();

    private final List<
                    KeyedOneInputStreamOperatorTestHarness<Integer, StoryCandidate, StoryCandidate>>
            bands = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        open(SETTINGS);
    }

    private void open(StorySettings settings) throws Exception {
        close();
        for (int b = 0; b < SimHash.BANDS; b++) {
            bands.add(
                    ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                            new NearDuplicateStage(b, settings),
                            NearDuplicateStage.bandKey(b),
                            Types.INT));
        }
    }

    @AfterEach
    void close() throws Exception {
        for (var h : bands) {
            h.close();
        }
        bands.clear();
    }

    /** Runs one article through band 0 to 3. */
    private EnrichedArticle run(EnrichedArticle a) throws Exception {
        return runCandidate(a).article();
    }

    /** Runs one article through band 0 to 3 and returns what leaves band 3. */
    private StoryCandidate runCandidate(EnrichedArticle a) throws Exception {
        return runBands(a, SimHash.BANDS).get(SimHash.BANDS - 1);
    }

    /** Runs one article through the first {@code n} bands; what each band emitted, in order. */
    private List<StoryCandidate> runBands(EnrichedArticle a, int n) throws Exception {
        List<StoryCandidate> emitted = new ArrayList<>();
        StoryCandidate current = StoryCandidate.of(a);
        for (var h : bands.subList(0, n)) {
            int before = h.extractOutputValues().size();
            h.processElement(current, a.eventTimeMillis());
            List<StoryCandidate> out = h.extractOutputValues();
            assertThat(out).hasSize(before + 1);
            current = out.get(before);
            emitted.add(current);
        }
        return emitted;
    }

    private void setProcessingTime(long t) throws Exception {
        for (var h : bands) {
            h.setProcessingTime(t);
        }
    }

    private int stateEntries() {
        return bands.stream().mapToInt(h -> h.numKeyedStateEntries()).sum();
    }

    private int timers() {
        return bands.stream()
                .mapToInt(h -> h.numProcessingTimeTimers() + h.numEventTimeTimers())
                .sum();
    }

    @Test
    void fingerprintStateUsesThePojoSerializerNotKryo() {
        assertThat(TypeInformation.of(Fingerprint.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void storyCandidateIsAPojoThatRoundTrips() throws Exception {
        TypeInformation<StoryCandidate> type = TypeInformation.of(StoryCandidate.class);
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        StoryCandidate candidate =
                new StoryCandidate(
                        article("en-2", StoryArticles.EN_TITLE, StoryArticles.EN, 20)
                                .withStory("en-1", true, StoryAssigner.NEAR, 1.0),
                        StoryArticles.T0.toEpochMilli());
        TypeSerializer<StoryCandidate> serializer =
                type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(candidate, out);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isEqualTo(candidate);
        assertThat(serializer.copy(candidate)).isEqualTo(candidate);
    }

    @Test
    void traditionalScriptSyndicationJoinsTheSimplifiedOriginal() throws Exception {
        EnrichedArticle original = article("xinhua-1", StoryArticles.ZH_TITLE, StoryArticles.ZH, 0);
        EnrichedArticle hant =
                article("cna-7", StoryArticles.ZH_HANT_TITLE, StoryArticles.ZH_HANT, 5);
        assertThat(original.language()).isNotEqualTo(hant.language());

        EnrichedArticle first = run(original);
        EnrichedArticle copy = run(hant);

        assertThat(first.storyId()).isEqualTo("xinhua-1");
        assertThat(first.duplicate()).isFalse();
        assertThat(first.duplicateKind()).isNull();
        assertThat(copy.storyId()).isEqualTo("xinhua-1");
        assertThat(copy.duplicate()).isTrue();
        // Folding maps the traditional text onto the simplified one character by character.
        assertThat(copy.duplicateKind()).isEqualTo(StoryAssigner.CONTENT);
    }

    @Test
    void editedCopyJoinsAsNearAndUnrelatedArticleStartsItsOwnStory() throws Exception {
        EnrichedArticle original = article("en-1", StoryArticles.EN_TITLE, StoryArticles.EN, 0);
        EnrichedArticle edited =
                article("en-2", StoryArticles.EN_TITLE, StoryArticles.EN_EDITED, 20);
        EnrichedArticle unrelated = article("ar-1", StoryArticles.AR_TITLE, StoryArticles.AR, 30);
        assertThat(SimHash.distance(original.simhash(), edited.simhash()))
                .isBetween(1, SimHash.NEAR_DUPLICATE_BITS);

        run(original);
        EnrichedArticle e = run(edited);
        EnrichedArticle u = run(unrelated);

        assertThat(e.storyId()).isEqualTo("en-1");
        assertThat(e.duplicate()).isTrue();
        assertThat(e.duplicateKind()).isEqualTo(StoryAssigner.NEAR);
        assertThat(u.storyId()).isEqualTo("ar-1");
        assertThat(u.duplicate()).isFalse();
    }

    @Test
    void exactCopyUnderAnotherIdIsContent() throws Exception {
        run(article("en-1", StoryArticles.EN_TITLE, StoryArticles.EN, 0));
        EnrichedArticle copy =
                run(article("en-wire-9", StoryArticles.EN_TITLE, StoryArticles.EN, 3));
        assertThat(copy.storyId()).isEqualTo("en-1");
        assertThat(copy.duplicateKind()).isEqualTo(StoryAssigner.CONTENT);
    }

    @Test
    void articleWithoutTextFeaturesPassesUntouched() throws Exception {
        EnrichedArticle empty = article("empty", "", "— … —", 0);
        assertThat(empty.simhash()).isZero();
        assertThat(run(empty)).isEqualTo(empty);
        assertThat(stateEntries()).isZero();
        assertThat(timers()).isZero();
    }

    @Test
    void articleCloseToTwoStoriesEndsInTheEarliest() throws Exception {
        long x = 0x0123_4567_89ab_cdefL;
        long a = x ^ (1L << 16) ^ (1L << 32); // shares bands 0 and 3 with x
        long b = x ^ 1L ^ (1L << 17); // shares bands 2 and 3 with x; 4 bits from a
        run(synthetic("A", a, "ha", 200));
        run(synthetic("B", b, "hb", 100));
        EnrichedArticle out = run(synthetic("X", x, "hx", 300));
        assertThat(out.storyId()).isEqualTo("B");
        assertThat(out.duplicateKind()).isEqualTo(StoryAssigner.NEAR);
    }

    @Test
    void copyOfAnArticleThatJoinedInALaterBandFollowsItIntoTheEarlierStory() throws Exception {
        long a = 0x0123_4567_89ab_cdefL;
        long b = a ^ 1L ^ (1L << 16); // 2 bits from A, sharing only bands 2 and 3
        EnrichedArticle first = run(synthetic("A", a, "ha", 0));
        List<StoryCandidate> copy = runBands(synthetic("B", b, "hb", 3), SimHash.BANDS);
        // Bands 0 and 1 do not see A, so they register B's fingerprint under its own story.
        assertThat(copy).extracting(c -> c.article().storyId()).containsExactly("B", "B", "A", "A");
        assertThat(copy.get(3).storyStart()).isEqualTo(first.eventTimeMillis());

        // C is an exact copy of B: band 0 finds B's fingerprint (story B); band 2 knows B's
        // fingerprint only under story A, which started earlier than the carried story B.
        List<StoryCandidate> exact = runBands(synthetic("C", b, "hb", 16), SimHash.BANDS);
        assertThat(exact)
                .extracting(c -> c.article().storyId())
                .containsExactly("B", "B", "A", "A");
        StoryCandidate c = exact.get(3);
        assertThat(c.storyStart()).isEqualTo(first.eventTimeMillis());
        assertThat(c.article().duplicate()).isTrue();
        assertThat(c.article().duplicateKind()).isEqualTo(StoryAssigner.CONTENT);
    }

    @Test
    void bucketsAreCappedAndReleasedAfterTheTtl() throws Exception {
        open(new StorySettings(Duration.ofHours(48), 2, 3));
        long x = 0x0123_4567_89ab_cdefL;
        run(synthetic("s1", x, "h1", 0));
        setProcessingTime(1000);
        run(synthetic("s2", x ^ (1L << 63), "h2", 1));
        run(synthetic("s3", x ^ (1L << 62), "h3", 2));
        // Bands 0 to 2 share one bucket each (capped at 2 entries); band 3 has three buckets.
        assertThat(stateEntries()).isEqualTo(3 + 3);
        assertThat(timers()).isEqualTo(6);

        setProcessingTime(TTL);
        // s1 expired (it was evicted from bands 0-2 already); s2 and s3 remain.
        assertThat(stateEntries()).isEqualTo(3 + 2);
        assertThat(timers()).isEqualTo(5);

        setProcessingTime(1000 + TTL);
        assertThat(stateEntries()).isZero();
        assertThat(timers()).isZero();

        // Nothing left to join.
        assertThat(run(synthetic("s4", x, "h1", 3)).storyId()).isEqualTo("s4");
    }
}
