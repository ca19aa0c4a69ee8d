package io.newspulse.jobs.story;

import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.story.Fingerprint;
import io.newspulse.common.story.FingerprintBucket;
import io.newspulse.common.story.SimHash;
import io.newspulse.common.story.StoryAssigner;
import io.newspulse.common.story.StoryAssignment;
import io.newspulse.common.story.StorySettings;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Near-duplicate detection for one SimHash band: keyed by {@link #bandKey(int)} of the same band,
 * it assigns an article to the earliest story with a recent fingerprint within {@link
 * StorySettings#maxDistance()} bits and then registers the article's fingerprint under the story it
 * ended up in. One instance per band, chained band 0 to {@code SimHash.BANDS - 1}: two fingerprints
 * within {@code BANDS - 1} bits share at least one band value, so one of the stages sees both.
 *
 * <p>Articles travel as {@link StoryCandidate}s, carrying the start (event time of the first
 * article) of the story they are in so far. The story decision is {@link StoryAssigner}'s: when an
 * earlier band already gave the article a story, the earlier-starting story wins, whether or not
 * this band has seen the carried story; the fingerprint is registered under the winner with its
 * start. Articles without text features (SimHash 0) pass untouched.
 *
 * <p>State per band value: the fingerprints registered in the last TTL (processing time), at most
 * {@link StorySettings#maxPerBucket()}, oldest evicted. One processing-time timer per non-empty
 * bucket fires when its oldest entry expires, drops what expired and re-arms for the next; a state
 * TTL backs it up. A fingerprint only matches articles whose event time is within the TTL of its
 * own, so a replay or backfill of old news does not chain stories that were days apart.
 */
public class NearDuplicateStage
        extends KeyedProcessFunction<Integer, StoryCandidate, StoryCandidate> {
    private static final long serialVersionUID = 1L;

    private final int band;
    private final StorySettings settings;
    private transient ListState<Fingerprint> fingerprints;
    private transient StoryAssigner assigner;

    /** The stage for band {@code band} (0 to {@code SimHash.BANDS - 1}). */
    public NearDuplicateStage(int band, StorySettings settings) {
        this.band = checkBand(band);
        this.settings = settings.validate();
    }

    /** Keys an article by its SimHash band {@code band}; the stage for that band must use it. */
    public static KeySelector<StoryCandidate, Integer> bandKey(int band) {
        return new BandKey(checkBand(band));
    }

    /** The band this stage works on. */
    public int band() {
        return band;
    }

    @Override
    public void open(OpenContext openContext) {
        ListStateDescriptor<Fingerprint> d =
                new ListStateDescriptor<>("fingerprints", TypeInformation.of(Fingerprint.class));
        d.enableTimeToLive(StoryStateTtl.of(settings.ttlMillis()));
        fingerprints = getRuntimeContext().getListState(d);
        assigner = new StoryAssigner(settings.maxDistance(), settings.ttlMillis());
    }

    @Override
    public void processElement(StoryCandidate candidate, Context ctx, Collector<StoryCandidate> out)
            throws Exception {
        EnrichedArticle article = candidate.article();
        if (article.simhash() == 0L) {
            out.collect(candidate);
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        FingerprintBucket bucket = new FingerprintBucket(fingerprints.get());
        // A non-empty bucket always has its cleanup timer pending.
        boolean armed = !bucket.isEmpty();
        StoryAssignment a =
                assigner.assign(
                        article.eventTimeMillis(),
                        article.simhash(),
                        article.contentHash(),
                        candidate.story(),
                        bucket,
                        now);
        bucket.add(
                new Fingerprint(
                        article.simhash(),
                        Fingerprint.contentKey(article.contentHash()),
                        a.storyId(),
                        a.storyStartMillis(),
                        article.eventTimeMillis(),
                        now),
                settings.maxPerBucket());
        fingerprints.update(bucket.entries());
        if (!armed) {
            ctx.timerService().registerProcessingTimeTimer(now + settings.ttlMillis());
        }
        out.collect(candidate.withStory(a));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StoryCandidate> out)
            throws Exception {
        FingerprintBucket bucket = new FingerprintBucket(fingerprints.get());
        bucket.removeExpired(timestamp, settings.ttlMillis());
        if (bucket.isEmpty()) {
            fingerprints.clear();
            return;
        }
        fingerprints.update(bucket.entries());
        ctx.timerService()
                .registerProcessingTimeTimer(bucket.nextExpiry(settings.ttlMillis()).getAsLong());
    }

    private static int checkBand(int band) {
        if (band < 0 || band >= SimHash.BANDS) {
            throw new IllegalArgumentException(
                    "band must be 0.." + (SimHash.BANDS - 1) + ", got " + band);
        }
        return band;
    }

    /** {@link SimHash#band} of the article's SimHash as key. */
    static final class BandKey implements KeySelector<StoryCandidate, Integer> {
        private static final long serialVersionUID = 1L;
        private final int band;

        BandKey(int band) {
            this.band = band;
        }

        @Override
        public Integer getKey(StoryCandidate candidate) {
            return SimHash.band(candidate.article().simhash(), band);
        }
    }
}
