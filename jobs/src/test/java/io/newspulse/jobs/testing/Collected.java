package io.newspulse.jobs.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.CloseableIterator;

/**
 * Results of a stream read back with {@link DataStream#collectAsync}: attach before executing the
 * job, read after.
 */
public final class Collected<T> {
    private final DataStream.Collector<T> collector = new DataStream.Collector<>();
    private List<T> values;

    private Collected() {}

    /** Starts collecting {@code stream}. */
    public static <T> Collected<T> from(DataStream<T> stream) {
        Collected<T> c = new Collected<>();
        stream.collectAsync(c.collector);
        return c;
    }

    /** Every element, once the job has finished (blocks until the stream ends). */
    public synchronized List<T> values() throws Exception {
        if (values == null) {
            List<T> out = new ArrayList<>();
            try (CloseableIterator<T> it = collector.getOutput()) {
                it.forEachRemaining(out::add);
            }
            values = List.copyOf(out);
        }
        return values;
    }
}
