package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link PriceMoveRule}.
 *
 * @param stockThresholdPct smallest absolute move, in percent, that alerts for a stock (a company
 *     or anything not in another class; see {@link PriceMoveRule.AssetClass#of})
 * @param indexThresholdPct the same for an {@code index}
 * @param etfThresholdPct the same for an {@code etf}
 * @param currencyThresholdPct the same for a currency
 * @param commodityThresholdPct the same for a commodity (metals, energy, ores)
 * @param cryptoThresholdPct the same for a crypto-asset
 * @param sectorThresholdPct the same for a {@code sector} or theme
 * @param sameMoveTolerancePct largest difference, in percentage points, between two reports of one
 *     move (reports round differently: "over 5%", "5.3%")
 * @param sameMoveWindow how long after the first report a matching report is taken as the same move
 */
public record PriceMoveSettings(
        double stockThresholdPct,
        double indexThresholdPct,
        double etfThresholdPct,
        double currencyThresholdPct,
        double commodityThresholdPct,
        double cryptoThresholdPct,
        double sectorThresholdPct,
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
        Checks.positive("priceMove.currencyThresholdPct", currencyThresholdPct);
        Checks.positive("priceMove.commodityThresholdPct", commodityThresholdPct);
        Checks.positive("priceMove.cryptoThresholdPct", cryptoThresholdPct);
        Checks.positive("priceMove.sectorThresholdPct", sectorThresholdPct);
        Checks.atLeast("priceMove.sameMoveTolerancePct", sameMoveTolerancePct, 0.0);
        Checks.positive("priceMove.sameMoveWindow", sameMoveWindow);
        return this;
    }
}
