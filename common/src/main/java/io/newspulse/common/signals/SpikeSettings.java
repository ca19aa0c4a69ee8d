package io.newspulse.common.signals;

import java.io.Serializable;

/**
 * Settings of {@link MentionSpikeRule}.
 *
 * @param horizonWindows EWMA horizon in windows, alpha = 2 / (N + 1)
 * @param minHistory windows the baseline must have seen before a spike can fire (missing windows
 *     count, as zeros)
 * @param minStories fewest stories in the window for a spike
 * @param zThreshold standard deviations above the baseline mean for a spike; twice this is critical
 * @param stdFloor smallest standard deviation used in the z-score, so a flat baseline does not turn
 *     one extra story into an infinite score
 */
public record SpikeSettings(
        int horizonWindows, int minHistory, long minStories, double zThreshold, double stdFloor)
        implements Serializable {

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
