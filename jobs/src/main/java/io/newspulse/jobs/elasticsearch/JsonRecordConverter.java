package io.newspulse.jobs.elasticsearch;

import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.sink.elasticsearch.BulkOperationRequest;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Indexes a {@link JsonRecord} into one index under its key. The record was written and checked by
 * {@link io.newspulse.jobs.kafka.JsonEncoder} (non-blank key of at most 512 bytes, bounded JSON),
 * so converting it cannot fail on its content.
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
        return BulkOperationRequest.index(index, r.key(), r.value());
    }
}
