package io.newspulse.jobs.enrichment;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.JobArgs;
import io.newspulse.jobs.JobEnvironment;
import io.newspulse.jobs.JobOperators;
import io.newspulse.jobs.indexing.ElasticsearchSinks;
import io.newspulse.jobs.kafka.DeadLetters;
import io.newspulse.jobs.kafka.JsonEncoder;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.KafkaConnectors;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.story.StoryStages;
import java.io.Serializable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The enrichment job: {@code news.raw} to {@code news.enriched} and the articles index.
 *
 * <p>Parses and validates each record (invalid ones to {@code news.dlq} with the reason), picks its
 * event time, tags it, drops redeliveries of the same article id, groups copies and near-duplicates
 * into stories and writes every article (copies flagged, with novelty) to Elasticsearch and to
 * {@code news.enriched}.
 *
 * <p>Arguments: {@code [--config FILE] [--set key=value]...} (see config/newspulse.yaml).
 */
public final class EnrichmentJob {
    /** Job name as shown in the Flink UI. */
    public static final String NAME = "newspulse-enrichment";

    private EnrichmentJob() {}

    /**
     * Where the job's output goes, already written as JSON (an article that cannot be written is a
     * dead letter by then); tests pass collecting sinks.
     */
    public interface Sinks extends Serializable {
        /** Enriched articles, every copy included, keyed by id, timestamped with event time. */
        void articles(DataStream<JsonRecord> articles);

        /** Records that could not be processed ({@link DeadLetter}s). */
        void deadLetters(DataStream<JsonRecord> deadLetters);
    }

    public static void main(String[] args) throws Exception {
        NewspulseConfig cfg = JobArgs.config(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, cfg);
        build(env, cfg, source(cfg), productionSinks(cfg));
        env.execute(NAME);
    }

    /** The Kafka source of {@code news.raw}. */
    public static Source<RawRecord, ?, ?> source(NewspulseConfig cfg) {
        return KafkaConnectors.rawSource(cfg, cfg.topics().raw(), "enrichment");
    }

    /**
     * Wires the job between a source of raw records and the sinks. Event time is chosen per article
     * after parsing, so the source itself carries no watermarks.
     */
    public static void build(
            StreamExecutionEnvironment env,
            NewspulseConfig cfg,
            Source<RawRecord, ?, ?> source,
            Sinks sinks) {
        DataStream<RawRecord> raw =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), JobOperators.RAW_SOURCE)
                        .uid(JobOperators.RAW_SOURCE);
        SingleOutputStreamOperator<ParsedArticle> parsed =
                raw.process(
                                new ParseArticleFunction(
                                        cfg.eventTime().futureTolerance(),
                                        cfg.eventTime().minPublishedAt()))
                        .uid(JobOperators.PARSE)
                        .name(JobOperators.PARSE);
        SingleOutputStreamOperator<EnrichedArticle> enriched =
                parsed.process(new EnrichArticleFunction(cfg.enrichment()))
                        .uid(JobOperators.ENRICH)
                        .name(JobOperators.ENRICH);
        SingleOutputStreamOperator<JsonRecord> articles =
                StoryStages.apply(enriched, cfg.story())
                        .articles()
                        .process(
                                new JsonEncoder<>(
                                        cfg.topics().enriched(),
                                        EnrichedArticle::id,
                                        EnrichedArticle::eventTimeMillis,
                                        EnrichedArticle::eventTime,
                                        EnrichedArticle::origin))
                        .uid(JobOperators.WRITE_ARTICLES)
                        .name(JobOperators.WRITE_ARTICLES);
        DataStream<DeadLetter> deadLetters =
                parsed.getSideOutput(DeadLetters.TAG)
                        .union(
                                enriched.getSideOutput(DeadLetters.TAG),
                                articles.getSideOutput(DeadLetters.TAG));
        sinks.articles(articles);
        sinks.deadLetters(
                deadLetters
                        .map(DeadLetters::toRecord, TypeInformation.of(JsonRecord.class))
                        .uid(JobOperators.WRITE_DEAD_LETTERS)
                        .name(JobOperators.WRITE_DEAD_LETTERS));
    }

    /**
     * Elasticsearch articles index (unless {@code elasticsearch.enabled} is false) and the {@code
     * news.enriched} topic; DLQ topic.
     */
    public static Sinks productionSinks(NewspulseConfig cfg) {
        return new Sinks() {
            @Override
            public void articles(DataStream<JsonRecord> articles) {
                if (cfg.elasticsearch().enabled()) {
                    articles.sinkTo(ElasticsearchSinks.of(cfg, cfg.elasticsearch().indexArticles()))
                            .uid(JobOperators.SINK_ES_ARTICLES)
                            .name(JobOperators.SINK_ES_ARTICLES);
                }
                articles.sinkTo(
                                KafkaConnectors.jsonSink(
                                        cfg,
                                        cfg.topics().enriched(),
                                        DeliveryGuarantee.AT_LEAST_ONCE,
                                        "enrichment",
                                        "enriched"))
                        .uid(JobOperators.SINK_KAFKA_ENRICHED)
                        .name(JobOperators.SINK_KAFKA_ENRICHED);
            }

            @Override
            public void deadLetters(DataStream<JsonRecord> deadLetters) {
                deadLetters
                        .sinkTo(KafkaConnectors.deadLetterSink(cfg, "enrichment"))
                        .uid(JobOperators.SINK_KAFKA_DLQ)
                        .name(JobOperators.SINK_KAFKA_DLQ);
            }
        };
    }
}
