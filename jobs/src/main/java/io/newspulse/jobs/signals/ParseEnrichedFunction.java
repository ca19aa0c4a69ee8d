package io.newspulse.jobs.signals;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.ArticleSector;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.kafka.DeadLetters;
import io.newspulse.jobs.kafka.RawRecord;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads {@code news.enriched} records; unreadable ones go to the dead-letter side output. Metrics:
 * {@code enriched_in}, {@code invalid}, {@code pipeline_latency_ms} (histogram: from the raw
 * article's Kafka append time to its arrival here).
 */
public final class ParseEnrichedFunction extends ProcessFunction<RawRecord, EnrichedArticle> {
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private transient Counter in;
    private transient Counter invalid;
    private transient Histogram latency;

    @Override
    public void open(OpenContext context) {
        in = getRuntimeContext().getMetricGroup().counter("enriched_in");
        invalid = getRuntimeContext().getMetricGroup().counter("invalid");
        latency =
                getRuntimeContext()
                        .getMetricGroup()
                        .histogram("pipeline_latency_ms", new DescriptiveStatisticsHistogram(1000));
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<EnrichedArticle> out) {
        in.inc();
        EnrichedArticle a;
        try {
            a = Json.mapper().readValue(raw.value(), EnrichedArticle.class);
        } catch (Exception e) {
            invalid.inc();
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.of(
                            raw,
                            "parse_enriched",
                            "invalid_enriched",
                            String.valueOf(e.getMessage())));
            return;
        }
        if (a == null || a.id() == null || a.eventTime() == null || a.storyId() == null) {
            invalid.inc();
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.of(
                            raw,
                            "parse_enriched",
                            "missing_field",
                            "id, story_id or event_time missing"));
            return;
        }
        String problem = problem(a, raw.timestamp());
        if (problem != null) {
            invalid.inc();
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.of(raw, "parse_enriched", "invalid_enriched", problem));
            return;
        }
        if (a.origin() != null && a.origin().timestamp() > 0) {
            latency.update(Math.max(0, System.currentTimeMillis() - a.origin().timestamp()));
        }
        out.collect(nullSafe(a));
    }

    /**
     * What makes a readable record unusable for windows and detectors, or null: a time outside
     * 1970..9999 (windows and timers take epoch milliseconds), list items without an id.
     */
    private static String problem(EnrichedArticle a, long timestamp) {
        if (timestamp < 0) {
            return "the record has no timestamp (" + timestamp + ")";
        }
        if (a.eventTime().isBefore(Instant.EPOCH) || a.eventTime().isAfter(LATEST)) {
            return "event_time " + a.eventTime() + " is outside 1970..9999";
        }
        if (a.entities() != null) {
            for (ArticleEntity e : a.entities()) {
                if (e == null || e.id() == null) {
                    return "an entity without id";
                }
            }
        }
        if (a.sectors() != null) {
            for (ArticleSector s : a.sectors()) {
                if (s == null || s.id() == null) {
                    return "a sector without id";
                }
            }
        }
        if (a.moves() != null) {
            for (ArticleMove m : a.moves()) {
                if (m == null) {
                    return "an empty move";
                }
            }
        }
        return null;
    }

    private static EnrichedArticle nullSafe(EnrichedArticle a) {
        if (a.entities() != null && a.sectors() != null && a.moves() != null) {
            return a;
        }
        return new EnrichedArticle(
                a.schemaVersion(),
                a.id(),
                a.storyId(),
                a.duplicate(),
                a.duplicateKind(),
                a.novelty(),
                a.source(),
                a.url(),
                a.publishedAt(),
                a.eventTime(),
                a.eventTimeSource(),
                a.ingestTime(),
                a.origin(),
                a.title(),
                a.body(),
                a.language(),
                a.entities() == null ? List.of() : a.entities(),
                a.sectors() == null ? List.of() : a.sectors(),
                a.moves() == null ? List.of() : a.moves(),
                a.simhash(),
                a.contentHash(),
                a.analysisTruncated(),
                a.unresolvedMoves());
    }
}
