package io.newspulse.jobs.enrichment;

import io.newspulse.common.model.KafkaOrigin;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.common.model.ParseResult;
import io.newspulse.jobs.kafka.DeadLetters;
import io.newspulse.jobs.kafka.RawRecord;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Validates {@code news.raw} records. Invalid input goes to the {@link DeadLetters#TAG} side output
 * with the reason; it never throws. Metrics: {@code articles_in}, {@code invalid}, {@code
 * event_time_fallbacks}.
 */
public final class ParseArticleFunction extends ProcessFunction<RawRecord, ParsedArticle> {
    private final EventTimes eventTimes;
    private transient Counter in;
    private transient Counter invalid;
    private transient Counter fallbacks;

    /**
     * @param futureTolerance how far in the future a {@code published_at} is still accepted
     * @param minPublishedAt the earliest accepted {@code published_at}, not before 1970
     */
    public ParseArticleFunction(Duration futureTolerance, Instant minPublishedAt) {
        this.eventTimes = new EventTimes(futureTolerance, minPublishedAt);
    }

    @Override
    public void open(OpenContext context) {
        in = getRuntimeContext().getMetricGroup().counter("articles_in");
        invalid = getRuntimeContext().getMetricGroup().counter("invalid");
        fallbacks = getRuntimeContext().getMetricGroup().counter("event_time_fallbacks");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<ParsedArticle> out) {
        in.inc();
        ParseResult<NewsArticle> parsed = NewsArticleParser.parse(raw.value());
        if (!parsed.isOk()) {
            invalid.inc();
            ctx.output(
                    DeadLetters.TAG, DeadLetters.of(raw, "parse", parsed.error(), parsed.reason()));
            return;
        }
        Instant now = Instant.now();
        NewsArticle a = parsed.value();
        EventTimes.Choice t = eventTimes.choose(a.publishedAt(), raw.timestamp(), now);
        if (!t.source().equals(EventTimes.PUBLISHED_AT)) {
            fallbacks.inc();
        }
        out.collect(
                new ParsedArticle(
                        a,
                        t.time(),
                        t.source(),
                        now,
                        new KafkaOrigin(
                                raw.topic(), raw.partition(), raw.offset(), raw.timestamp()),
                        raw));
    }
}
