package io.newspulse.jobs.enrichment;

import io.newspulse.common.analysis.ArticleEnricher;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.kafka.DeadLetters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tags an article (entities, sectors, moves, tone) with the knowledge base embedded in the jar. The
 * analyzer is built once per task in {@link #open}. An article that makes the analyzer fail goes to
 * the dead-letter side output instead of restarting the job. Metrics: {@code mentions}, {@code
 * enrich_failures}, {@code enrich_millis} (histogram).
 */
public final class EnrichArticleFunction extends ProcessFunction<ParsedArticle, EnrichedArticle> {
    private transient ArticleEnricher enricher;
    private transient Counter mentions;
    private transient Counter failures;
    private transient Histogram millis;

    @Override
    public void open(OpenContext context) {
        enricher = new ArticleEnricher(DocumentAnalyzer.create(KnowledgeBase.embedded()));
        mentions = getRuntimeContext().getMetricGroup().counter("mentions");
        failures = getRuntimeContext().getMetricGroup().counter("enrich_failures");
        millis =
                getRuntimeContext()
                        .getMetricGroup()
                        .histogram("enrich_millis", new DescriptiveStatisticsHistogram(1000));
    }

    @Override
    public void processElement(ParsedArticle p, Context ctx, Collector<EnrichedArticle> out) {
        long start = System.nanoTime();
        EnrichedArticle e;
        try {
            e =
                    enricher.enrich(
                            p.article(),
                            p.eventTime(),
                            p.eventTimeSource(),
                            p.ingestTime(),
                            p.origin());
        } catch (RuntimeException ex) {
            failures.inc();
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.of(p.raw(), "enrich", "enrich_failed", String.valueOf(ex)));
            return;
        }
        millis.update((System.nanoTime() - start) / 1_000_000);
        e.entities().forEach(x -> mentions.inc(x.count()));
        out.collect(e);
    }
}
