package io.newspulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.signals.SignalsJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * Savepoints map operator state to uids: every uid that has been released must still be in the
 * production topology of its job. Renaming or dropping one fails here; adding one means adding it
 * to the list.
 */
class ReleasedUidsTest {
    static final List<String> ENRICHMENT =
            List.of(
                    "source-news-raw",
                    "parse-articles",
                    "enrich-articles",
                    "story-exact-id",
                    "story-candidates",
                    "story-near-dup-band-0",
                    "story-near-dup-band-1",
                    "story-near-dup-band-2",
                    "story-near-dup-band-3",
                    "story-assigned",
                    "story-novelty",
                    "write-articles-json",
                    "write-dead-letters-json",
                    "sink-es-articles",
                    "sink-kafka-enriched",
                    "sink-kafka-dlq");

    static final List<String> SIGNALS =
            List.of(
                    "source-news-enriched",
                    "parse-enriched",
                    "extract-mentions",
                    "window-mention-counts",
                    "count-late-records",
                    "count-late-records-sink",
                    "detect-mention-spikes",
                    "detect-tone-shifts",
                    "detect-price-moves",
                    "alert-cooldown-gate",
                    "write-aggregates-json",
                    "write-alerts-json",
                    "write-signals-dead-letters-json",
                    "sink-es-aggregates",
                    "sink-es-alerts",
                    "sink-kafka-alerts",
                    "sink-kafka-signals-dlq");

    @Test
    void theEnrichmentJobKeepsEveryReleasedUid() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        NewspulseConfig cfg = NewspulseConfig.defaults();
        EnrichmentJob.build(
                env, cfg, EnrichmentJob.source(cfg), EnrichmentJob.productionSinks(cfg));
        assertThat(uids(env)).containsAll(ENRICHMENT);
    }

    @Test
    void theSignalsJobKeepsEveryReleasedUid() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        NewspulseConfig cfg = NewspulseConfig.defaults();
        SignalsJob.build(env, cfg, SignalsJob.source(cfg), SignalsJob.productionSinks(cfg));
        assertThat(uids(env)).containsAll(SIGNALS);
    }

    @Test
    void everyOperatorOfBothJobsHasAReleasedUid() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        NewspulseConfig cfg = NewspulseConfig.defaults();
        EnrichmentJob.build(
                env, cfg, EnrichmentJob.source(cfg), EnrichmentJob.productionSinks(cfg));
        SignalsJob.build(env, cfg, SignalsJob.source(cfg), SignalsJob.productionSinks(cfg));
        Set<String> released = new TreeSet<>(ENRICHMENT);
        released.addAll(SIGNALS);
        // Kafka sinks add a committer, whose uid Flink derives from the sink's uid.
        assertThat(uids(env))
                .allSatisfy(
                        uid ->
                                assertThat(released)
                                        .as("uid %s is released", uid)
                                        .contains(uid.replaceFirst("^Sink Committer: ", "")));
    }

    @Test
    void withElasticsearchDisabledNoJobHasAnElasticsearchSink() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        NewspulseConfig cfg =
                NewspulseConfig.load(
                        Optional.empty(), Map.of(), List.of("elasticsearch.enabled=false"));
        EnrichmentJob.build(
                env, cfg, EnrichmentJob.source(cfg), EnrichmentJob.productionSinks(cfg));
        SignalsJob.build(env, cfg, SignalsJob.source(cfg), SignalsJob.productionSinks(cfg));
        assertThat(uids(env))
                .noneMatch(uid -> uid.contains("sink-es-"))
                .contains("sink-kafka-enriched", "sink-kafka-alerts", "write-aggregates-json");
    }

    private static Set<String> uids(StreamExecutionEnvironment env) {
        Set<String> uids = new TreeSet<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                uids.add(node.getTransformationUID());
            }
        }
        return uids;
    }
}
