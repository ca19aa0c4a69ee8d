package io.newspulse.common.config;

import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.PriceMoveSettings;
import io.newspulse.common.signals.SpikeSettings;
import io.newspulse.common.signals.ToneSettings;
import io.newspulse.common.story.StorySettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The validated configuration of both jobs, parsed once at start. Every key is documented in {@code
 * config/newspulse.yaml}; secrets come only from the environment (see {@link Secrets}).
 *
 * @param kafka Kafka connection and consumer settings
 * @param topics topic names
 * @param elasticsearch Elasticsearch connection, indices and bulk settings
 * @param eventTime watermark settings
 * @param story duplicate detection settings
 * @param enrichment per-article analysis budget
 * @param windows aggregation window settings
 * @param alerts alert thresholds and the alerts sink guarantee
 * @param checkpoints checkpointing and state backend
 * @param parallelism default parallelism, or null for the cluster default
 * @param effective every key with its effective value (no secrets: they are not keys), shown in the
 *     Flink web UI as the jobs' global parameters
 * @param warnings deprecation warnings from loading (renamed or removed keys that were set)
 */
public record NewspulseConfig(
        Kafka kafka,
        Topics topics,
        Elasticsearch elasticsearch,
        EventTime eventTime,
        StorySettings story,
        Enrichment enrichment,
        Windows windows,
        Alerts alerts,
        Checkpoints checkpoints,
        Integer parallelism,
        Map<String, String> effective,
        List<String> warnings)
        implements Serializable {

    /** Kafka settings; SASL credentials are read from the environment by {@link Secrets}. */
    public record Kafka(
            String bootstrapServers,
            String groupIdPrefix,
            StartingOffsets startingOffsets,
            String transactionalIdPrefix,
            Duration transactionTimeout,
            Map<String, String> clientProperties)
            implements Serializable {
        /** Never prints the SASL settings: they carry the password. */
        @Override
        public String toString() {
            return "Kafka[bootstrapServers="
                    + bootstrapServers
                    + ", groupIdPrefix="
                    + groupIdPrefix
                    + ", startingOffsets="
                    + startingOffsets
                    + ", transactionalIdPrefix="
                    + transactionalIdPrefix
                    + ", transactionTimeout="
                    + transactionTimeout
                    + ", clientProperties="
                    + clientProperties.keySet()
                    + "]";
        }
    }

    /** Where a job starts without committed offsets. */
    public enum StartingOffsets {
        EARLIEST,
        LATEST
    }

    /** Topic names. */
    public record Topics(String raw, String enriched, String alerts, String dlq)
            implements Serializable {}

    /**
     * Elasticsearch settings; credentials come from the environment. {@code enabled} false means
     * the jobs index nothing. {@code caCertificate} (a PEM file path) and {@code caFingerprint}
     * (SHA-256, hex) are the HTTPS trust, each null when unset and at most one set.
     */
    public record Elasticsearch(
            boolean enabled,
            List<String> hosts,
            String username,
            String password,
            String caCertificate,
            String caFingerprint,
            String indexArticles,
            String indexAggregates,
            String indexAlerts,
            int bulkMaxActions,
            long bulkMaxBytes,
            Duration bulkMaxTimeInBuffer,
            int bulkMaxInFlight,
            int bulkMaxBuffered,
            Duration retryInitialBackoff,
            Duration retryMaxBackoff)
            implements Serializable {
        @Override
        public String toString() {
            return "Elasticsearch[enabled="
                    + enabled
                    + ", hosts="
                    + hosts
                    + ", user="
                    + username
                    + ", password="
                    + (password == null ? "none" : "***")
                    + (caCertificate == null ? "" : ", caCertificate=" + caCertificate)
                    + (caFingerprint == null ? "" : ", caFingerprint=" + caFingerprint)
                    + "]";
        }
    }

    /**
     * Watermark settings and the accepted range of {@code published_at}: from {@code
     * minPublishedAt} to the future tolerance after now.
     */
    public record EventTime(
            Duration maxOutOfOrderness,
            Duration idleness,
            Duration futureTolerance,
            Instant minPublishedAt)
            implements Serializable {}

    /**
     * The budget of one article's analysis: work units ({@code enrichment.analysis_budget}) and
     * wall-clock time ({@code enrichment.analysis_timeout}).
     */
    public record Enrichment(int analysisBudget, Duration analysisTimeout)
            implements Serializable {}

    /** Aggregation windows. */
    public record Windows(Duration size, Duration allowedLateness) implements Serializable {}

    /** Alerts sink guarantee. */
    public enum Guarantee {
        EXACTLY_ONCE,
        AT_LEAST_ONCE
    }

    /**
     * Alert settings (see config/newspulse.yaml for each key).
     *
     * @param policy cooldown and escalation, shared by every alert type
     * @param spike mention-spike detector
     * @param tone tone-shift detector
     * @param priceMove price-move detector
     * @param kafkaGuarantee delivery guarantee of the alerts topic
     */
    public record Alerts(
            AlertPolicySettings policy,
            SpikeSettings spike,
            ToneSettings tone,
            PriceMoveSettings priceMove,
            Guarantee kafkaGuarantee)
            implements Serializable {}

    /** State backend choice. */
    public enum StateBackend {
        HASHMAP,
        ROCKSDB
    }

    /** Checkpointing. */
    public record Checkpoints(Duration interval, String dir, StateBackend stateBackend)
            implements Serializable {}

    /** Defaults only (for tests and the demo, which then override single keys). */
    public static NewspulseConfig defaults() {
        return from(ConfigValues.defaults(), Map.of());
    }

    /**
     * Defaults, then {@code file} (if any), then the environment, then {@code --set} flags.
     *
     * @param file optional YAML file
     * @param env the environment (System.getenv())
     * @param flags {@code key=value} assignments
     */
    public static NewspulseConfig load(
            Optional<Path> file, Map<String, String> env, List<String> flags) {
        ConfigValues v = ConfigValues.defaults();
        file.ifPresent(v::withFile);
        v.withEnvironment(env);
        flags.forEach(v::withFlag);
        return from(v, env);
    }

    /** Builds and validates the typed configuration. */
    static NewspulseConfig from(ConfigValues v, Map<String, String> env) {
        Secrets secrets = Secrets.from(env);
        Kafka kafka =
                new Kafka(
                        v.requiredString("kafka.bootstrap_servers"),
                        v.requiredString("kafka.group_id_prefix"),
                        v.choice("kafka.starting_offsets", StartingOffsets.class),
                        v.requiredString("kafka.transactional_id_prefix"),
                        v.duration("kafka.transaction_timeout"),
                        secrets.kafkaClientProperties());
        if (kafka.transactionTimeout().compareTo(Duration.ofMinutes(15)) > 0) {
            throw v.invalid(
                    "kafka.transaction_timeout",
                    "must not exceed the broker default transaction.max.timeout.ms (15m)");
        }
        Topics topics =
                new Topics(
                        v.requiredString("topics.raw"),
                        v.requiredString("topics.enriched"),
                        v.requiredString("topics.alerts"),
                        v.requiredString("topics.dlq"));
        List<String> hosts =
                Arrays.stream(v.requiredString("elasticsearch.hosts").split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        for (String h : hosts) {
            if (!h.startsWith("http://") && !h.startsWith("https://")) {
                throw v.invalid("elasticsearch.hosts", "must list http:// or https:// URLs");
            }
        }
        String caCertificate = v.optionalString("elasticsearch.ca_certificate");
        String caFingerprint = v.optionalString("elasticsearch.ca_fingerprint");
        if (caCertificate != null && caFingerprint != null) {
            throw v.invalid(
                    "elasticsearch.ca_fingerprint",
                    "must be empty when elasticsearch.ca_certificate is set (use one of them)");
        }
        if (caCertificate != null || caFingerprint != null) {
            for (String h : hosts) {
                if (!h.startsWith("https://")) {
                    throw v.invalid(
                            "elasticsearch.hosts",
                            "must list https:// URLs when a CA certificate or fingerprint is set");
                }
            }
        }
        Elasticsearch es =
                new Elasticsearch(
                        v.bool("elasticsearch.enabled"),
                        hosts,
                        secrets.esUsername(),
                        secrets.esPassword(),
                        caCertificate,
                        caFingerprint,
                        v.requiredString("elasticsearch.index_articles"),
                        v.requiredString("elasticsearch.index_aggregates"),
                        v.requiredString("elasticsearch.index_alerts"),
                        v.positiveInt("elasticsearch.bulk_max_actions"),
                        v.bytes("elasticsearch.bulk_max_bytes"),
                        v.duration("elasticsearch.bulk_max_time_in_buffer"),
                        v.positiveInt("elasticsearch.bulk_max_in_flight"),
                        v.positiveInt("elasticsearch.bulk_max_buffered"),
                        v.duration("elasticsearch.retry_initial_backoff"),
                        v.duration("elasticsearch.retry_max_backoff"));
        EventTime eventTime =
                new EventTime(
                        v.duration("event_time.max_out_of_orderness"),
                        v.duration("event_time.idleness"),
                        v.duration("event_time.future_tolerance"),
                        v.instant("event_time.min_published_at"));
        if (eventTime.minPublishedAt().isBefore(Instant.EPOCH)) {
            throw v.invalid(
                    "event_time.min_published_at",
                    "must not be before 1970-01-01T00:00:00Z (Kafka timestamps cannot express it)");
        }
        StorySettings story =
                settings(
                        v,
                        "story",
                        () ->
                                new StorySettings(
                                                v.duration("story.ttl"),
                                                v.positiveInt("story.max_per_bucket"),
                                                v.positiveInt("story.max_distance"))
                                        .validate());
        Enrichment enrichment =
                new Enrichment(
                        v.positiveInt("enrichment.analysis_budget"),
                        v.duration("enrichment.analysis_timeout"));
        Windows windows =
                new Windows(v.duration("windows.size"), v.duration("windows.allowed_lateness"));
        if (windows.size().isZero()) {
            throw v.invalid("windows.size", "must be longer than 0");
        }
        Alerts alerts =
                new Alerts(
                        settings(
                                v,
                                "alerts.cooldown",
                                () ->
                                        new AlertPolicySettings(
                                                        v.duration("alerts.cooldown"),
                                                        v.positiveDouble(
                                                                "alerts.escalation_factor"),
                                                        v.positiveInt("alerts.max_evidence"))
                                                .validate()),
                        settings(
                                v,
                                "alerts.spike_horizon_windows",
                                () ->
                                        new SpikeSettings(
                                                        v.positiveInt(
                                                                "alerts.spike_horizon_windows"),
                                                        v.positiveInt("alerts.spike_min_history"),
                                                        v.positiveInt("alerts.spike_min_stories"),
                                                        v.positiveDouble(
                                                                "alerts.spike_z_threshold"),
                                                        v.positiveDouble("alerts.spike_std_floor"))
                                                .validate()),
                        settings(
                                v,
                                "alerts.tone_horizon_windows",
                                () ->
                                        new ToneSettings(
                                                        v.positiveInt(
                                                                "alerts.tone_horizon_windows"),
                                                        v.positiveInt("alerts.tone_min_history"),
                                                        v.positiveInt("alerts.tone_min_stories"),
                                                        v.positiveDouble("alerts.tone_min_delta"))
                                                .validate()),
                        settings(
                                v,
                                "alerts.price_stock_threshold",
                                () ->
                                        new PriceMoveSettings(
                                                        v.positiveDouble(
                                                                "alerts.price_stock_threshold"),
                                                        v.positiveDouble(
                                                                "alerts.price_index_threshold"),
                                                        v.positiveDouble(
                                                                "alerts.price_etf_threshold"),
                                                        v.positiveDouble(
                                                                "alerts.price_currency_threshold"),
                                                        v.positiveDouble(
                                                                "alerts.price_commodity_threshold"),
                                                        v.positiveDouble(
                                                                "alerts.price_crypto_threshold"),
                                                        v.positiveDouble(
                                                                "alerts.price_sector_threshold"),
                                                        v.positiveDouble(
                                                                "alerts.price_same_move_tolerance"),
                                                        v.duration("alerts.price_same_move_window"))
                                                .validate()),
                        v.choice("alerts.kafka_guarantee", Guarantee.class));
        Checkpoints checkpoints =
                new Checkpoints(
                        v.duration("checkpoints.interval"),
                        v.optionalString("checkpoints.dir"),
                        v.choice("checkpoints.state_backend", StateBackend.class));
        String p = v.optionalString("parallelism");
        Integer parallelism = p == null ? null : v.positiveInt("parallelism");
        return new NewspulseConfig(
                kafka,
                topics,
                es,
                eventTime,
                story,
                enrichment,
                windows,
                alerts,
                checkpoints,
                parallelism,
                v.asMap(),
                v.warnings());
    }

    /** Builds a settings record, turning its validation error into a configuration error. */
    private static <T> T settings(ConfigValues v, String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw v.invalid(key, "is out of range: " + e.getMessage());
        }
    }
}
