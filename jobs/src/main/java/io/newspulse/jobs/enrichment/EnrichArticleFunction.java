package io.newspulse.jobs.enrichment;

import io.newspulse.common.analysis.ArticleEnricher;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.text.WorkMeter;
import io.newspulse.jobs.kafka.DeadLetters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tags an article (entities, sectors, moves, tone) with the knowledge base embedded in the jar. The
 * analyzer is built once per TaskManager and shared by its subtasks ({@link SharedAnalyzer}). An
 * article that makes the analyzer fail goes to the dead-letter side output instead of restarting
 * the job. An article whose analysis runs out of its budget ({@link NewspulseConfig.Enrichment}) is
 * indexed with what was found until then and flagged {@code analysis_truncated}, so that no article
 * holds its subtask for long. Metrics: {@code mentions}, {@code enrich_failures}, {@code
 * analysis_truncated}, {@code enrich_millis} (histogram).
 */
public final class EnrichArticleFunction extends ProcessFunction<ParsedArticle, EnrichedArticle> {
    private final long budget;
    private final long timeoutNanos;
    private transient ArticleEnricher enricher;
    private transient Counter mentions;
    private transient Counter failures;
    private transient Counter truncated;
    private transient Histogram millis;

    public EnrichArticleFunction(NewspulseConfig.Enrichment settings) {
        this.budget = settings.analysisBudget();
        this.timeoutNanos = settings.analysisTimeout().toNanos();
    }

    @Override
    public void open(OpenContext context) {
        enricher = new ArticleEnricher(SharedAnalyzer.get());
        mentions = getRuntimeContext().getMetricGroup().counter("mentions");
        failures = getRuntimeContext().getMetricGroup().counter("enrich_failures");
        truncated = getRuntimeContext().getMetricGroup().counter("analysis_truncated");
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
                            p.origin(),
                            WorkMeter.limited(budget, timeoutNanos));
        } catch (RuntimeException ex) {
            failures.inc();
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.of(p.raw(), "enrich", "enrich_failed", String.valueOf(ex)));
            return;
        }
        millis.update((System.nanoTime() - start) / 1_000_000);
        if (e.analysisTruncated()) {
            truncated.inc();
        }
        e.entities().forEach(x -> mentions.inc(x.count()));
        out.collect(e);
    }
}
