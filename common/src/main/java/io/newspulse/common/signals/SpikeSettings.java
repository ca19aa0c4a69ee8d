package io.newspulse.common.signals;

import java.io.Serializable;

/**
 * Settings of {@link MentionSpikeRule}.
 *
 * @param horizonWindows EWMA horizon in windows, alpha = 2 / (N + 1); default {@value
 *     #DEFAULT_HORIZON_WINDOWS}
 * @param minHistory windows the baseline must have seen before a spike can fire (missing windows
 *     count, as zeros); default {@value #DEFAULT_MIN_HISTORY}
 * @param minStories fewest stories in the window for a spike; default {@value #DEFAULT_MIN_STORIES}
 * @param zThreshold standard deviations above the baseline mean for a spike; twice this is
 *     critical; default {@value #DEFAULT_Z_THRESHOLD}
 * @param stdFloor smallest standard deviation used in the z-score, so a flat baseline does not turn
 *     one extra story into an infinite score; default {@value #DEFAULT_STD_FLOOR}
 */
public record SpikeSettings(
        int horizonWindows, int minHistory, long minStories, double zThreshold, double stdFloor)
        implements Serializable {

    public static final int DEFAULT_HORIZON_WINDOWS = 60;
    public static final int DEFAULT_MIN_HISTORY = 10;
    public static final long DEFAULT_MIN_STORIES = 5;
    public static final double DEFAULT_Z_THRESHOLD = 3.0;
    public static final double DEFAULT_STD_FLOOR = 0.5;

    /** Settings with the default standard-deviation floor. */
    public SpikeSettings(int horizonWindows, int minHistory, long minStories, double zThreshold) {
        this(horizonWindows, minHistory, minStories, zThreshold, DEFAULT_STD_FLOOR);
    }

    /** The documented defaults. */
    public static SpikeSettings defaults() {
        return new SpikeSettings(
                DEFAULT_HORIZON_WINDOWS,
                DEFAULT_MIN_HISTORY,
                DEFAULT_MIN_STORIES,
                DEFAULT_Z_THRESHOLD,
                DEFAULT_STD_FLOOR);
    }

    /** EWMA smoothing factor for {@link #horizonWindows()}. */
    public double alpha() {
        return EwmaBaseline.alpha(horizonWindows);
    }

    /**
     * Checks every setting.
     *
     * @return this
     * @throws IllegalArgumentException naming the first bad setting
     */
    public SpikeSettings validate() {
        Checks.atLeast("spike.horizonWindows", horizonWindows, 1);
        Checks.atLeast("spike.minHistory", minHistory, 0);
        Checks.atLeast("spike.minStories", minStories, 1);
        Checks.positive("spike.zThreshold", zThreshold);
        Checks.positive("spike.stdFloor", stdFloor);
        return this;
    }
}
