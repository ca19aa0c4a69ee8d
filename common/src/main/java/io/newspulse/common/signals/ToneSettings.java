package io.newspulse.common.signals;

import java.io.Serializable;

/**
 * Settings of {@link ToneShiftRule}.
 *
 * @param horizonWindows EWMA horizon in counted windows (those with at least {@code minStories}
 *     stories), alpha = 2 / (N + 1)
 * @param minHistory counted windows the tone baseline must have seen
 * @param minStories fewest stories for a window to be judged or to update the tone baseline (the
 *     average tone of one or two stories is noise)
 * @param minDelta smallest absolute difference between the window's average tone and the baseline
 *     mean (tone runs from -1 to +1); twice this is critical
 */
public record ToneSettings(int horizonWindows, int minHistory, long minStories, double minDelta)
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
    public ToneSettings validate() {
        Checks.atLeast("tone.horizonWindows", horizonWindows, 1);
        Checks.atLeast("tone.minHistory", minHistory, 0);
        Checks.atLeast("tone.minStories", minStories, 1);
        Checks.positive("tone.minDelta", minDelta);
        if (minDelta > 2) {
            throw new IllegalArgumentException(
                    "tone.minDelta must be <= 2 (tone runs from -1 to +1), was " + minDelta);
        }
        return this;
    }
}
