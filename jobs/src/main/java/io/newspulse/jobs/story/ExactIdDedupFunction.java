package io.newspulse.jobs.story;

import io.newspulse.common.model.EnrichedArticle;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes the first record of each article id and sends later ones (Kafka redeliveries, replays
 * after a restore) to {@link #DUPLICATES}, counting them in {@value #DUPLICATES_METRIC}. Keyed by
 * {@link #idKey()}.
 *
 * <p>An id is remembered for the TTL from its first delivery in <em>processing time</em>: a
 * processing-time timer clears the state, and a {@link StateTtlConfig} (which only supports
 * processing time) backs it up. Processing time rather than event time because a replay after a
 * restore, or a backfill of old news, carries old event times: with event-time timers those
 * records' cleanup would fire at once as the watermark passes them, and the ids would be forgotten
 * exactly when redeliveries are most likely. With processing time an id is known for the TTL after
 * it was first read, whatever its event time; a replay reaching further back than the TTL passes
 * again.
 */
public class ExactIdDedupFunction
        extends KeyedProcessFunction<String, EnrichedArticle, EnrichedArticle> {
    private static final long serialVersionUID = 1L;

    /** Records whose id was already seen. */
    public static final OutputTag<EnrichedArticle> DUPLICATES =
            new OutputTag<>("story-id-duplicates", TypeInformation.of(EnrichedArticle.class));

    /** Counter of records sent to {@link #DUPLICATES}. */
    public static final String DUPLICATES_METRIC = "duplicates_id";

    private final long ttlMillis;
    private transient ValueState<Long> firstSeen;
    private transient Counter duplicates;

    /** Remembers ids for {@code ttl}. */
    public ExactIdDedupFunction(Duration ttl) {
        this.ttlMillis = ttl.toMillis();
    }

    /** Keys an article by its id. */
    public static KeySelector<EnrichedArticle, String> idKey() {
        return new IdKey();
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("first-seen", Types.LONG);
        d.enableTimeToLive(StoryStateTtl.of(ttlMillis));
        firstSeen = getRuntimeContext().getState(d);
        duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_METRIC);
    }

    @Override
    public void processElement(EnrichedArticle article, Context ctx, Collector<EnrichedArticle> out)
            throws Exception {
        if (firstSeen.value() != null) {
            duplicates.inc();
            ctx.output(DUPLICATES, article);
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        firstSeen.update(now);
        ctx.timerService().registerProcessingTimeTimer(now + ttlMillis);
        out.collect(article);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedArticle> out)
            throws Exception {
        Long seen = firstSeen.value();
        // A timer left over from an entry the TTL already removed must not clear a newer one.
        if (seen == null || seen + ttlMillis <= timestamp) {
            firstSeen.clear();
        }
    }

    /** {@link EnrichedArticle#id()} as key. */
    static final class IdKey implements KeySelector<EnrichedArticle, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(EnrichedArticle article) {
            return article.id();
        }
    }
}
