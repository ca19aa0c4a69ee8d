package io.newspulse.connector.elasticsearch;

import java.io.Serializable;
import java.time.Duration;

/** Exponential backoff: {@code initial * 2^attempt}, capped at {@code max}. */
final class RetryBackoff implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long initialMillis;
    private final long maxMillis;

    RetryBackoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException(
                    "Backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay before retry number {@code attempt} (0 for the first retry). */
    long delayMillis(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), 30);
        long delay = initialMillis << shift;
        return delay <= 0 || delay > maxMillis ? maxMillis : delay;
    }
}
