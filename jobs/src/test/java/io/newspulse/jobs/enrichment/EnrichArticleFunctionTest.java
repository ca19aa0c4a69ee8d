package io.newspulse.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.jobs.kafka.DeadLetters;
import io.newspulse.jobs.kafka.RawRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class EnrichArticleFunctionTest {
    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void anArticleOverItsBudgetIsIndexedWithWhatWasFoundAndFlagged() throws Exception {
        // 20,000 units: a short article fits, a long one of the same words does not.
        EnrichArticleFunction fn =
                new EnrichArticleFunction(
                        new NewspulseConfig.Enrichment(20_000, Duration.ofMinutes(1)));
        String sentence = "Apple shares rose 3% while Nvidia fell 2%. ";
        try (OneInputStreamOperatorTestHarness<ParsedArticle, EnrichedArticle> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(fn)) {
            harness.processElement(parsed("short", sentence), 0);
            harness.processElement(parsed("long", sentence.repeat(2_000)), 0);

            List<EnrichedArticle> out = harness.extractOutputValues();
            assertThat(out).extracting(EnrichedArticle::id).containsExactly("short", "long");
            assertThat(out.get(0).analysisTruncated()).isFalse();
            assertThat(out.get(0).entities()).isNotEmpty();
            assertThat(out.get(0).moves()).isNotEmpty();
            assertThat(out.get(1).analysisTruncated()).isTrue();
            assertThat(out.get(1).body()).isEqualTo(sentence.repeat(2_000));
            assertThat(harness.getSideOutput(DeadLetters.TAG)).isNull();
        }
    }

    private static ParsedArticle parsed(String id, String body) {
        NewsArticle article =
                new NewsArticle(id, "wire", null, AT, "Markets", body, "en", List.of());
        RawRecord raw = new RawRecord("news.raw", 0, 0, AT.toEpochMilli(), null, new byte[0]);
        return new ParsedArticle(article, AT, "published_at", AT, null, raw);
    }
}
