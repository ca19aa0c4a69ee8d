package io.newspulse.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.NewsArticle;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.common.model.ParseResult;
import io.newspulse.evaluation.corpus.NewsDocument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArticlesTest {
    private static final List<NewsDocument> TEXT =
            List.of(
                    new NewsDocument("zh-Hans test", "zh-Hans", null, "腾讯股价上涨5%。"),
                    new NewsDocument("ar test", "ar", "أرامكو", "ارتفع سهم أرامكو 3%."),
                    new NewsDocument("en test", "en", "Apple up", "Apple shares rose 6 pct."));

    @Test
    void everyArticleIsValidWithItsOwnIdAndTime() {
        BenchArticles articles = new BenchArticles(TEXT, "run7");
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        for (long n : new long[] {0, 1, (long) TEXT.size(), 5L * (long) TEXT.size() + 3}) {
            ParseResult<NewsArticle> parsed = NewsArticleParser.parse(articles.article(n, at));
            assertThat(parsed.isOk()).as(parsed.reason()).isTrue();
            assertThat(parsed.value().id()).isEqualTo("run7-" + n);
            assertThat(parsed.value().publishedAt()).isEqualTo(at);
        }
    }

    @Test
    void theCorpusComesRoundAgainInOrder() {
        BenchArticles articles = new BenchArticles(TEXT, "r");
        Instant at = Instant.EPOCH.plusSeconds(1_000_000_000);
        String first = NewsArticleParser.parse(articles.article(0, at)).value().body();
        String again =
                NewsArticleParser.parse(articles.article((long) TEXT.size(), at)).value().body();
        assertThat(again).isEqualTo(first);
    }
}
