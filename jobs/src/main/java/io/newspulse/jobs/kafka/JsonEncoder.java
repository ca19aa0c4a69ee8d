package io.newspulse.jobs.kafka;

import io.newspulse.common.model.Json;
import io.newspulse.common.model.KafkaOrigin;
import io.newspulse.common.model.RecordSizes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes each output record of a job as JSON (snake_case, docs/contracts.md) before it reaches the
 * Kafka and Elasticsearch sinks, with its key (also the document id) and Kafka timestamp. A record
 * that cannot be written goes to the {@link DeadLetters#TAG} side output (stage {@code serialize}):
 * an exception while writing it ({@code serialization_failed}), no key, a key longer than an
 * Elasticsearch id may be, or JSON larger than {@link RecordSizes#MAX_RECORD_BYTES} ({@code
 * too_large}). A negative timestamp is left out (the producer sets the time). So the sinks get only
 * records they can write, and one record never fails the job. Metric: {@code unwritable}.
 *
 * @param <T> the record type
 */
public final class JsonEncoder<T> extends ProcessFunction<T, JsonRecord> {
    private static final long serialVersionUID = 1L;

    /** Elasticsearch refuses a longer document id. */
    static final int MAX_KEY_BYTES = 512;

    private final String destination;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, Long> timestamp;
    private final SerializableFunction<T, Instant> indexTime;
    private final SerializableFunction<T, KafkaOrigin> origin;
    private transient Counter unwritable;

    /** An encoder of records that are not indexed (no index time). */
    public JsonEncoder(
            String destination,
            SerializableFunction<T, String> key,
            SerializableFunction<T, Long> timestamp,
            SerializableFunction<T, KafkaOrigin> origin) {
        this(destination, key, timestamp, null, origin);
    }

    /**
     * @param destination where the records go, named in dead letters
     * @param key the record key and document id
     * @param timestamp the Kafka timestamp, or null for the record's Flink timestamp
     * @param indexTime the time that picks the monthly Elasticsearch index, or null for records
     *     that are not indexed
     * @param origin the input a record came from, for its dead letter, or null
     */
    public JsonEncoder(
            String destination,
            SerializableFunction<T, String> key,
            SerializableFunction<T, Long> timestamp,
            SerializableFunction<T, Instant> indexTime,
            SerializableFunction<T, KafkaOrigin> origin) {
        this.destination = destination;
        this.key = key;
        this.timestamp = timestamp;
        this.indexTime = indexTime;
        this.origin = origin;
    }

    @Override
    public void open(OpenContext context) {
        unwritable = getRuntimeContext().getMetricGroup().counter("unwritable");
    }

    @Override
    public void processElement(T element, Context ctx, Collector<JsonRecord> out) {
        String k = null;
        try {
            k = key.apply(element);
            if (k == null || k.isBlank()) {
                fail(element, k, ctx, "serialization_failed", "the record has no key");
                return;
            }
            if (k.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                fail(element, k, ctx, "serialization_failed", "key longer than 512 bytes");
                return;
            }
            byte[] json = Json.mapper().writeValueAsBytes(element);
            if (json.length > RecordSizes.MAX_RECORD_BYTES) {
                fail(
                        element,
                        k,
                        ctx,
                        "too_large",
                        "JSON of "
                                + json.length
                                + " bytes, more than the "
                                + RecordSizes.MAX_RECORD_BYTES
                                + " a job writes");
                return;
            }
            Long ts = timestamp == null ? ctx.timestamp() : timestamp.apply(element);
            Instant month = indexTime == null ? null : indexTime.apply(element);
            out.collect(
                    new JsonRecord(
                            k,
                            ts == null || ts < 0 ? null : ts,
                            json,
                            month == null ? null : month.toEpochMilli()));
        } catch (Exception e) {
            fail(element, k, ctx, "serialization_failed", String.valueOf(e));
        }
    }

    private void fail(T element, String k, Context ctx, String error, String why) {
        unwritable.inc();
        KafkaOrigin o = null;
        try {
            o = origin == null ? null : origin.apply(element);
        } catch (RuntimeException e) {
            // The dead letter then names the destination instead.
        }
        ctx.output(
                DeadLetters.TAG,
                DeadLetters.ofUnwritable(
                        destination,
                        k,
                        o,
                        element,
                        error,
                        "cannot write "
                                + element.getClass().getSimpleName()
                                + " to "
                                + destination
                                + ": "
                                + why));
    }
}
