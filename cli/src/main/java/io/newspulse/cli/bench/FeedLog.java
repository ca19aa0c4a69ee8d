package io.newspulse.cli.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The articles a paced run sent: id, event time ({@code published_at}) and Kafka append time (the
 * record's CreateTime, set at send), in send order. Event times grow with send order, so the first
 * article at or after an event time is found by binary search.
 */
public final class FeedLog {
    private final Map<String, Long> appendById = new HashMap<>();
    private long[] eventTimes = new long[1024];
    private long[] appendTimes = new long[1024];
    private int size;

    /**
     * Records one article; event times must not decrease.
     *
     * @throws IllegalArgumentException when {@code eventTime} is before the previous one
     */
    public synchronized void add(String articleId, long eventTime, long appendTime) {
        if (size > 0 && eventTime < eventTimes[size - 1]) {
            throw new IllegalArgumentException("event times must not decrease: " + articleId);
        }
        if (size == eventTimes.length) {
            eventTimes = Arrays.copyOf(eventTimes, size * 2);
            appendTimes = Arrays.copyOf(appendTimes, size * 2);
        }
        eventTimes[size] = eventTime;
        appendTimes[size] = appendTime;
        size++;
        appendById.put(articleId, appendTime);
    }

    /** The append time of an article of this feed, if it is one. */
    public synchronized OptionalLong appendTime(String articleId) {
        Long t = appendById.get(articleId);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /**
     * The append time of the first article sent with an event time of at least {@code t}; none when
     * that is the very first article (an article sent before the feed may have come first).
     */
    public synchronized OptionalLong firstAppendAtEventTime(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eventTimes[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo > 0 && lo < size ? OptionalLong.of(appendTimes[lo]) : OptionalLong.empty();
    }

    /** Articles recorded. */
    public synchronized int size() {
        return size;
    }
}
