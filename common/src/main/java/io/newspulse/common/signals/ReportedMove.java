package io.newspulse.common.signals;

import io.newspulse.common.model.ArticleMove;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One report of a price move, as compared by {@link PriceMoveRule#sameMove}.
 *
 * @param entityId entity id
 * @param direction {@code up} or {@code down}
 * @param percent absolute size in percent, or null for a limit move
 * @param limit whether the report is a limit-up or limit-down move
 * @param reportedAt event time of the report
 */
public record ReportedMove(
        String entityId, String direction, Double percent, boolean limit, Instant reportedAt)
        implements Serializable {

    public ReportedMove {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reportedAt, "reportedAt");
        percent = percent == null ? null : Math.abs(percent);
    }

    /** The report of {@code move} made at {@code reportedAt}. */
    public static ReportedMove of(ArticleMove move, Instant reportedAt) {
        return new ReportedMove(
                move.entity(),
                move.direction(),
                move.percent(),
                PriceMoveRule.isLimit(move),
                reportedAt);
    }
}
