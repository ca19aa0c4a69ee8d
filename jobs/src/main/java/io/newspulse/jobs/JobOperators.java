package io.newspulse.jobs;

/**
 * Operator uids and names of both jobs. Savepoints map state to these uids: a released uid is never
 * renamed or reused.
 */
public final class JobOperators {
    private JobOperators() {}

    // Enrichment job.
    public static final String RAW_SOURCE = "source-news-raw";
    public static final String PARSE = "parse-articles";
    public static final String ENRICH = "enrich-articles";
    public static final String SINK_ES_ARTICLES = "sink-es-articles";
    public static final String SINK_KAFKA_ENRICHED = "sink-kafka-enriched";
    public static final String SINK_KAFKA_DLQ = "sink-kafka-dlq";
    public static final String WRITE_ARTICLES = "write-articles-json";
    public static final String WRITE_DEAD_LETTERS = "write-dead-letters-json";

    // Signals job.
    public static final String ENRICHED_SOURCE = "source-news-enriched";
    public static final String PARSE_ENRICHED = "parse-enriched";
    public static final String MENTIONS = "extract-mentions";
    public static final String WINDOW_COUNTS = "window-mention-counts";
    public static final String LATE_RECORDS = "count-late-records";
    public static final String LATE_RECORDS_SINK = "count-late-records-sink";
    public static final String MENTION_SPIKES = "detect-mention-spikes";
    public static final String TONE_SHIFTS = "detect-tone-shifts";
    public static final String PRICE_MOVES = "detect-price-moves";
    public static final String ALERT_GATE = "alert-cooldown-gate";
    public static final String SINK_ES_AGGREGATES = "sink-es-aggregates";
    public static final String SINK_ES_ALERTS = "sink-es-alerts";
    public static final String SINK_KAFKA_ALERTS = "sink-kafka-alerts";
    public static final String SINK_KAFKA_SIGNALS_DLQ = "sink-kafka-signals-dlq";
    public static final String WRITE_AGGREGATES = "write-aggregates-json";
    public static final String WRITE_ALERTS = "write-alerts-json";
    public static final String WRITE_SIGNALS_DEAD_LETTERS = "write-signals-dead-letters-json";
}
