package io.newspulse.jobs.story;

import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.story.Novelty;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sets {@code novelty} from the number of copies of the story seen before ({@link Novelty}): 1.0,
 * 0.5, 0.25, ... Keyed by {@link #storyKey()}. The duplicate flag and kind stay as the
 * near-duplicate stages set them, so a story's first article keeps {@code duplicate=false}.
 *
 * <p>A story is remembered for the TTL after its latest copy (processing time): each copy moves the
 * cleanup timer, and a state TTL backs it up. A story that resurfaces after that counts as new
 * again.
 */
public class StoryNoveltyFunction
        extends KeyedProcessFunction<String, EnrichedArticle, EnrichedArticle> {
    private static final long serialVersionUID = 1L;

    private final long ttlMillis;
    private transient ValueState<Long> copies;
    private transient ValueState<Long> lastSeen;

    /** Remembers a story for {@code ttl} after its latest copy. */
    public StoryNoveltyFunction(Duration ttl) {
        this.ttlMillis = ttl.toMillis();
    }

    /** Keys an article by its story id. */
    public static KeySelector<EnrichedArticle, String> storyKey() {
        return new StoryKey();
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Long> c = new ValueStateDescriptor<>("copies", Types.LONG);
        c.enableTimeToLive(StoryStateTtl.of(ttlMillis));
        copies = getRuntimeContext().getState(c);
        ValueStateDescriptor<Long> s = new ValueStateDescriptor<>("last-seen", Types.LONG);
        s.enableTimeToLive(StoryStateTtl.of(ttlMillis));
        lastSeen = getRuntimeContext().getState(s);
    }

    @Override
    public void processElement(EnrichedArticle article, Context ctx, Collector<EnrichedArticle> out)
            throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        Long earlier = copies.value();
        long n = earlier == null ? 0 : earlier;
        Long previous = lastSeen.value();
        if (previous != null) {
            ctx.timerService().deleteProcessingTimeTimer(previous + ttlMillis);
        }
        copies.update(n + 1);
        lastSeen.update(now);
        ctx.timerService().registerProcessingTimeTimer(now + ttlMillis);
        out.collect(
                article.withStory(
                        article.storyId(),
                        article.duplicate(),
                        article.duplicateKind(),
                        Novelty.of(n)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedArticle> out)
            throws Exception {
        Long seen = lastSeen.value();
        if (seen == null || seen + ttlMillis <= timestamp) {
            copies.clear();
            lastSeen.clear();
        }
    }

    /** {@link EnrichedArticle#storyId()} as key. */
    static final class StoryKey implements KeySelector<EnrichedArticle, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(EnrichedArticle article) {
            return article.storyId();
        }
    }
}
