package io.newspulse.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.config.NewspulseConfig;
import io.newspulse.jobs.feed.FeedRecord;
import io.newspulse.jobs.feed.SampleFeed;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.testing.CollectingSink;
import io.newspulse.jobs.testing.HostileRecords;
import io.newspulse.jobs.testing.JsonRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enrichment job on a MiniCluster over a bounded stream of raw records. The cluster restarts a
 * failed job (fixed delay) and reports its metrics to memory, so a test can tell that one record
 * made the job restart.
 */
class EnrichmentJobTest {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(METRICS.addToConfiguration(restartingCluster()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static Configuration restartingCluster() {
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        return c;
    }

    private static final long KAFKA_TS = Instant.parse("2026-03-02T02:00:00Z").toEpochMilli();
    private static int offset;

    private static RawRecord raw(String json) {
        return new RawRecord(
                "news.raw", 0, offset++, KAFKA_TS, null, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String article(
            String id, String source, String published, String title, String body) {
        return "{\"id\":\""
                + id
                + "\",\"source\":\""
                + source
                + "\",\"url\":\"https://news.example/"
                + id
                + "\""
                + (published == null ? "" : ",\"published_at\":\"" + published + "\"")
                + ",\"title\":\""
                + title
                + "\",\"body\":\""
                + body
                + "\"}";
    }

    /** Runs the job over {@code input}; returns its number of restarts. */
    private static long run(
            List<RawRecord> input,
            CollectingSink<EnrichedArticle> articles,
            CollectingSink<DeadLetter> dead)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        EnrichmentJob.build(
                env,
                NewspulseConfig.defaults(),
                env.fromData(input),
                new EnrichmentJob.Sinks() {
                    @Override
                    public void articles(DataStream<JsonRecord> s) {
                        JsonRecords.read(s, EnrichedArticle.class).sinkTo(articles);
                    }

                    @Override
                    public void deadLetters(DataStream<JsonRecord> s) {
                        JsonRecords.read(s, DeadLetter.class).sinkTo(dead);
                    }
                });
        JobExecutionResult result = env.execute("enrichment-test");
        Gauge<?> restarts =
                (Gauge<?>) METRICS.findMetric(result.getJobID(), "numRestarts").orElseThrow();
        return ((Number) restarts.getValue()).longValue();
    }

    @Test
    void theSampleFeedWithHostileRecordsInterleavedFinishesWithoutARestart() throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        List<FeedRecord> feed = SampleFeed.generate(SampleFeed.Options.defaults(13, start));
        List<HostileRecords.Case> hostile = HostileRecords.fixedCases();
        List<RawRecord> input = new ArrayList<>();
        Map<Long, FeedRecord> goodByOffset = new HashMap<>();
        Map<Long, HostileRecords.Case> hostileByOffset = new HashMap<>();
        int every = Math.max(1, feed.size() / hostile.size());
        for (int i = 0; i < feed.size(); i++) {
            FeedRecord r = feed.get(i);
            long ts = r.timestamp().toEpochMilli();
            RawRecord raw =
                    new RawRecord(
                            "news.raw",
                            0,
                            offset++,
                            ts,
                            r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8),
                            r.valueBytes());
            input.add(raw);
            if (r.valid()) {
                goodByOffset.put(raw.offset(), r);
            }
            if (i % every == 0 && i / every < hostile.size()) {
                HostileRecords.Case c = hostile.get(i / every);
                RawRecord h = new RawRecord("news.raw", 0, offset++, ts, null, c.value());
                input.add(h);
                hostileByOffset.put(h.offset(), c);
            }
        }
        for (int i = hostileByOffset.size(); i < hostile.size(); i++) {
            RawRecord h = new RawRecord("news.raw", 0, offset++, -1, null, hostile.get(i).value());
            input.add(h);
            hostileByOffset.put(h.offset(), hostile.get(i));
        }
        CollectingSink<EnrichedArticle> articles = new CollectingSink<>();
        CollectingSink<DeadLetter> dead = new CollectingSink<>();

        long restarts = run(input, articles, dead);

        assertThat(restarts).isZero();
        Map<Long, EnrichedArticle> indexed =
                articles.values().stream()
                        .collect(Collectors.toMap(a -> a.origin().offset(), a -> a));
        Map<Long, DeadLetter> deadByOffset =
                dead.values().stream().collect(Collectors.toMap(DeadLetter::offset, d -> d));
        // Every good record indexed (a redelivery under its original's id).
        assertThat(articles.values())
                .extracting(EnrichedArticle::id)
                .containsAll(goodByOffset.values().stream().map(FeedRecord::key).toList());
        assertThat(goodByOffset.keySet()).noneMatch(deadByOffset::containsKey);
        // Every hostile record indexed (flagged when its time was replaced) or dead-lettered.
        hostileByOffset.forEach(
                (o, c) ->
                        assertThat(indexed.containsKey(o) || deadByOffset.containsKey(o))
                                .as(c.name())
                                .isTrue());
        EnrichedArticle old =
                articles.values().stream()
                        .filter(a -> a.id().equals("h-ts-1900-01-01T00:00:00Z"))
                        .findFirst()
                        .orElseThrow();
        assertThat(old.eventTimeSource()).isNotEqualTo("published_at");
        assertThat(old.eventTime()).isAfter(Instant.parse("1990-01-01T00:00:00Z"));
        assertThat(articles.values())
                .allSatisfy(
                        a ->
                                assertThat(a.eventTime())
                                        .isAfter(Instant.parse("1990-01-01T00:00:00Z")));
        assertThat(dead.values())
                .filteredOn(d -> d.error().equals("too_large"))
                .singleElement()
                .satisfies(d -> assertThat(d.valueTruncated()).isTrue());
    }

    @Test
    void enrichesCollapsesCopiesAndSendsBadInputToTheDeadLetterTopic() throws Exception {
        String zhBody = "周二港股科技股走强，腾讯控股一度涨超5%，阿里巴巴涨3.1%。分析人士称，" + "人工智能相关业务的收入增长超出预期，多家券商上调了目标价。";
        List<RawRecord> input = new ArrayList<>();
        input.add(raw(article("zh-1", "wire-a", "2026-03-02T09:30:00+08:00", "腾讯一度涨超5%", zhBody)));
        // A syndicated copy in traditional script from another source.
        input.add(
                raw(
                        article(
                                "zh-2",
                                "wire-b",
                                "2026-03-02T09:35:00+08:00",
                                "騰訊一度漲超5%",
                                "周二港股科技股走強，騰訊控股一度漲超5%，阿里巴巴漲3.1%。分析人士稱，"
                                        + "人工智能相關業務的收入增長超出預期，多家券商上調了目標價。")));
        input.add(raw(article("zh-1", "wire-a", "2026-03-02T09:30:00+08:00", "腾讯一度涨超5%", zhBody)));
        input.add(
                raw(
                        article(
                                "en-1",
                                "wire-c",
                                null,
                                "Nvidia shares slump",
                                "Nvidia (NASDAQ: NVDA) fell 6.5% on Monday after a rival chip launch.")));
        input.add(
                raw(
                        article(
                                "ar-1",
                                "wire-d",
                                "2099-01-01T00:00:00Z",
                                "أرامكو ترتفع",
                                "ارتفع سهم أرامكو السعودية بنسبة 2.5% في تداولات اليوم.")));
        input.add(raw("{not json"));
        input.add(raw("{\"source\":\"x\",\"title\":\"no id\"}"));
        input.add(raw(article("bad-time", "wire-e", "yesterday", "t", "b")));

        CollectingSink<EnrichedArticle> articles = new CollectingSink<>();
        CollectingSink<DeadLetter> dead = new CollectingSink<>();
        run(input, articles, dead);

        Map<String, EnrichedArticle> byId =
                articles.values().stream()
                        .collect(Collectors.toMap(EnrichedArticle::id, Function.identity()));
        assertThat(articles.values()).hasSize(4);
        assertThat(byId).containsOnlyKeys("zh-1", "zh-2", "en-1", "ar-1");

        EnrichedArticle first = byId.get("zh-1");
        assertThat(first.storyId()).isEqualTo("zh-1");
        assertThat(first.duplicate()).isFalse();
        assertThat(first.novelty()).isEqualTo(1.0);
        assertThat(first.entities()).extracting(ArticleEntity::id).contains("tencent", "alibaba");
        assertThat(first.moves()).anySatisfy(m -> assertThat(m.entity()).isEqualTo("tencent"));
        assertThat(first.eventTimeSource()).isEqualTo("published_at");

        EnrichedArticle copy = byId.get("zh-2");
        assertThat(copy.storyId()).isEqualTo("zh-1");
        assertThat(copy.duplicate()).isTrue();
        assertThat(copy.novelty()).isEqualTo(0.5);
        assertThat(copy.language()).isEqualTo("zh-Hant");

        assertThat(byId.get("en-1").eventTimeSource()).isEqualTo("kafka_timestamp");
        assertThat(byId.get("en-1").eventTime().toEpochMilli()).isEqualTo(KAFKA_TS);
        assertThat(byId.get("ar-1").eventTimeSource()).isEqualTo("ingest_time");
        assertThat(byId.get("ar-1").entities())
                .extracting(ArticleEntity::id)
                .contains("saudi-aramco");

        assertThat(dead.values())
                .extracting(DeadLetter::error)
                .containsExactlyInAnyOrder("invalid_json", "missing_field", "invalid_field");
        assertThat(dead.values())
                .allSatisfy(
                        d -> {
                            assertThat(d.stage()).isEqualTo("parse");
                            assertThat(d.topic()).isEqualTo("news.raw");
                            assertThat(d.value()).isNotBlank();
                            assertThat(d.reason()).isNotBlank();
                        });
    }
}
