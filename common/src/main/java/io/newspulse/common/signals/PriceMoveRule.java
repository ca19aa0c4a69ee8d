package io.newspulse.common.signals;

import io.newspulse.common.model.ArticleMove;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a reported move is a price alert, and whether two reports describe the same move.
 *
 * <p>Only {@code price} moves count ({@code market_cap} moves are not price alerts). The threshold
 * depends on the entity's {@link AssetClass}: stock, index, ETF, currency, commodity, crypto-asset
 * or sector; bond yields never alert. A stock's limit move (no percent, qualifier {@code limit})
 * counts as exactly at the stock threshold; limit moves of indices and ETFs and moves without a
 * percent are ignored. Warning; critical from twice the threshold.
 *
 * <p>Measured: {@code value} (absolute percent, or the threshold for a limit move), {@code percent}
 * (signed, down negative; absent for a limit move), {@code direction} (+1 up, -1 down), {@code
 * limit} (1 or 0). Thresholds: {@code value}.
 */
public final class PriceMoveRule implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a move's entity is thresholded. */
    public enum AssetClass {
        STOCK("stocks"),
        INDEX("indices"),
        ETF("ETFs"),
        CURRENCY("currencies"),
        COMMODITY("commodities"),
        CRYPTO("crypto-assets"),
        SECTOR("sectors"),
        /** Benchmark bond yields: a change in a yield is not a price move and never alerts. */
        BOND_YIELD("bond yields");

        // The knowledge base types these all as "asset"; its ids say which kind they are.
        private static final Set<String> CURRENCIES =
                Set.of(
                        "asset.usd",
                        "asset.eur",
                        "asset.jpy",
                        "asset.cny",
                        "asset.hkd",
                        "asset.sar",
                        "asset.aed",
                        "asset.egp",
                        "asset.gbp",
                        "asset.twd",
                        "asset.krw");
        private static final Set<String> CRYPTO_ASSETS =
                Set.of("asset.bitcoin", "asset.ether", "asset.dogecoin");
        private static final Set<String> BOND_YIELDS =
                Set.of("asset.us10y", "asset.us2y", "asset.cn10y", "asset.jgb10y");

        private final String plural;

        AssetClass(String plural) {
            this.plural = plural;
        }

        /** English plural, as in "the 5% threshold for stocks". */
        public String plural() {
            return plural;
        }

        /**
         * The class of an entity: {@code index}, {@code etf} and {@code sector} by type; an {@code
         * asset} is a currency, a crypto-asset, a bond yield or else a commodity; anything else (a
         * company, or a person or product standing for one) is a stock.
         */
        public static AssetClass of(String entityType, String entityId) {
            if (entityType == null) {
                return STOCK;
            }
            return switch (entityType) {
                case "index" -> INDEX;
                case "etf" -> ETF;
                case "sector" -> SECTOR;
                case "asset" ->
                        CURRENCIES.contains(entityId)
                                ? CURRENCY
                                : CRYPTO_ASSETS.contains(entityId)
                                        ? CRYPTO
                                        : BOND_YIELDS.contains(entityId) ? BOND_YIELD : COMMODITY;
                default -> STOCK;
            };
        }
    }

    private final PriceMoveSettings settings;

    public PriceMoveRule(PriceMoveSettings settings) {
        this.settings = settings.validate();
    }

    public PriceMoveSettings settings() {
        return settings;
    }

    /** The alert threshold, in percent, for an asset class (infinite for bond yields). */
    public double thresholdPct(AssetClass assetClass) {
        return switch (assetClass) {
            case INDEX -> settings.indexThresholdPct();
            case ETF -> settings.etfThresholdPct();
            case CURRENCY -> settings.currencyThresholdPct();
            case COMMODITY -> settings.commodityThresholdPct();
            case CRYPTO -> settings.cryptoThresholdPct();
            case SECTOR -> settings.sectorThresholdPct();
            case BOND_YIELD -> Double.POSITIVE_INFINITY;
            case STOCK -> settings.stockThresholdPct();
        };
    }

    /** Whether a move is a limit-up or limit-down report without a size. */
    public static boolean isLimit(ArticleMove move) {
        return move.percent() == null && "limit".equals(move.qualifier());
    }

    /** The signal of a reported move, if it is a price move at or over its threshold. */
    public Optional<Signal> evaluate(ArticleMove move) {
        if (!"price".equals(move.kind()) || move.entity() == null) {
            return Optional.empty();
        }
        int sign =
                switch (String.valueOf(move.direction())) {
                    case "up" -> 1;
                    case "down" -> -1;
                    default -> 0;
                };
        if (sign == 0) {
            return Optional.empty();
        }
        AssetClass assetClass = AssetClass.of(move.entityType(), move.entity());
        if (assetClass == AssetClass.BOND_YIELD) {
            return Optional.empty();
        }
        double threshold = thresholdPct(assetClass);
        // A limit move carries its board's limit as percent when the board is known.
        boolean limit = "limit".equals(move.qualifier());
        double size;
        if (isLimit(move)) {
            if (assetClass != AssetClass.STOCK) {
                return Optional.empty();
            }
            size = threshold;
        } else if (move.percent() != null) {
            size = Math.abs(move.percent());
        } else {
            return Optional.empty();
        }
        if (size < threshold) {
            return Optional.empty();
        }
        Map<String, Double> measured = new LinkedHashMap<>();
        measured.put(Signal.VALUE, size);
        if (move.percent() != null) {
            measured.put("percent", sign * size);
        }
        measured.put("direction", (double) sign);
        measured.put("limit", limit ? 1.0 : 0.0);
        Severity severity = size >= 2 * threshold ? Severity.CRITICAL : Severity.WARNING;
        return Optional.of(
                new Signal(
                        SignalType.PRICE_MOVE,
                        move.entity(),
                        size,
                        threshold,
                        measured,
                        Map.of(),
                        severity));
    }

    /**
     * Whether {@code candidate} reports the move {@code previous} first reported: same entity, same
     * direction, sizes within {@code sameMoveTolerancePct} (a limit report has no size and matches
     * any size), and reported no later than {@code sameMoveWindow} after it.
     */
    public boolean sameMove(ReportedMove previous, ReportedMove candidate) {
        if (!previous.entityId().equals(candidate.entityId())
                || !previous.direction().equals(candidate.direction())) {
            return false;
        }
        Duration apart = Duration.between(previous.reportedAt(), candidate.reportedAt()).abs();
        if (apart.compareTo(settings.sameMoveWindow()) > 0) {
            return false;
        }
        if (previous.percent() == null || candidate.percent() == null) {
            return true;
        }
        return Math.abs(previous.percent() - candidate.percent())
                <= settings.sameMoveTolerancePct() + 1e-9;
    }
}
