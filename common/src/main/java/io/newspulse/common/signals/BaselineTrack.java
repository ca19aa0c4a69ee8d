package io.newspulse.common.signals;

import java.io.Serializable;
import java.util.Objects;

/**
 * The per-key state behind a windowed baseline: the baseline <em>before</em> the last window seen,
 * and that window's value. Keeping the pre-window baseline lets a late update of the last window
 * (same start, more data) be judged against the same baseline and replace the window's value,
 * instead of folding the window in twice. Immutable.
 *
 * <p>Windows are expected in increasing start order per key. An update of a window older than the
 * last one ({@link Kind#STALE}) is judged against the current baseline and leaves the track
 * unchanged: its earlier value is already folded in.
 *
 * @param before baseline before the last window
 * @param lastWindowStartMs start of the last window seen, epoch ms
 * @param lastCounted whether the last window's value belongs in the baseline (a tone baseline skips
 *     windows with too few stories)
 * @param lastValue the last window's value (ignored when not counted)
 */
public record BaselineTrack(
        EwmaBaseline before, long lastWindowStartMs, boolean lastCounted, double lastValue)
        implements Serializable {

    public BaselineTrack {
        Objects.requireNonNull(before, "before");
    }

    /** How an observed window relates to the track. */
    public enum Kind {
        /** The first window of the key. */
        FIRST,
        /** A window after the last one. */
        NEW_WINDOW,
        /** Another firing of the last window (late data). */
        REVISION,
        /** A window older than the last one. */
        STALE
    }

    /**
     * The result of observing a window.
     *
     * @param kind how the window relates to the previous track
     * @param reference the baseline to judge the window against
     * @param track the track to keep
     */
    public record Step(Kind kind, EwmaBaseline reference, BaselineTrack track)
            implements Serializable {}

    /** The baseline including the last window. */
    public EwmaBaseline current(double alpha) {
        return lastCounted ? before.update(lastValue, alpha) : before;
    }

    /**
     * Observes a window of a key.
     *
     * @param previous the key's track, or null for a new key
     * @param windowStartMs window start, epoch ms
     * @param windowSizeMs window size, ms (to count windows missing in between)
     * @param value the window's value
     * @param counts whether the value belongs in the baseline
     * @param alpha EWMA smoothing factor
     * @param decayMissing whether missing windows count as value 0 (mentions) or not at all (tone)
     */
    public static Step observe(
            BaselineTrack previous,
            long windowStartMs,
            long windowSizeMs,
            double value,
            boolean counts,
            double alpha,
            boolean decayMissing) {
        if (windowSizeMs <= 0) {
            throw new IllegalArgumentException("windowSizeMs must be > 0: " + windowSizeMs);
        }
        if (previous == null) {
            return new Step(
                    Kind.FIRST,
                    EwmaBaseline.EMPTY,
                    new BaselineTrack(EwmaBaseline.EMPTY, windowStartMs, counts, value));
        }
        if (windowStartMs == previous.lastWindowStartMs) {
            return new Step(
                    Kind.REVISION,
                    previous.before,
                    new BaselineTrack(previous.before, windowStartMs, counts, value));
        }
        EwmaBaseline current = previous.current(alpha);
        if (windowStartMs < previous.lastWindowStartMs) {
            return new Step(Kind.STALE, current, previous);
        }
        if (decayMissing) {
            long missing = (windowStartMs - previous.lastWindowStartMs) / windowSizeMs - 1;
            // Past a few horizons the baseline is zero anyway; saturate instead of overflowing.
            current = current.decay((int) Math.min(Math.max(missing, 0), 1_000_000), alpha);
        }
        return new Step(
                Kind.NEW_WINDOW, current, new BaselineTrack(current, windowStartMs, counts, value));
    }
}
