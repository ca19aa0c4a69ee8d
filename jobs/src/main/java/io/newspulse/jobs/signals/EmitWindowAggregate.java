package io.newspulse.jobs.signals;

import io.newspulse.common.model.StoryRef;
import io.newspulse.common.model.WindowAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns the running totals of a key's window into a {@link WindowAggregate} with the window bounds.
 * A window that fires again after late data reports {@code updates} > 1 and keeps its document id,
 * so Elasticsearch rewrites the same document.
 */
public final class EmitWindowAggregate
        extends ProcessWindowFunction<MentionAccumulator, WindowAggregate, String, TimeWindow> {
    static final int TOP_STORIES = 5;

    private final ValueStateDescriptor<Integer> firings =
            new ValueStateDescriptor<>("firings", Integer.class);

    private transient Histogram latency;

    @Override
    public void open(OpenContext context) {
        latency =
                getRuntimeContext()
                        .getMetricGroup()
                        .histogram("window_latency_ms", new DescriptiveStatisticsHistogram(1000));
    }

    @Override
    public void process(
            String key,
            Context ctx,
            Iterable<MentionAccumulator> totals,
            Collector<WindowAggregate> out)
            throws Exception {
        MentionAccumulator acc = totals.iterator().next();
        ValueState<Integer> fired = ctx.windowState().getState(firings);
        int updates = (fired.value() == null ? 0 : fired.value()) + 1;
        fired.update(updates);
        if (acc.maxAppendTime > 0) {
            latency.update(Math.max(0, System.currentTimeMillis() - acc.maxAppendTime));
        }
        out.collect(aggregate(acc, ctx.window(), updates));
    }

    @Override
    public void clear(Context ctx) {
        ctx.windowState().getState(firings).clear();
    }

    static WindowAggregate aggregate(MentionAccumulator acc, TimeWindow w, int updates) {
        Map<String, Long> languages = new TreeMap<>();
        IdTable articles = acc.articles;
        long moves = 0;
        for (int i = 0; i < articles.size; i++) {
            int l = articles.ints[i];
            languages.merge(l < 0 ? "other" : acc.languages[l], 1L, Long::sum);
            moves += articles.longs[i];
        }
        IdTable stories = acc.stories;
        double tone = 0;
        for (int i = 0; i < stories.size; i++) {
            tone += Double.longBitsToDouble(stories.longs[i]);
        }
        double avgTone = stories.size == 0 ? 0 : tone / stories.size;
        List<Map.Entry<String, String[]>> refs = new ArrayList<>(acc.storyRefs.entrySet());
        refs.sort(
                Comparator.comparingInt(
                                (Map.Entry<String, String[]> e) -> {
                                    int at = stories.find(IdTable.key(e.getKey()));
                                    return at < 0 ? 0 : -stories.ints[at];
                                })
                        .thenComparing(Map.Entry::getKey));
        List<StoryRef> top = new ArrayList<>();
        for (Map.Entry<String, String[]> e : refs.subList(0, Math.min(TOP_STORIES, refs.size()))) {
            String[] r = e.getValue();
            top.add(new StoryRef(r[0], r[1], r[2], r[3]));
        }
        return new WindowAggregate(
                WindowAggregate.SCHEMA_VERSION,
                acc.id,
                acc.keyKind,
                acc.entityType,
                acc.name,
                Instant.ofEpochMilli(w.getStart()),
                Instant.ofEpochMilli(w.getEnd()),
                stories.size,
                articles.size,
                acc.sources.size(),
                languages,
                Math.round(avgTone * 1000) / 1000.0,
                moves,
                acc.maxMovePercent,
                top,
                updates);
    }
}
