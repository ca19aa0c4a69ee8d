package io.newspulse.jobs.testing;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.RawRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.collect.CollectSinkOperatorFactory;

/**
 * One run of the enrichment job's production topology over bounded raw records, on the MiniCluster
 * of {@link MiniClusters#restarting}: what it indexed, what it dead-lettered, how often it
 * restarted.
 *
 * @param articles the articles it wrote (every copy)
 * @param dead the dead letters it wrote
 * @param restarts the job's {@code numRestarts} at its end
 */
public record EnrichmentRun(List<EnrichedArticle> articles, List<DeadLetter> dead, long restarts) {

    /** Runs the job with the default configuration over {@code input} to its end. */
    public static EnrichmentRun of(List<RawRecord> input, InMemoryReporter metrics)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        // Collected results arrive in batches; an enriched 2 MB article is larger than the
        // default 2 MiB batch.
        Configuration collect = new Configuration();
        collect.set(CollectSinkOperatorFactory.MAX_BATCH_SIZE, MemorySize.ofMebiBytes(16));
        env.configure(collect);
        List<Collected<EnrichedArticle>> articles = new ArrayList<>();
        List<Collected<DeadLetter>> dead = new ArrayList<>();
        EnrichmentJob.build(
                env,
                NewspulseConfig.defaults(),
                BoundedSources.of(input, RawRecord.class),
                new EnrichmentJob.Sinks() {
                    @Override
                    public void articles(DataStream<JsonRecord> s) {
                        articles.add(Collected.from(JsonRecords.read(s, EnrichedArticle.class)));
                    }

                    @Override
                    public void deadLetters(DataStream<JsonRecord> s) {
                        dead.add(Collected.from(JsonRecords.read(s, DeadLetter.class)));
                    }
                });
        JobClient job = env.executeAsync("enrichment-test");
        List<EnrichedArticle> indexed = articles.get(0).values();
        List<DeadLetter> deadLetters = dead.get(0).values();
        JobExecutionResult result = job.getJobExecutionResult().get();
        Gauge<?> restarts =
                (Gauge<?>) metrics.findMetric(result.getJobID(), "numRestarts").orElseThrow();
        return new EnrichmentRun(indexed, deadLetters, ((Number) restarts.getValue()).longValue());
    }
}
