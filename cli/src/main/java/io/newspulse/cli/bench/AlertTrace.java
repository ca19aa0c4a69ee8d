package io.newspulse.cli.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Traces each alert record read from the alerts topic back to the article that triggered it, and
 * gives the latency from that article's Kafka append time to the moment the record was read.
 *
 * <ul>
 *   <li>{@code PRICE_MOVE} is decided per article: the first record of an alert id is triggered by
 *       its evidence article, a later record of the same id (evidence grown) by the article its
 *       evidence gained. Several new articles (possible after a restart): the latest appended.
 *   <li>{@code MENTION_SPIKE} and {@code TONE_SHIFT} are decided when the watermark passes the
 *       window end, that is when the signals job reads an article whose event time is at least
 *       {@code windowEnd + maxOutOfOrderness}: the window's closing article. Its latency excludes
 *       the out-of-orderness wait, a setting rather than a cost (see docs/performance.md).
 * </ul>
 *
 * Records whose trigger is not an article of the measured feed (warm-up articles, a re-sent record
 * with no new evidence) are counted as unmatched and left out.
 */
public final class AlertTrace {
    private final FeedLog feed;
    private final long maxOutOfOrdernessMillis;
    private final Map<String, Set<String>> evidenceSeen = new HashMap<>();
    private final LatencySample priceMoves = new LatencySample();
    private final LatencySample windows = new LatencySample();
    private final Map<String, Integer> records = new java.util.TreeMap<>();
    private final Map<String, Integer> unmatchedByType = new java.util.TreeMap<>();

    /**
     * @param feed the articles sent, with their append and event times
     * @param maxOutOfOrdernessMillis the signals job's {@code event_time.max_out_of_orderness}
     */
    public AlertTrace(FeedLog feed, long maxOutOfOrdernessMillis) {
        this.feed = feed;
        this.maxOutOfOrdernessMillis = maxOutOfOrdernessMillis;
    }

    /**
     * Adds one alert record, in the order records were read.
     *
     * @param alertId the record's alert id
     * @param type alert type
     * @param windowEndMillis end of the alert's window (epoch ms)
     * @param evidence article ids of the record's evidence
     * @param readAtMillis when the record was read from the alerts topic
     */
    public void add(
            String alertId,
            String type,
            long windowEndMillis,
            List<String> evidence,
            long readAtMillis) {
        OptionalLong appended =
                "PRICE_MOVE".equals(type)
                        ? newestNewEvidence(alertId, evidence)
                        : feed.firstAppendAtEventTime(windowEndMillis + maxOutOfOrdernessMillis);
        records.merge(type, 1, Integer::sum);
        if (appended.isEmpty()) {
            unmatchedByType.merge(type, 1, Integer::sum);
            return;
        }
        long latency = Math.max(0, readAtMillis - appended.getAsLong());
        ("PRICE_MOVE".equals(type) ? priceMoves : windows).add(latency);
    }

    private OptionalLong newestNewEvidence(String alertId, List<String> evidence) {
        Set<String> seen = evidenceSeen.computeIfAbsent(alertId, id -> new HashSet<>());
        long newest = Long.MIN_VALUE;
        for (String articleId : evidence) {
            if (seen.add(articleId)) {
                OptionalLong t = feed.appendTime(articleId);
                if (t.isPresent()) {
                    newest = Math.max(newest, t.getAsLong());
                }
            }
        }
        return newest == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(newest);
    }

    /** Latencies of price-move alert records, ms. */
    public LatencySample priceMoves() {
        return priceMoves;
    }

    /** Latencies of window (spike, tone-shift) alert records from the closing article, ms. */
    public LatencySample windows() {
        return windows;
    }

    /** Records not traced to an article of the feed. */
    public int unmatched() {
        return unmatchedByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Records read, by alert type. */
    public Map<String, Integer> records() {
        return Map.copyOf(records);
    }

    /** Records not traced to an article of the feed, by alert type. */
    public Map<String, Integer> unmatchedByType() {
        return Map.copyOf(unmatchedByType);
    }
}
