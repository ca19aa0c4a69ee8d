package io.newspulse.jobs.signals;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Alert;
import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.WindowAggregate;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.jobs.JobArgs;
import io.newspulse.jobs.JobEnvironment;
import io.newspulse.jobs.JobOperators;
import io.newspulse.jobs.indexing.ElasticsearchSinks;
import io.newspulse.jobs.kafka.DeadLetters;
import io.newspulse.jobs.kafka.JsonEncoder;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.KafkaConnectors;
import io.newspulse.jobs.kafka.RawRecord;
import java.io.Serializable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The signals job: {@code news.enriched} to window counts (aggregates index) and alerts (alerts
 * index and {@code signals.alerts}).
 *
 * <p>Each article becomes one mention per entity and per sector; mentions are counted per key in
 * event-time tumbling windows with allowed lateness (a late update rewrites the same aggregate
 * document; later records are counted in the {@code late_records} metric). Window counts feed the
 * mention-spike and tone-shift detectors, reported moves the price-move detector; a cooldown gate
 * per entity and alert type escalates growing signals instead of repeating them.
 *
 * <p>Arguments: {@code [--config FILE] [--set key=value]...} (see config/newspulse.yaml).
 */
public final class SignalsJob {
    /** Job name as shown in the Flink UI. */
    public static final String NAME = "newspulse-signals";

    /** Mentions later than the allowed lateness. */
    static final OutputTag<MentionEvent> LATE = new OutputTag<>("late-mentions") {};

    private SignalsJob() {}

    /**
     * Where the job's output goes, already written as JSON (a record that cannot be written is a
     * dead letter by then); tests pass collecting sinks.
     */
    public interface Sinks extends Serializable {
        /**
         * Window counts per entity and sector ({@link WindowAggregate}s keyed by document id,
         * rewritten by late updates).
         */
        void aggregates(DataStream<JsonRecord> aggregates);

        /**
         * Alerts after the cooldown gate ({@link Alert}s keyed by alert id, re-emitted with the
         * same id when evidence grows).
         */
        void alerts(DataStream<JsonRecord> alerts);

        /** Unreadable {@code news.enriched} records and unwritable output ({@link DeadLetter}s). */
        void deadLetters(DataStream<JsonRecord> deadLetters);
    }

    public static void main(String[] args) throws Exception {
        NewspulseConfig cfg = JobArgs.config(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, cfg);
        build(env, cfg, source(cfg), productionSinks(cfg));
        env.execute(NAME);
    }

    /** The Kafka source of {@code news.enriched}. */
    public static Source<RawRecord, ?, ?> source(NewspulseConfig cfg) {
        return KafkaConnectors.rawSource(cfg, cfg.topics().enriched(), "signals");
    }

    /**
     * Bounded out-of-orderness and idleness from the configuration, on the record timestamp: the
     * enrichment job writes each record with its event time as Kafka timestamp. Applied in the
     * source, so watermarks are per partition.
     */
    static WatermarkStrategy<RawRecord> watermarks(NewspulseConfig cfg) {
        return WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(
                        cfg.eventTime().maxOutOfOrderness())
                .withIdleness(cfg.eventTime().idleness())
                .withTimestampAssigner((r, ts) -> r.timestamp());
    }

    /** Wires the job between a source of {@code news.enriched} records and the sinks. */
    public static void build(
            StreamExecutionEnvironment env,
            NewspulseConfig cfg,
            Source<RawRecord, ?, ?> source,
            Sinks sinks) {
        DataStream<RawRecord> raw =
                env.fromSource(source, watermarks(cfg), JobOperators.ENRICHED_SOURCE)
                        .uid(JobOperators.ENRICHED_SOURCE);
        SingleOutputStreamOperator<EnrichedArticle> articles =
                raw.process(new ParseEnrichedFunction())
                        .uid(JobOperators.PARSE_ENRICHED)
                        .name(JobOperators.PARSE_ENRICHED);
        SingleOutputStreamOperator<MentionEvent> mentions =
                articles.process(new MentionExtractor())
                        .uid(JobOperators.MENTIONS)
                        .name(JobOperators.MENTIONS);
        SingleOutputStreamOperator<WindowAggregate> aggregates =
                mentions.keyBy(MentionEvent::key)
                        .window(TumblingEventTimeWindows.of(cfg.windows().size()))
                        .allowedLateness(cfg.windows().allowedLateness())
                        .sideOutputLateData(LATE)
                        .aggregate(new CountMentions(), new EmitWindowAggregate())
                        .uid(JobOperators.WINDOW_COUNTS)
                        .name(JobOperators.WINDOW_COUNTS);
        aggregates
                .getSideOutput(LATE)
                .process(new LateRecordCounter())
                .uid(JobOperators.LATE_RECORDS)
                .name(JobOperators.LATE_RECORDS)
                .sinkTo(new DiscardingSink<>())
                .uid(JobOperators.LATE_RECORDS_SINK)
                .name(JobOperators.LATE_RECORDS_SINK);

        NewspulseConfig.Alerts a = cfg.alerts();
        AlertPolicySettings policy = a.policy();
        DataStream<Alert> spikes =
                aggregates
                        .keyBy(SignalKeys::aggregateKey)
                        .process(new MentionSpikeFunction(a.spike(), policy, cfg.windows().size()))
                        .uid(JobOperators.MENTION_SPIKES)
                        .name(JobOperators.MENTION_SPIKES);
        DataStream<Alert> toneShifts =
                aggregates
                        .keyBy(SignalKeys::aggregateKey)
                        .process(new ToneShiftFunction(a.tone(), policy, cfg.windows().size()))
                        .uid(JobOperators.TONE_SHIFTS)
                        .name(JobOperators.TONE_SHIFTS);
        DataStream<Alert> priceMoves =
                mentions.getSideOutput(MentionExtractor.MOVES)
                        .keyBy(SignalKeys::moveKey)
                        .process(new PriceMoveFunction(a.priceMove(), policy))
                        .uid(JobOperators.PRICE_MOVES)
                        .name(JobOperators.PRICE_MOVES);
        DataStream<Alert> alerts =
                spikes.union(toneShifts, priceMoves)
                        .keyBy(SignalKeys::alertKey)
                        .process(
                                new AlertGateFunction(
                                        policy,
                                        a.priceMove().sameMoveWindow(),
                                        cfg.windows().allowedLateness()))
                        .uid(JobOperators.ALERT_GATE)
                        .name(JobOperators.ALERT_GATE);

        SingleOutputStreamOperator<JsonRecord> aggregateRecords =
                aggregates
                        .process(
                                new JsonEncoder<>(
                                        cfg.elasticsearch().indexAggregates(),
                                        WindowAggregate::documentId,
                                        null,
                                        WindowAggregate::windowStart,
                                        null))
                        .uid(JobOperators.WRITE_AGGREGATES)
                        .name(JobOperators.WRITE_AGGREGATES);
        SingleOutputStreamOperator<JsonRecord> alertRecords =
                alerts.process(
                                new JsonEncoder<>(
                                        cfg.topics().alerts(),
                                        Alert::alertId,
                                        null,
                                        Alert::windowStart,
                                        null))
                        .uid(JobOperators.WRITE_ALERTS)
                        .name(JobOperators.WRITE_ALERTS);
        sinks.aggregates(aggregateRecords);
        sinks.alerts(alertRecords);
        sinks.deadLetters(
                articles.getSideOutput(DeadLetters.TAG)
                        .union(
                                mentions.getSideOutput(DeadLetters.TAG),
                                aggregateRecords.getSideOutput(DeadLetters.TAG),
                                alertRecords.getSideOutput(DeadLetters.TAG))
                        .map(DeadLetters::toRecord, TypeInformation.of(JsonRecord.class))
                        .uid(JobOperators.WRITE_SIGNALS_DEAD_LETTERS)
                        .name(JobOperators.WRITE_SIGNALS_DEAD_LETTERS));
    }

    /**
     * Elasticsearch aggregates and alerts indices (unless {@code elasticsearch.enabled} is false:
     * the aggregates are then written nowhere), the alerts topic and the DLQ topic.
     */
    public static Sinks productionSinks(NewspulseConfig cfg) {
        return new Sinks() {
            @Override
            public void aggregates(DataStream<JsonRecord> aggregates) {
                if (!cfg.elasticsearch().enabled()) {
                    return; // still computed: they feed the spike and tone-shift detectors
                }
                aggregates
                        .sinkTo(
                                ElasticsearchSinks.ordered(
                                        cfg, cfg.elasticsearch().indexAggregates()))
                        .uid(JobOperators.SINK_ES_AGGREGATES)
                        .name(JobOperators.SINK_ES_AGGREGATES);
            }

            @Override
            public void alerts(DataStream<JsonRecord> alerts) {
                if (cfg.elasticsearch().enabled()) {
                    alerts.sinkTo(
                                    ElasticsearchSinks.ordered(
                                            cfg, cfg.elasticsearch().indexAlerts()))
                            .uid(JobOperators.SINK_ES_ALERTS)
                            .name(JobOperators.SINK_ES_ALERTS);
                }
                DeliveryGuarantee guarantee =
                        cfg.alerts().kafkaGuarantee() == NewspulseConfig.Guarantee.EXACTLY_ONCE
                                ? DeliveryGuarantee.EXACTLY_ONCE
                                : DeliveryGuarantee.AT_LEAST_ONCE;
                alerts.sinkTo(
                                KafkaConnectors.jsonSink(
                                        cfg, cfg.topics().alerts(), guarantee, "signals", "alerts"))
                        .uid(JobOperators.SINK_KAFKA_ALERTS)
                        .name(JobOperators.SINK_KAFKA_ALERTS);
            }

            @Override
            public void deadLetters(DataStream<JsonRecord> deadLetters) {
                deadLetters
                        .sinkTo(KafkaConnectors.deadLetterSink(cfg, "signals"))
                        .uid(JobOperators.SINK_KAFKA_SIGNALS_DLQ)
                        .name(JobOperators.SINK_KAFKA_SIGNALS_DLQ);
            }
        };
    }
}
