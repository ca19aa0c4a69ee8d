package io.newspulse.jobs.enrichment;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.story.StorySettings;
import io.newspulse.jobs.kafka.JsonEncoder;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.story.ExactIdDedupFunction;
import io.newspulse.jobs.story.NearDuplicateStage;
import io.newspulse.jobs.story.StoryCandidate;
import io.newspulse.jobs.story.StoryNoveltyFunction;
import io.newspulse.jobs.testing.Harnesses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * The enrichment job's per-record path, operator by operator in test harnesses: parse, tag, story
 * stages (exact id, the four SimHash bands, novelty) and writing as JSON for Kafka and
 * Elasticsearch. Any exception escapes to the caller, as it would fail the job. The tagger is built
 * once; the story stages start empty for each record.
 */
public final class EnrichmentPath implements AutoCloseable {
    /** The default event-time floor. */
    public static final Instant FLOOR = Instant.parse("1990-01-01T00:00:00Z");

    /** What one raw record became. */
    public record Result(List<JsonRecord> articles, List<DeadLetter> deadLetters) {}

    private final OneInputStreamOperatorTestHarness<RawRecord, ParsedArticle> parse;
    private final OneInputStreamOperatorTestHarness<ParsedArticle, EnrichedArticle> enrich;
    private final OneInputStreamOperatorTestHarness<EnrichedArticle, JsonRecord> encode;
    private final StorySettings story = NewspulseConfig.defaults().story();

    public EnrichmentPath() throws Exception {
        parse = Harnesses.open(new ParseArticleFunction(Duration.ofMinutes(5), FLOOR));
        enrich = Harnesses.open(new EnrichArticleFunction(NewspulseConfig.defaults().enrichment()));
        encode =
                Harnesses.open(
                        new JsonEncoder<>(
                                "news.enriched",
                                EnrichedArticle::id,
                                EnrichedArticle::eventTimeMillis,
                                EnrichedArticle::origin));
    }

    /** Runs one raw record through the whole path. */
    public Result run(RawRecord raw) throws Exception {
        List<DeadLetter> dead = new ArrayList<>();
        parse.processElement(new StreamRecord<>(raw, Math.max(0, raw.timestamp())));
        List<ParsedArticle> parsed = take(parse, dead);
        List<EnrichedArticle> enriched = new ArrayList<>();
        for (ParsedArticle p : parsed) {
            enrich.processElement(new StreamRecord<>(p));
            enriched.addAll(take(enrich, dead));
        }
        List<EnrichedArticle> stories = new ArrayList<>();
        for (EnrichedArticle e : enriched) {
            stories.addAll(storyStages(e));
        }
        for (EnrichedArticle s : stories) {
            encode.processElement(new StreamRecord<>(s));
        }
        return new Result(take(encode, dead), dead);
    }

    private List<EnrichedArticle> storyStages(EnrichedArticle e) throws Exception {
        List<EnrichedArticle> unique;
        try (var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new ExactIdDedupFunction(story.ttl()),
                        ExactIdDedupFunction.idKey(),
                        Types.STRING)) {
            h.processElement(e, 0);
            unique = h.extractOutputValues();
        }
        List<StoryCandidate> candidates = unique.stream().map(StoryCandidate::of).toList();
        for (int b = 0; b < io.newspulse.common.story.SimHash.BANDS; b++) {
            try (KeyedOneInputStreamOperatorTestHarness<Integer, StoryCandidate, StoryCandidate> h =
                    ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                            new NearDuplicateStage(b, story),
                            NearDuplicateStage.bandKey(b),
                            Types.INT)) {
                for (StoryCandidate c : candidates) {
                    h.processElement(c, 0);
                }
                candidates = h.extractOutputValues();
            }
        }
        try (var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new StoryNoveltyFunction(story.ttl()),
                        StoryNoveltyFunction.storyKey(),
                        Types.STRING)) {
            for (StoryCandidate c : candidates) {
                h.processElement(c.article(), 0);
            }
            return h.extractOutputValues();
        }
    }

    private static <O> List<O> take(
            OneInputStreamOperatorTestHarness<?, O> h, List<DeadLetter> dead) {
        dead.addAll(Harnesses.drainDeadLetters(h));
        return Harnesses.drain(h);
    }

    @Override
    public void close() throws Exception {
        parse.close();
        enrich.close();
        encode.close();
    }
}
