package io.newspulse.jobs.indexing;

import io.newspulse.connector.elasticsearch.BulkOperationRequest;
import io.newspulse.jobs.kafka.JsonRecord;
import java.time.Instant;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Indexes a {@link JsonRecord} under its key into the monthly index ({@link MonthlyIndex}) of
 * {@code index} for the record's index time (a time that never changes for a key, so rewrites stay
 * in one index). The record was written and checked by {@link io.newspulse.jobs.kafka.JsonEncoder}
 * (non-blank key of at most 512 bytes, bounded JSON), so converting it cannot fail on its content.
 */
public final class JsonRecordConverter
        implements ElementConverter<JsonRecord, BulkOperationRequest> {
    private static final long serialVersionUID = 1L;

    private final String index;

    public JsonRecordConverter(String index) {
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("index must not be null or blank");
        }
        this.index = index;
    }

    @Override
    public BulkOperationRequest apply(JsonRecord r, SinkWriter.Context context) {
        Instant month = r.indexTime() == null ? Instant.now() : Instant.ofEpochMilli(r.indexTime());
        return BulkOperationRequest.index(MonthlyIndex.name(index, month), r.key(), r.value());
    }
}
