package io.newspulse.jobs.testing;

import io.newspulse.jobs.kafka.JsonRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Reads a job's JSON output back into records, as a consumer of the topic or index would. */
public final class JsonRecords {
    private JsonRecords() {}

    /** {@code records} read as {@code type}. */
    public static <T> DataStream<T> read(DataStream<JsonRecord> records, Class<T> type) {
        return records.map(new Reader<>(type), TypeInformation.of(type));
    }

    private static final class Reader<T> implements MapFunction<JsonRecord, T> {
        private final Class<T> type;

        Reader(Class<T> type) {
            this.type = type;
        }

        @Override
        public T map(JsonRecord r) {
            return r.read(type);
        }
    }
}
