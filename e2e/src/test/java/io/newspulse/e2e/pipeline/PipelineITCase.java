package io.newspulse.e2e.pipeline;

import static io.newspulse.e2e.pipeline.Pipeline.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.cli.feed.FeedRecord;
import io.newspulse.cli.feed.FeedSummary;
import io.newspulse.cli.feed.SampleFeed;
import io.newspulse.e2e.pipeline.Pipeline.Raw;
import io.newspulse.e2e.testing.SharedServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (both jobs as their {@code main()} builds them) on a Flink MiniCluster against
 * the real Kafka broker and the real Elasticsearch node of {@link SharedServices}. Every test has
 * its own topics, indices, consumer groups and transactional ids, produces {@code news.raw} with a
 * real producer and asserts by reading Kafka ({@code read_committed}) and Elasticsearch back.
 *
 * <p>Event time is driven by the articles' {@code published_at} (in the recent past), so windows
 * close when later articles arrive, not after wall-clock minutes.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PipelineITCase {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = Pipeline.miniCluster();

    /** A whole hour in the past: windows are aligned and nothing is in the future. */
    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    @TempDir Path tmp;

    @Test
    void sampleFeedEndsUpInEveryTopicAndIndexWithAlertsForTheBurst() throws Exception {
        SampleFeed.Options options =
                SampleFeed.Options.defaults(7, T0).withBaselineMinutes(8).withBurstMinutes(1);
        List<FeedRecord> feed = SampleFeed.generate(options);
        FeedSummary summary = SampleFeed.summarize(feed, options);
        String burst = summary.burstEntityId();
        List<Raw> input = new ArrayList<>();
        feed.forEach(r -> input.add(new Raw(r.key(), r.valueBytes(), null)));
        // A later article moves the watermark past the burst window.
        input.add(
                article(
                        "tail-1",
                        "wire-tail",
                        options.burstEnd().plus(Duration.ofMinutes(2)),
                        "Apple updates its software",
                        "Apple shares were flat after the update."));
        Set<String> ids = new HashSet<>();
        feed.stream().filter(FeedRecord::valid).forEach(r -> ids.add(r.key()));
        ids.add("tail-1");

        try (Pipeline p = Pipeline.create("e2e", "alerts.spike_min_history=3")) {
            p.start();
            p.produce(input);
            String articles = p.cfg.elasticsearch().indexArticles();
            String aggregates = p.cfg.elasticsearch().indexAggregates();
            String alertsIndex = p.cfg.elasticsearch().indexAlerts();

            // Articles index: one document per distinct valid id, every contract field mapped.
            p.await("articles indexed", () -> p.count(articles), n -> n >= ids.size());
            List<JsonNode> docs = p.searchAll(articles);
            assertThat(docs).extracting(d -> d.path("_id").asText()).hasSameElementsAs(ids);
            assertSourcesMatchMapping(p, articles, docs);
            assertThat(docs)
                    .allSatisfy(
                            d -> {
                                JsonNode s = d.path("_source");
                                assertThat(s.path("id").asText()).isEqualTo(d.path("_id").asText());
                                assertThat(s.path("story_id").asText()).isNotBlank();
                                assertThat(s.path("event_time_source").asText())
                                        .isEqualTo("published_at");
                                assertThat(s.path("origin").path("topic").asText())
                                        .isEqualTo(p.cfg.topics().raw());
                            });
            // Every syndicated copy joins a story; template-made originals may join one too.
            Set<String> copies =
                    feed.stream()
                            .filter(r -> r.kind() == FeedRecord.Kind.SYNDICATED)
                            .map(FeedRecord::key)
                            .collect(Collectors.toSet());
            assertThat(copies).hasSize(summary.syndicated());
            assertThat(docs)
                    .filteredOn(d -> copies.contains(d.path("_id").asText()))
                    .allSatisfy(
                            d -> {
                                JsonNode s = d.path("_source");
                                assertThat(s.path("duplicate").asBoolean()).isTrue();
                                assertThat(s.path("story_id").asText())
                                        .isNotEqualTo(s.path("id").asText());
                            });

            // news.enriched: every distinct article, keyed by its id.
            List<ConsumerRecord<String, String>> enriched =
                    p.awaitRecords(
                            p.cfg.topics().enriched(),
                            "every article",
                            rs -> keys(rs).containsAll(ids));
            assertThat(keys(enriched)).isEqualTo(ids);
            assertThat(enriched)
                    .allSatisfy(
                            r ->
                                    assertThat(Pipeline.parse(r.value()).path("id").asText())
                                            .isEqualTo(r.key()));

            // news.dlq: the feed's invalid records.
            List<ConsumerRecord<String, String>> dlq =
                    p.awaitRecords(
                            p.cfg.topics().dlq(),
                            "dead letters",
                            rs -> rs.size() >= summary.invalid());
            assertThat(dlq).hasSize(summary.invalid());

            // Alerts on the topic (read_committed) and in the index: a spike and a price move.
            List<ConsumerRecord<String, String>> kafkaAlerts =
                    p.awaitRecords(
                            p.cfg.topics().alerts(),
                            "MENTION_SPIKE and PRICE_MOVE for " + burst,
                            rs ->
                                    alertTypes(rs, burst)
                                            .containsAll(Set.of("MENTION_SPIKE", "PRICE_MOVE")));
            assertThat(kafkaAlerts).allSatisfy(r -> assertThat(r.key()).isNotBlank());
            Set<String> kafkaAlertIds =
                    Pipeline.json(p.records(p.cfg.topics().alerts())).stream()
                            .map(a -> a.path("alert_id").asText())
                            .collect(Collectors.toSet());
            List<JsonNode> esAlerts =
                    p.await(
                            "the alerts index to hold the topic's alert ids",
                            () -> p.searchAll(alertsIndex),
                            hits ->
                                    ids(hits)
                                            .equals(
                                                    Pipeline.json(
                                                                    p.records(
                                                                            p.cfg.topics()
                                                                                    .alerts()))
                                                            .stream()
                                                            .map(a -> a.path("alert_id").asText())
                                                            .collect(Collectors.toSet())));
            assertThat(ids(esAlerts)).containsAll(kafkaAlertIds);
            assertSourcesMatchMapping(p, alertsIndex, esAlerts);
            JsonNode spike =
                    esAlerts.stream()
                            .map(h -> h.path("_source"))
                            .filter(
                                    a ->
                                            a.path("type").asText().equals("MENTION_SPIKE")
                                                    && a.path("entity_id").asText().equals(burst))
                            .findFirst()
                            .orElseThrow();
            assertThat(Instant.parse(spike.path("window_start").asText()))
                    .isEqualTo(options.burstStart());
            assertThat(spike.path("evidence").size()).isPositive();

            // Aggregates: the burst window of the burst entity, under its deterministic id.
            String burstDoc = "entity:" + burst + ":" + options.burstStart().toEpochMilli();
            JsonNode window =
                    p.await(
                            "aggregate " + burstDoc,
                            () -> p.get(aggregates, burstDoc),
                            d -> d != null);
            JsonNode w = window.path("_source");
            assertThat(w.path("key").asText()).isEqualTo(burst);
            assertThat(w.path("key_kind").asText()).isEqualTo("entity");
            assertThat(Instant.parse(w.path("window_end").asText()))
                    .isEqualTo(options.burstStart().plus(Duration.ofMinutes(1)));
            assertThat(w.path("stories").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(w.path("articles").asLong())
                    .isGreaterThanOrEqualTo(w.path("stories").asLong());
            assertThat(w.path("max_move_percent").asDouble()).isGreaterThanOrEqualTo(5.0);
            List<JsonNode> aggs = p.searchAll(aggregates);
            assertThat(aggs)
                    .anySatisfy(
                            a ->
                                    assertThat(a.path("_source").path("key_kind").asText())
                                            .isEqualTo("sector"));
            assertSourcesMatchMapping(p, aggregates, aggs);
        }
    }

    @Test
    void invalidInputGoesToTheDeadLetterTopicWithItsOriginalBytes() throws Exception {
        String notJson = "{\"id\":\"broken-1\",\"source\":\"wire-a\",\"title\":\"腾讯";
        String noId = "{\"source\":\"wire-b\",\"title\":\"没有编号的新闻\",\"body\":\"正文\"}";
        String badTime =
                "{\"id\":\"bad-time-1\",\"source\":\"wire-c\",\"published_at\":\"yesterday\","
                        + "\"title\":\"Apple updates its software\",\"body\":\"Flat.\"}";
        List<Raw> input =
                List.of(
                        Raw.of("broken-1", notJson),
                        Raw.of(null, noId),
                        Raw.of("bad-time-1", badTime),
                        Raw.of("empty-1", null),
                        article(
                                "good-1",
                                "wire-d",
                                T0,
                                "Apple updates its software",
                                "Apple shares were flat after the update."));
        Map<String, String> errorByKey =
                Map.of(
                        "broken-1", "invalid_json",
                        "", "missing_field",
                        "bad-time-1", "invalid_field",
                        "empty-1", "empty");

        try (Pipeline p = Pipeline.create("dlq")) {
            p.start();
            List<RecordMetadata> sent = p.produce(input);
            List<ConsumerRecord<String, String>> dlq =
                    p.awaitRecords(p.cfg.topics().dlq(), "four dead letters", rs -> rs.size() >= 4);
            assertThat(dlq).hasSize(4);
            for (ConsumerRecord<String, String> r : dlq) {
                JsonNode d = Pipeline.parse(r.value());
                int i = (int) d.path("offset").asLong();
                Raw original = input.get(i);
                assertThat(d.path("schema_version").asInt()).isEqualTo(1);
                assertThat(d.path("stage").asText()).isEqualTo("parse");
                assertThat(d.path("error").asText())
                        .isEqualTo(errorByKey.get(original.key() == null ? "" : original.key()));
                assertThat(d.path("reason").asText()).isNotBlank();
                assertThat(d.path("topic").asText()).isEqualTo(p.cfg.topics().raw());
                assertThat(d.path("partition").asInt()).isZero();
                assertThat(d.path("offset").asLong()).isEqualTo(sent.get(i).offset());
                assertThat(d.path("timestamp").asLong()).isEqualTo(sent.get(i).timestamp());
                assertThat(Instant.parse(d.path("failed_at").asText())).isNotNull();
                // The original bytes, base64; "" for a record without a value.
                byte[] value = original.value() == null ? new byte[0] : original.value();
                assertThat(d.path("value").isTextual()).as("value of %s", r.value()).isTrue();
                assertThat(Base64.getDecoder().decode(d.path("value").asText())).isEqualTo(value);
                if (original.value() != null) {
                    assertThat(d.path("value_text").asText())
                            .isEqualTo(new String(value, StandardCharsets.UTF_8));
                }
                // The original key, in the message and as the record key (docs/contracts.md).
                if (original.key() == null) {
                    assertThat(d.path("key").isNull()).isTrue();
                } else {
                    assertThat(
                                    new String(
                                            Base64.getDecoder().decode(d.path("key").asText()),
                                            StandardCharsets.UTF_8))
                            .isEqualTo(original.key());
                }
                assertThat(r.key()).as("Kafka key of %s", r.value()).isEqualTo(original.key());
            }
            // Bad input does not stop the job: the good article is indexed.
            String articles = p.cfg.elasticsearch().indexArticles();
            p.await("good-1 indexed", () -> p.get(articles, "good-1"), d -> d != null);
            assertThat(p.count(articles)).isEqualTo(1);
        }
    }

    @Test
    void redeliveriesAreIndexedOnceAndSyndicatedCopiesJoinTheFirstStory() throws Exception {
        String zhBody = "周二港股科技股走强，腾讯控股一度涨超5%，阿里巴巴涨3.1%。分析人士称，" + "人工智能相关业务的收入增长超出预期，多家券商上调了目标价。";
        String zhHantBody =
                "周二港股科技股走強，騰訊控股一度漲超5%，阿里巴巴漲3.1%。分析人士稱，" + "人工智能相關業務的收入增長超出預期，多家券商上調了目標價。";
        Raw first = article("zh-1", "wire-a", T0.plusSeconds(10), "腾讯一度涨超5%", zhBody);
        List<Raw> input =
                List.of(
                        first,
                        first, // Redelivered: same id, same bytes.
                        article("zh-2", "wire-b", T0.plusSeconds(40), "騰訊一度漲超5%", zhHantBody),
                        // Later in event time: closes the first window.
                        article(
                                "tail-1",
                                "wire-c",
                                T0.plus(Duration.ofMinutes(3)),
                                "Apple updates its software",
                                "Apple shares were flat after the update."));

        try (Pipeline p = Pipeline.create("dup")) {
            p.start();
            p.produce(input);
            String articles = p.cfg.elasticsearch().indexArticles();
            String aggregates = p.cfg.elasticsearch().indexAggregates();

            String windowDoc = "entity:tencent:" + T0.toEpochMilli();
            JsonNode window =
                    p.await(
                            "aggregate " + windowDoc,
                            () -> p.get(aggregates, windowDoc),
                            d -> d != null);
            assertThat(window.path("_source").path("stories").asLong()).isEqualTo(1);
            assertThat(window.path("_source").path("articles").asLong()).isEqualTo(2);
            assertThat(window.path("_source").path("updates").asInt()).isEqualTo(1);

            p.await("three articles indexed", () -> p.count(articles), n -> n >= 3);
            assertThat(p.count(articles)).isEqualTo(3);
            JsonNode original = p.get(articles, "zh-1");
            // Written once: a redelivery would have rewritten it (version 2).
            assertThat(original.path("_version").asLong()).isEqualTo(1);
            assertThat(original.path("_source").path("duplicate").asBoolean()).isFalse();
            assertThat(original.path("_source").path("story_id").asText()).isEqualTo("zh-1");
            assertThat(original.path("_source").path("language").asText()).isEqualTo("zh-Hans");
            JsonNode copy = p.get(articles, "zh-2").path("_source");
            assertThat(copy.path("duplicate").asBoolean()).isTrue();
            assertThat(copy.path("story_id").asText()).isEqualTo("zh-1");
            // Identical once folded to simplified script.
            assertThat(copy.path("duplicate_kind").asText()).isEqualTo("content");
            assertThat(copy.path("language").asText()).isEqualTo("zh-Hant");
            assertThat(copy.path("novelty").asDouble()).isEqualTo(0.5);
            assertThat(p.count(articles, "{\"term\":{\"story_id\":\"zh-1\"}}")).isEqualTo(2);

            List<ConsumerRecord<String, String>> enriched =
                    p.awaitRecords(
                            p.cfg.topics().enriched(), "tail-1", rs -> keys(rs).contains("tail-1"));
            assertThat(enriched)
                    .extracting(ConsumerRecord::key)
                    .containsExactly("zh-1", "zh-2", "tail-1");
        }
    }

    @Test
    void lateArticlesRewriteTheirWindowUntilTheAllowedLatenessEnds() throws Exception {
        try (Pipeline p =
                Pipeline.create("late", "windows.size=1m", "windows.allowed_lateness=2m")) {
            p.start();
            String articles = p.cfg.elasticsearch().indexArticles();
            String aggregates = p.cfg.elasticsearch().indexAggregates();
            String w0 = "entity:tencent:" + T0.toEpochMilli();

            // a2 moves the watermark past the end of the first window: it fires once.
            p.produce(tencent("a1", 10, "腾讯发布季度报告，游戏收入稳定。"), tencent("a2", 70, "腾讯宣布回购计划，市场反应平稳。"));
            JsonNode fired =
                    p.await("first firing of " + w0, () -> p.get(aggregates, w0), d -> d != null);
            assertThat(fired.path("_source").path("updates").asInt()).isEqualTo(1);
            assertThat(fired.path("_source").path("articles").asLong()).isEqualTo(1);

            // Late, but within the allowed lateness: the same document is rewritten.
            p.produce(tencent("a3", 20, "腾讯控股宣布增加人工智能投入。"));
            JsonNode rewritten =
                    p.await(
                            "second firing of " + w0,
                            () -> p.get(aggregates, w0),
                            d -> d.path("_source").path("updates").asInt() >= 2);
            assertThat(rewritten.path("_source").path("updates").asInt()).isEqualTo(2);
            assertThat(rewritten.path("_source").path("articles").asLong()).isEqualTo(2);
            assertThat(rewritten.path("_version").asLong()).isEqualTo(2);
            assertThat(
                            p.count(
                                    aggregates,
                                    "{\"bool\":{\"filter\":[{\"term\":{\"key\":\"tencent\"}},"
                                            + "{\"term\":{\"window_start\":\""
                                            + T0
                                            + "\"}}]}}"))
                    .isEqualTo(1);

            // a4 moves the watermark past the end of the first window's allowed lateness (3m):
            // watermarks are periodic, so wait until it fired the window of b1, which ends then.
            p.produce(
                    tencent("b1", 130, "腾讯控股公布第三季度业绩，营收稳定。"),
                    tencent("a4", 250, "腾讯控股与多家银行签署合作协议。"));
            String w2 = "entity:tencent:" + T0.plusSeconds(120).toEpochMilli();
            p.await("window of b1", () -> p.get(aggregates, w2), d -> d != null);
            // a5 is later than the allowed lateness; a6 fires a4's window, which shows that a5
            // went through the signals job.
            p.produce(tencent("a5", 30, "腾讯控股召开股东大会，选举新董事。"), tencent("a6", 310, "腾讯控股发布新的社交产品。"));
            String w4 = "entity:tencent:" + T0.plusSeconds(240).toEpochMilli();
            p.await("window of a4", () -> p.get(aggregates, w4), d -> d != null);
            JsonNode after = p.get(aggregates, w0);
            assertThat(after.path("_source").path("updates").asInt()).isEqualTo(2);
            assertThat(after.path("_source").path("articles").asLong()).isEqualTo(2);
            assertThat(after.path("_version").asLong()).isEqualTo(2);

            // Too late for the counts, but still an article.
            JsonNode late = p.await("a5 indexed", () -> p.get(articles, "a5"), d -> d != null);
            assertThat(Instant.parse(late.path("_source").path("event_time").asText()))
                    .isEqualTo(T0.plusSeconds(30));
            p.await("all seven articles", () -> p.count(articles), n -> n >= 7);
            assertThat(p.count(articles)).isEqualTo(7);
        }
    }

    @Test
    void restartFromARetainedCheckpointLosesAndRepeatsNothing() throws Exception {
        Configuration retain = new Configuration();
        retain.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        Path checkpoints = Files.createDirectories(tmp.resolve("checkpoints"));
        List<String> flags = List.of("checkpoints.dir=" + checkpoints.toUri());

        List<Raw> batch1 =
                List.of(
                        move(
                                "r1-nvidia",
                                10,
                                "Nvidia shares jump 7%",
                                "Nvidia (NASDAQ: NVDA) rose 7% on strong data-center sales."),
                        plain(
                                "r1-plain-1",
                                20,
                                "Apple updates its software",
                                "Apple shares were flat after the update."),
                        move(
                                "r1-tesla",
                                30,
                                "Tesla stock slumps 8%",
                                "Tesla (NASDAQ: TSLA) fell 8% after weak deliveries."),
                        plain(
                                "r1-plain-2",
                                40,
                                "Microsoft opens a new office",
                                "Microsoft opened a new office in Paris on Monday."));
        // Produced just before the cancellation: processed or not, checkpointed or not.
        List<Raw> batch2 =
                List.of(
                        move(
                                "r2-netflix",
                                70,
                                "Netflix shares surge 9%",
                                "Netflix (NASDAQ: NFLX) climbed 9% after subscriber growth beat forecasts."),
                        plain(
                                "r2-plain-1",
                                80,
                                "Amazon hosts a developer event",
                                "Amazon hosted its yearly developer event in Seattle."));
        // Produced while the job is down, with a redelivery of a first-batch article that only
        // restored state recognises; the last one is the sentinel.
        List<Raw> batch3 =
                List.of(
                        move(
                                "r3-oracle",
                                100,
                                "Oracle shares sink 6%",
                                "Oracle (NYSE: ORCL) dropped 6% after it cut its cloud outlook."),
                        plain(
                                "r3-plain-1",
                                110,
                                "Visa names a new finance chief",
                                "Visa named a new chief financial officer on Tuesday."),
                        batch1.get(0),
                        move("r3-tencent", 120, "腾讯股价大涨7%", "腾讯控股今日一度涨超7%，成交额放大。"));
        Set<String> ids =
                Stream.of(batch1, batch2, batch3)
                        .flatMap(List::stream)
                        .map(Raw::key)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> movers = Set.of("nvidia", "tesla", "netflix", "oracle", "tencent");

        try (Pipeline p = Pipeline.create("restart", flags, retain)) {
            String alerts = p.cfg.topics().alerts();
            String articles = p.cfg.elasticsearch().indexArticles();
            p.start();
            p.produce(batch1);
            // Visible to read_committed only once a checkpoint after them completed.
            p.awaitRecords(
                    alerts,
                    "alerts of the first batch",
                    rs -> alertEntities(rs).containsAll(Set.of("nvidia", "tesla")));
            p.await("first batch indexed", () -> p.count(articles), n -> n >= batch1.size());

            p.produce(batch2);
            p.await(
                    "second batch indexed",
                    () -> p.count(articles),
                    n -> n >= batch1.size() + batch2.size());
            String jobId = p.job().getJobID().toHexString();
            p.cancel();
            String checkpoint = latestCheckpoint(checkpoints.resolve(jobId));

            p.produce(batch3);
            p.start(checkpoint);
            List<ConsumerRecord<String, String>> read =
                    p.awaitRecords(
                            alerts,
                            "the sentinel's alert",
                            rs -> alertEntities(rs).contains("tencent"));

            // Alerts of a single partition, in order: nothing after the sentinel can be a copy of
            // an earlier alert.
            List<JsonNode> values = Pipeline.json(read);
            assertThat(values)
                    .extracting(a -> a.path("alert_id").asText())
                    .as("alert ids on %s", alerts)
                    .doesNotHaveDuplicates();
            assertThat(values).extracting(a -> a.path("type").asText()).containsOnly("PRICE_MOVE");
            assertThat(values)
                    .extracting(a -> a.path("entity_id").asText())
                    .containsExactlyInAnyOrderElementsOf(movers);
            assertThat(read)
                    .allSatisfy(
                            r ->
                                    assertThat(r.key())
                                            .isEqualTo(
                                                    Pipeline.parse(r.value())
                                                            .path("alert_id")
                                                            .asText()));

            // Elasticsearch: deterministic ids, so replays rewrite instead of adding.
            p.await("every article indexed", () -> p.count(articles), n -> n >= ids.size());
            assertThat(ids(p.searchAll(articles))).isEqualTo(ids);
            String alertsIndex = p.cfg.elasticsearch().indexAlerts();
            List<JsonNode> esAlerts =
                    p.await(
                            "every alert indexed",
                            () -> p.searchAll(alertsIndex),
                            hits -> hits.size() >= movers.size());
            assertThat(ids(esAlerts))
                    .isEqualTo(
                            values.stream()
                                    .map(a -> a.path("alert_id").asText())
                                    .collect(Collectors.toSet()));

            // news.enriched is at-least-once: every article, copies allowed.
            List<ConsumerRecord<String, String>> enriched =
                    p.awaitRecords(
                            p.cfg.topics().enriched(),
                            "every article",
                            rs -> keys(rs).containsAll(ids));
            assertThat(keys(enriched)).isEqualTo(ids);
            // The redelivery met the restored state: not enriched or alerted again. Its document's
            // _version is not checked: the Elasticsearch sink is at-least-once, and requests still
            // buffered at the restored checkpoint are sent again after the restore (same id, same
            // document).
            assertThat(enriched).filteredOn(r -> r.key().equals("r1-nvidia")).hasSize(1);
            assertThat(p.get(articles, "r1-nvidia").path("_source").path("title").asText())
                    .isEqualTo("Nvidia shares jump 7%");
        }
    }

    // ------------------------------------------------------------------ input

    private static Raw tencent(String id, int second, String text) {
        return article(id, "wire-" + id, T0.plusSeconds(second), text, text + "分析人士认为影响有限。");
    }

    private static Raw move(String id, int second, String title, String body) {
        return article(id, "wire-" + id, T0.plusSeconds(second), title, body);
    }

    private static Raw plain(String id, int second, String title, String body) {
        return article(id, "wire-" + id, T0.plusSeconds(second), title, body);
    }

    // ------------------------------------------------------------------ read back

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<JsonNode> hits) {
        return hits.stream().map(h -> h.path("_id").asText()).collect(Collectors.toSet());
    }

    private static Set<String> alertTypes(
            List<ConsumerRecord<String, String>> records, String entity) {
        return Pipeline.json(records).stream()
                .filter(a -> a.path("entity_id").asText().equals(entity))
                .map(a -> a.path("type").asText())
                .collect(Collectors.toSet());
    }

    private static Set<String> alertEntities(List<ConsumerRecord<String, String>> records) {
        return Pipeline.json(records).stream()
                .map(a -> a.path("entity_id").asText())
                .collect(Collectors.toSet());
    }

    /**
     * Every document carries exactly the fields the index maps (snake_case, as the template
     * declares them): nothing the template does not know, nothing missing.
     */
    private static void assertSourcesMatchMapping(Pipeline p, String index, List<JsonNode> docs)
            throws Exception {
        Set<String> mapped = new HashSet<>(p.mappedFields(index));
        assertThat(mapped).isNotEmpty();
        assertThat(docs).isNotEmpty();
        for (JsonNode d : docs) {
            assertThat(new HashSet<>(Pipeline.fieldNames(d.path("_source"))))
                    .as("fields of %s in %s", d.path("_id").asText(), index)
                    .isEqualTo(mapped);
        }
    }

    /** The newest completed checkpoint of a job: the {@code chk-N} directory with metadata. */
    private static String latestCheckpoint(Path jobDir) throws Exception {
        try (Stream<Path> files = Files.walk(jobDir)) {
            Path chk =
                    files.filter(f -> f.getFileName().toString().equals("_metadata"))
                            .map(Path::getParent)
                            .filter(d -> d.getFileName().toString().startsWith("chk-"))
                            .max(
                                    Comparator.comparingLong(
                                            d ->
                                                    Long.parseLong(
                                                            d.getFileName()
                                                                    .toString()
                                                                    .substring(4))))
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no retained checkpoint in " + jobDir));
            return chk.toUri().toString();
        }
    }
}
