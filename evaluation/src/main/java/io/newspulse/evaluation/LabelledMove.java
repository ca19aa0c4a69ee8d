package io.newspulse.evaluation;

import io.newspulse.common.moves.MarketMove;

/**
 * A move a sentence of the labelled move set reports.
 *
 * @param subject the entity id that moved, or the subject's own text when the knowledge base does
 *     not know it ({@code resolved} false)
 * @param resolved true when {@code subject} is an entity id
 * @param direction up or down
 * @param percent the move in percent, or null for a limit move given without a figure (涨停)
 * @param points the move in index points when the sentence gives them too, else null
 * @param limit true for a limit-up or limit-down move (涨停, 跌停)
 * @param kind price or market-capitalisation move
 */
public record LabelledMove(
        String subject,
        boolean resolved,
        MarketMove.Direction direction,
        Double percent,
        Double points,
        boolean limit,
        MarketMove.Kind kind) {

    /** The label as written in the set, for error listings. */
    public String label() {
        StringBuilder b = new StringBuilder(resolved ? subject : "?" + subject);
        b.append(' ').append(direction == MarketMove.Direction.UP ? '+' : '-');
        b.append(percent == null ? "limit" : MoveSetReader.figure(percent) + "%");
        if (percent != null && limit) {
            b.append(" limit");
        }
        if (points != null) {
            b.append(' ').append(MoveSetReader.figure(points)).append("pt");
        }
        if (kind == MarketMove.Kind.MARKET_CAP) {
            b.append(" market_cap");
        }
        return b.toString();
    }
}
