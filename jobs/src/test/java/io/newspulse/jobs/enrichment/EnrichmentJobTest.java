package io.newspulse.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.testing.EnrichmentRun;
import io.newspulse.jobs.testing.MiniClusters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.InMemoryReporter;
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
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.restarting(1, METRICS);

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

        EnrichmentRun out = EnrichmentRun.of(input, METRICS);
        List<EnrichedArticle> articles = out.articles();
        List<DeadLetter> dead = out.dead();
        assertThat(out.restarts()).isZero();

        Map<String, EnrichedArticle> byId =
                articles.stream()
                        .collect(Collectors.toMap(EnrichedArticle::id, Function.identity()));
        assertThat(articles).hasSize(4);
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

        assertThat(dead)
                .extracting(DeadLetter::error)
                .containsExactlyInAnyOrder("invalid_json", "missing_field", "invalid_field");
        assertThat(dead)
                .allSatisfy(
                        d -> {
                            assertThat(d.stage()).isEqualTo("parse");
                            assertThat(d.topic()).isEqualTo("news.raw");
                            assertThat(d.value()).isNotBlank();
                            assertThat(d.reason()).isNotBlank();
                        });
    }
}
