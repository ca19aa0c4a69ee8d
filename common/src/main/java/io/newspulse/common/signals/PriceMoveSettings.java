package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link PriceMoveRule}.
 *
 * @param stockThresholdPct smallest absolute move, in percent, that alerts for a stock (any entity
 *     type other than {@code index} and {@code etf}); default {@value #DEFAULT_STOCK_THRESHOLD_PCT}
 * @param indexThresholdPct the same for an {@code index}; default {@value
 *     #DEFAULT_INDEX_THRESHOLD_PCT}
 * @param etfThresholdPct the same for an {@code etf}; default {@value #DEFAULT_ETF_THRESHOLD_PCT}
 * @param sameMoveTolerancePct largest difference, in percentage points, between two reports of one
 *     move (reports round differently: "over 5%", "5.3%"); default {@value
 *     #DEFAULT_SAME_MOVE_TOLERANCE_PCT}
 * @param sameMoveWindow how long after the first report a matching report is taken as the same
 *     move; default 6 hours
 */
public record PriceMoveSettings(
        double stockThresholdPct,
        double indexThresholdPct,
        double etfThresholdPct,
        double sameMoveTolerancePct,
        Duration sameMoveWindow)
        implements Serializable {

    public static final double DEFAULT_STOCK_THRESHOLD_PCT = 5.0;
    public static final double DEFAULT_INDEX_THRESHOLD_PCT = 2.0;
    public static final double DEFAULT_ETF_THRESHOLD_PCT = 3.0;
    public static final double DEFAULT_SAME_MOVE_TOLERANCE_PCT = 1.0;
    public static final Duration DEFAULT_SAME_MOVE_WINDOW = Duration.ofHours(6);

    /** The documented defaults. */
    public static PriceMoveSettings defaults() {
        return new PriceMoveSettings(
                DEFAULT_STOCK_THRESHOLD_PCT,
                DEFAULT_INDEX_THRESHOLD_PCT,
                DEFAULT_ETF_THRESHOLD_PCT,
                DEFAULT_SAME_MOVE_TOLERANCE_PCT,
                DEFAULT_SAME_MOVE_WINDOW);
    }

    /**
     * Checks every setting.
     *
     * @return this
     * @throws IllegalArgumentException naming the first bad setting
     */
    public PriceMoveSettings validate() {
        Checks.positive("priceMove.stockThresholdPct", stockThresholdPct);
        Checks.positive("priceMove.indexThresholdPct", indexThresholdPct);
        Checks.positive("priceMove.etfThresholdPct", etfThresholdPct);
        Checks.atLeast("priceMove.sameMoveTolerancePct", sameMoveTolerancePct, 0.0);
        Checks.positive("priceMove.sameMoveWindow", sameMoveWindow);
        return this;
    }
}
