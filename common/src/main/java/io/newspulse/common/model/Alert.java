package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@code signals.alerts} record.
 *
 * @param schemaVersion contract version, {@value #SCHEMA_VERSION}
 * @param alertId deterministic id: the same signal always gets the same id, so consumers and
 *     Elasticsearch de-duplicate replays
 * @param type {@code MENTION_SPIKE}, {@code PRICE_MOVE} or {@code TONE_SHIFT}
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param entityId entity or sector id
 * @param entityType entity type
 * @param entityName English name
 * @param windowStart start of the window the signal was measured in
 * @param windowEnd end of that window
 * @param measured the measured values ({@code value}, {@code baseline_mean}, {@code z} ...)
 * @param thresholds the thresholds they were compared with
 * @param evidence articles behind the signal
 * @param reason one English sentence saying why
 * @param escalation 0 for a first alert, n for the n-th escalation of the same signal
 * @param createdAt when the alert was emitted
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Alert(
        int schemaVersion,
        String alertId,
        String type,
        String severity,
        String entityId,
        String entityType,
        String entityName,
        Instant windowStart,
        Instant windowEnd,
        Map<String, Double> measured,
        Map<String, Double> thresholds,
        List<Evidence> evidence,
        String reason,
        int escalation,
        Instant createdAt) {

    /** Version of the {@code signals.alerts} contract written by this code. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * One article behind an alert.
     *
     * @param articleId article id
     * @param title headline
     * @param url link, or null
     * @param snippet the sentence that carries the signal (a move phrase, a mention)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evidence(String articleId, String title, String url, String snippet) {}
}
