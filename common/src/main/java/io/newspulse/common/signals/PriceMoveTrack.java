package io.newspulse.common.signals;

import io.newspulse.common.model.Alert;
import io.newspulse.common.model.ArticleMove;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A price move that has alerted, and the reports of it so far. Later reports of the same move add
 * evidence to the same alert id instead of raising a new alert. Immutable.
 *
 * @param alertId id of the move's alert
 * @param first the first report's move (the alert's measured values come from it)
 * @param entityName English name of the entity
 * @param firstReportedAt event time of the first report
 * @param createdAt when the alert was first emitted
 * @param articles reports counted (distinct article ids among the evidence; once the evidence is
 *     full, every further report counts, so the caller passes each article once: see {@code
 *     PriceMoveFunction})
 * @param evidence the first {@code maxEvidence} reports
 */
public record PriceMoveTrack(
        String alertId,
        ArticleMove first,
        String entityName,
        Instant firstReportedAt,
        Instant createdAt,
        long articles,
        List<Alert.Evidence> evidence)
        implements Serializable {

    public PriceMoveTrack {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(firstReportedAt, "firstReportedAt");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    /** The track of a move's first report. */
    public static PriceMoveTrack start(
            ArticleMove move,
            String entityName,
            Instant reportedAt,
            Instant createdAt,
            Alert.Evidence evidence) {
        String id = AlertIds.of(SignalType.PRICE_MOVE, move.entity(), reportedAt, 0);
        return new PriceMoveTrack(
                id, move, entityName, reportedAt, createdAt, 1, List.of(evidence));
    }

    /** The first report, for {@link PriceMoveRule#sameMove}. */
    public ReportedMove firstReport() {
        return ReportedMove.of(first, firstReportedAt);
    }

    /** When a report stops counting as this move. */
    public Instant expiresAt(Duration sameMoveWindow) {
        return firstReportedAt.plus(sameMoveWindow);
    }

    /** Whether the article is already among the evidence. */
    public boolean hasArticle(String articleId) {
        return evidence.stream().anyMatch(e -> Objects.equals(e.articleId(), articleId));
    }

    /**
     * This track with one more report: the article is counted and, while there is room, added to
     * the evidence. An article already among the evidence changes nothing.
     */
    public PriceMoveTrack withReport(Alert.Evidence report, int maxEvidence) {
        if (hasArticle(report.articleId())) {
            return this;
        }
        List<Alert.Evidence> next = new ArrayList<>(evidence);
        if (next.size() < maxEvidence) {
            next.add(report);
        }
        return new PriceMoveTrack(
                alertId, first, entityName, firstReportedAt, createdAt, articles + 1, next);
    }
}
