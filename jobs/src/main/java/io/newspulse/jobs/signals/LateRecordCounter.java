package io.newspulse.jobs.signals;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts mentions that arrived after their window's allowed lateness (metric {@code late_records}).
 * Their articles are already in the articles index (the enrichment job writes every article); only
 * the window counts skip them.
 */
public final class LateRecordCounter extends ProcessFunction<MentionEvent, MentionEvent> {
    private transient Counter late;

    @Override
    public void open(OpenContext context) {
        late = getRuntimeContext().getMetricGroup().counter("late_records");
    }

    @Override
    public void processElement(MentionEvent e, Context ctx, Collector<MentionEvent> out) {
        late.inc();
    }
}
