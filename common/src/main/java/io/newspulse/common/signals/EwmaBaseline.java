package io.newspulse.common.signals;

import java.io.Serializable;

/**
 * An exponentially weighted moving mean and variance of one value per window.
 *
 * <p>The first observation sets the mean with zero variance; later ones use the incremental EWMA
 * update (Finch, "Incremental calculation of weighted mean and variance", 2009): {@code diff = x -
 * mean; mean += alpha * diff; variance = (1 - alpha) * (variance + alpha * diff * diff)}.
 * Immutable.
 *
 * @param mean weighted mean
 * @param variance weighted variance, {@code >= 0}
 * @param observations windows folded in so far (decayed windows included)
 */
public record EwmaBaseline(double mean, double variance, long observations)
        implements Serializable {

    /** A baseline that has seen nothing. */
    public static final EwmaBaseline EMPTY = new EwmaBaseline(0, 0, 0);

    public EwmaBaseline {
        if (!Double.isFinite(mean) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException(
                    "mean and variance must be finite: " + mean + ", " + variance);
        }
        if (variance < 0) {
            // Rounding can leave a tiny negative; anything larger is a bug.
            if (variance < -1e-9) {
                throw new IllegalArgumentException("variance must be >= 0: " + variance);
            }
            variance = 0;
        }
        if (observations < 0) {
            throw new IllegalArgumentException("observations must be >= 0: " + observations);
        }
    }

    /**
     * The smoothing factor of an EWMA whose centre of mass is about {@code horizonWindows} windows:
     * {@code 2 / (N + 1)}.
     */
    public static double alpha(int horizonWindows) {
        if (horizonWindows < 1) {
            throw new IllegalArgumentException("horizonWindows must be >= 1: " + horizonWindows);
        }
        return 2.0 / (horizonWindows + 1);
    }

    /** This baseline with {@code x} folded in. */
    public EwmaBaseline update(double x, double alpha) {
        checkAlpha(alpha);
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite: " + x);
        }
        if (observations == 0) {
            return new EwmaBaseline(x, 0, 1);
        }
        double diff = x - mean;
        double increment = alpha * diff;
        return new EwmaBaseline(
                mean + increment, (1 - alpha) * (variance + diff * increment), observations + 1);
    }

    /**
     * This baseline after {@code missingWindows} windows with value 0 (an entity with no aggregate
     * in a window had no stories). Closed form of feeding the zeros one by one: with {@code k = (1
     * - alpha)^n}, {@code mean' = k * mean} and {@code variance' = k * (variance + mean^2 * (1 -
     * k))}.
     */
    public EwmaBaseline decay(int missingWindows, double alpha) {
        checkAlpha(alpha);
        if (missingWindows < 0) {
            throw new IllegalArgumentException("missingWindows must be >= 0: " + missingWindows);
        }
        if (missingWindows == 0) {
            return this;
        }
        if (observations == 0) {
            return new EwmaBaseline(0, 0, missingWindows);
        }
        double keep = Math.pow(1 - alpha, missingWindows);
        return new EwmaBaseline(
                mean * keep,
                keep * (variance + mean * mean * (1 - keep)),
                observations + missingWindows);
    }

    /** Weighted standard deviation. */
    public double std() {
        return Math.sqrt(variance);
    }

    /**
     * Standard deviations between {@code x} and the mean; 0 if both the deviation and the standard
     * deviation are 0, infinite if only the standard deviation is.
     */
    public double zScore(double x) {
        return zScore(x, 0);
    }

    /**
     * Like {@link #zScore(double)} but with the standard deviation raised to at least {@code
     * stdFloor}, so a flat baseline (say always one story) does not turn one extra story into an
     * infinite score.
     */
    public double zScore(double x, double stdFloor) {
        double sd = Math.max(std(), stdFloor);
        double diff = x - mean;
        if (sd == 0) {
            return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        }
        return diff / sd;
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
        }
    }
}
