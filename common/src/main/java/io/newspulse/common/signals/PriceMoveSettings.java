package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link PriceMoveRule}.
 *
 * @param stockThresholdPct smallest absolute move, in percent, that alerts for a stock (any entity
 *     type other than {@code index} and {@code etf})
 * @param indexThresholdPct the same for an {@code index}
 * @param etfThresholdPct the same for an {@code etf}
 * @param sameMoveTolerancePct largest difference, in percentage points, between two reports of one
 *     move (reports round differently: "over 5%", "5.3%")
 * @param sameMoveWindow how long after the first report a matching report is taken as the same move
 */
public record PriceMoveSettings(
        double stockThresholdPct,
        double indexThresholdPct,
        double etfThresholdPct,
        double sameMoveTolerancePct,
        Duration sameMoveWindow)
        implements Serializable {

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
