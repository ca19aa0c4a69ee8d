package io.newspulse.jobs.enrichment;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.JobArgs;
import io.newspulse.jobs.JobEnvironment;
import io.newspulse.jobs.JobOperators;
import io.newspulse.jobs.config.NewspulseConfig;
import io.newspulse.jobs.elasticsearch.ElasticsearchSinks;
import io.newspulse.jobs.elasticsearch.IndexTemplates;
import io.newspulse.jobs.kafka.KafkaConnectors;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.story.StorySettings;
import io.newspulse.jobs.story.StoryStages;
import java.io.Serializable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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

    /** Where the job's output goes; tests pass collecting sinks. */
    public interface Sinks extends Serializable {
        /** Enriched articles, every copy included. */
        void articles(DataStream<EnrichedArticle> articles);

        /** Records that could not be processed. */
        void deadLetters(DataStream<DeadLetter> deadLetters);
    }

    public static void main(String[] args) throws Exception {
        NewspulseConfig cfg = JobArgs.config(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, cfg);
        IndexTemplates.installIfEnabled(cfg);
        build(env, cfg, source(env, cfg), productionSinks(cfg));
        env.execute(NAME);
    }

    /** The Kafka source of {@code news.raw}. */
    public static DataStream<RawRecord> source(
            StreamExecutionEnvironment env, NewspulseConfig cfg) {
        return env.fromSource(
                        KafkaConnectors.rawSource(cfg, cfg.topics().raw(), "enrichment"),
                        WatermarkStrategy.noWatermarks(),
                        JobOperators.RAW_SOURCE)
                .uid(JobOperators.RAW_SOURCE);
    }

    /** Wires the job between a source of raw records and the sinks. */
    public static void build(
            StreamExecutionEnvironment env,
            NewspulseConfig cfg,
            DataStream<RawRecord> raw,
            Sinks sinks) {
        SingleOutputStreamOperator<ParsedArticle> parsed =
                raw.process(new ParseArticleFunction(cfg.eventTime().futureTolerance()))
                        .uid(JobOperators.PARSE)
                        .name(JobOperators.PARSE);
        SingleOutputStreamOperator<EnrichedArticle> enriched =
                parsed.process(new EnrichArticleFunction(cfg.enrichment()))
                        .uid(JobOperators.ENRICH)
                        .name(JobOperators.ENRICH);
        DataStream<DeadLetter> deadLetters =
                parsed.getSideOutput(ParseArticleFunction.DEAD_LETTERS)
                        .union(enriched.getSideOutput(ParseArticleFunction.DEAD_LETTERS));
        StorySettings story =
                new StorySettings(
                                cfg.story().ttl(),
                                cfg.story().maxPerBucket(),
                                cfg.story().maxDistance())
                        .validate();
        sinks.articles(StoryStages.apply(enriched, story).articles());
        sinks.deadLetters(deadLetters);
    }

    /** Elasticsearch articles index and the {@code news.enriched} topic; DLQ topic. */
    public static Sinks productionSinks(NewspulseConfig cfg) {
        return new Sinks() {
            @Override
            public void articles(DataStream<EnrichedArticle> articles) {
                articles.sinkTo(
                                ElasticsearchSinks.<EnrichedArticle>of(
                                        cfg,
                                        cfg.elasticsearch().indexArticles(),
                                        EnrichedArticle::id))
                        .uid(JobOperators.SINK_ES_ARTICLES)
                        .name(JobOperators.SINK_ES_ARTICLES);
                articles.sinkTo(
                                KafkaConnectors.<EnrichedArticle>jsonSink(
                                        cfg,
                                        cfg.topics().enriched(),
                                        EnrichedArticle::id,
                                        EnrichedArticle::eventTimeMillis,
                                        DeliveryGuarantee.AT_LEAST_ONCE,
                                        "enrichment",
                                        "enriched"))
                        .uid(JobOperators.SINK_KAFKA_ENRICHED)
                        .name(JobOperators.SINK_KAFKA_ENRICHED);
            }

            @Override
            public void deadLetters(DataStream<DeadLetter> deadLetters) {
                deadLetters
                        .sinkTo(KafkaConnectors.deadLetterSink(cfg, "enrichment"))
                        .uid(JobOperators.SINK_KAFKA_DLQ)
                        .name(JobOperators.SINK_KAFKA_DLQ);
            }
        };
    }
}
