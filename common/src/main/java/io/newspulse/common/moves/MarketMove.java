package io.newspulse.common.moves;

/**
 * A market move reported in a document: a price or index change in percent, or a change of market
 * capitalisation in money.
 *
 * @param entityId the entity that moved, or null when the move's subject is a name the knowledge
 *     base does not know (see {@code subject})
 * @param kind {@link Kind#PRICE} for percentage moves, {@link Kind#MARKET_CAP} for value changes
 * @param direction up or down
 * @param percent size of the move in percent (positive), or {@code null} for market-cap moves given
 *     only in money
 * @param amount for market-cap moves, the amount in units of {@code currency}; otherwise null
 * @param currency ISO code of {@code amount} (USD, CNY, HKD ...), or null
 * @param qualifier {@code over}, {@code about}, {@code nearly}, {@code up_to} or null when the
 *     figure is given exactly; {@code limit} for a limit-up/limit-down move (涨停/跌停), whose percent
 *     is the figure written with it ("20%涨停"), else the limit of the company's board where it is
 *     known ({@link BoardLimits}), else null
 * @param text the original text of the move phrase
 * @param start start offset in the original text
 * @param end end offset in the original text (exclusive)
 * @param subject for an unresolved move (null {@code entityId}), the name written as its subject;
 *     null for a move of a known entity
 */
public record MarketMove(
        String entityId,
        Kind kind,
        Direction direction,
        Double percent,
        Double amount,
        String currency,
        String qualifier,
        String text,
        int start,
        int end,
        Subject subject) {

    /** A move of a known entity. */
    public MarketMove(
            String entityId,
            Kind kind,
            Direction direction,
            Double percent,
            Double amount,
            String currency,
            String qualifier,
            String text,
            int start,
            int end) {
        this(
                entityId, kind, direction, percent, amount, currency, qualifier, text, start, end,
                null);
    }

    /** True when the subject of the move is a name the knowledge base does not know. */
    public boolean unresolved() {
        return entityId == null;
    }

    /** A copy with {@code percent} as its size (a limit move's board limit). */
    public MarketMove withPercent(double percent) {
        return new MarketMove(
                entityId, kind, direction, percent, amount, currency, qualifier, text, start, end,
                subject);
    }

    /** A copy attached to another entity (a subject of a shared move). */
    MarketMove withEntity(String entity) {
        return new MarketMove(
                entity, kind, direction, percent, amount, currency, qualifier, text, start, end,
                null);
    }

    /** A copy without entity, whose subject is {@code unknown}. */
    MarketMove unresolvedAs(Subject unknown) {
        return new MarketMove(
                null, kind, direction, percent, amount, currency, qualifier, text, start, end,
                unknown);
    }

    /**
     * The name written as the subject of an unresolved move.
     *
     * @param text the name as written
     * @param start start offset in the original text
     * @param end end offset in the original text (exclusive)
     */
    public record Subject(String text, int start, int end) {}

    /** Direction of a move. */
    public enum Direction {
        UP,
        DOWN;

        /** Lower-case name used in JSON output. */
        public String json() {
            return this == UP ? "up" : "down";
        }
    }

    /** What moved. */
    public enum Kind {
        PRICE,
        MARKET_CAP
    }
}
