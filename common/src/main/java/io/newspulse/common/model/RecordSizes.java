package io.newspulse.common.model;

/**
 * How large a record the pipeline reads and writes, in one place. An article may be 2 MiB ({@link
 * NewsArticleParser#MAX_BYTES}); its enriched record carries it with the analysis, so a job writes
 * JSON of up to {@link #MAX_RECORD_BYTES}, and producers, topics and consumers allow {@link
 * #MAX_MESSAGE_BYTES} (the record plus key, headers and batch overhead). A larger record never
 * reaches a producer: it becomes a dead letter ({@code too_large}), and a dead letter keeps at most
 * {@link #MAX_ORIGINAL_BYTES} of the original value.
 */
public final class RecordSizes {
    /** Largest JSON value a job writes to Kafka or Elasticsearch. */
    public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    /**
     * {@code max.request.size} of every producer, {@code max.message.bytes} of every topic and the
     * consumers' fetch sizes.
     */
    public static final int MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

    /** A dead letter keeps the first this many bytes of the original value. */
    public static final int MAX_ORIGINAL_BYTES = 1024 * 1024;

    private RecordSizes() {}
}
