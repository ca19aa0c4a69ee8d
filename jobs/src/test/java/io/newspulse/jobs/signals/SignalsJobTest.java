package io.newspulse.jobs.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newspulse.common.analysis.ArticleEnricher;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.model.Alert;
import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.KafkaOrigin;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.common.model.WindowAggregate;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.testing.BoundedSources;
import io.newspulse.jobs.testing.Collected;
import io.newspulse.jobs.testing.JsonRecords;
import io.newspulse.jobs.testing.MiniClusters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signals job on a MiniCluster over a bounded, realistic stream of enriched articles. */
class SignalsJobTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.withSlots(2);

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static ArticleEnricher enricher;

    @BeforeAll
    static void analyzer() {
        enricher = new ArticleEnricher(DocumentAnalyzer.create(KnowledgeBase.embedded()));
    }

    private static RawRecord record(String id, int minute, int second, String title, String body)
            throws Exception {
        Instant at = T0.plusSeconds(minute * 60L + second);
        EnrichedArticle a =
                enricher.enrich(
                        new NewsArticle(
                                id,
                                "wire-" + (minute % 3),
                                "https://news.example/" + id,
                                at,
                                title,
                                body,
                                null,
                                List.of()),
                        at,
                        "published_at",
                        at,
                        new KafkaOrigin("news.raw", 0, minute * 100L + second, at.toEpochMilli()));
        return new RawRecord(
                "news.enriched",
                0,
                minute * 100L + second,
                at.toEpochMilli(),
                id.getBytes(StandardCharsets.UTF_8),
                Json.mapper().writeValueAsBytes(a));
    }

    @Test
    void countsWindowsAndRaisesSpikeAndPriceMoveAlerts() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            input.add(record("base-" + m, m, 10, "腾讯发布季度报告", "腾讯公布了新的游戏计划，市场反应平稳。"));
            input.add(
                    record(
                            "other-" + m,
                            m,
                            20,
                            "Apple updates its software",
                            "Apple shares were flat after the update."));
        }
        for (int i = 0; i < 8; i++) {
            input.add(
                    record(
                            "burst-" + i,
                            8,
                            5 + i * 6,
                            "腾讯股价大涨7%" + (i == 0 ? "" : "，消息" + i),
                            "腾讯控股今日一度涨超7%，报道编号" + i + "，成交额放大。"));
        }
        input.add(
                new RawRecord(
                        "news.enriched",
                        0,
                        9999,
                        T0.toEpochMilli(),
                        null,
                        "{not json".getBytes(StandardCharsets.UTF_8)));
        // Readable but unusable: windows and timers take epoch milliseconds.
        input.add(
                new RawRecord(
                        "news.enriched",
                        0,
                        10_000,
                        T0.toEpochMilli(),
                        null,
                        ("{\"id\":\"far\",\"story_id\":\"far\","
                                        + "\"event_time\":\"+999999999-12-31T23:59:59Z\","
                                        + "\"entities\":[{\"id\":\"tencent\"}]}")
                                .getBytes(StandardCharsets.UTF_8)));
        input.add(
                new RawRecord(
                        "news.enriched",
                        0,
                        10_001,
                        T0.toEpochMilli(),
                        null,
                        ("{\"id\":\"noid\",\"story_id\":\"noid\","
                                        + "\"event_time\":\"2026-03-02T02:00:00Z\","
                                        + "\"entities\":[null]}")
                                .getBytes(StandardCharsets.UTF_8)));

        NewspulseConfig cfg =
                NewspulseConfig.load(
                        Optional.empty(),
                        Map.of(),
                        List.of("alerts.spike_min_history=3", "checkpoints.interval=1s"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Collected<WindowAggregate>> aggregates = new ArrayList<>();
        List<Collected<Alert>> alerts = new ArrayList<>();
        List<Collected<DeadLetter>> dead = new ArrayList<>();
        SignalsJob.build(
                env,
                cfg,
                BoundedSources.of(input, RawRecord.class),
                new SignalsJob.Sinks() {
                    @Override
                    public void aggregates(DataStream<JsonRecord> s) {
                        aggregates.add(Collected.from(JsonRecords.read(s, WindowAggregate.class)));
                    }

                    @Override
                    public void alerts(DataStream<JsonRecord> s) {
                        alerts.add(Collected.from(JsonRecords.read(s, Alert.class)));
                    }

                    @Override
                    public void deadLetters(DataStream<JsonRecord> s) {
                        dead.add(Collected.from(JsonRecords.read(s, DeadLetter.class)));
                    }
                });
        env.executeAsync("signals-test");

        WindowAggregate burst =
                aggregates.get(0).values().stream()
                        .filter(
                                w ->
                                        w.key().equals("tencent")
                                                && w.windowStart().equals(T0.plusSeconds(8 * 60)))
                        .findFirst()
                        .orElseThrow();
        assertThat(burst.stories()).isEqualTo(8);
        assertThat(burst.articles()).isEqualTo(8);
        assertThat(burst.keyKind()).isEqualTo("entity");
        assertThat(burst.windowEnd()).isEqualTo(T0.plusSeconds(9 * 60));
        assertThat(burst.topStories()).hasSize(5);
        assertThat(aggregates.get(0).values())
                .anySatisfy(w -> assertThat(w.keyKind()).isEqualTo("sector"));
        assertThat(alerts.get(0).values())
                .extracting(Alert::type, Alert::entityId)
                .contains(tuple("MENTION_SPIKE", "tencent"), tuple("PRICE_MOVE", "tencent"));
        assertThat(alerts.get(0).values()).allSatisfy(a -> assertThat(a.reason()).isNotBlank());
        assertThat(dead.get(0).values())
                .extracting(DeadLetter::offset, DeadLetter::error)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(9999L, "invalid_enriched"),
                        org.assertj.core.groups.Tuple.tuple(10_000L, "invalid_enriched"),
                        org.assertj.core.groups.Tuple.tuple(10_001L, "invalid_enriched"));
        assertThat(dead.get(0).values())
                .allSatisfy(d -> assertThat(d.stage()).isEqualTo("parse_enriched"));
    }
}
