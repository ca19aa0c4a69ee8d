package io.newspulse.common.signals;

import io.newspulse.common.model.Alert;
import io.newspulse.common.model.StoryRef;
import io.newspulse.common.model.WindowAggregate;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Alert} records from signals: ids, entity fields, evidence, and the reason. */
public final class AlertFactory implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxEvidence;

    /** A factory capping evidence at {@code settings.maxEvidence()}. */
    public AlertFactory(AlertPolicySettings settings) {
        this.maxEvidence = settings.validate().maxEvidence();
    }

    public int maxEvidence() {
        return maxEvidence;
    }

    /**
     * The alert of a mention spike or tone shift measured in one aggregate window (escalation 0;
     * the id derives from type, key and window start). Evidence: the window's top stories.
     */
    public Alert fromWindow(Signal signal, WindowAggregate window, Instant createdAt) {
        Duration size = Duration.between(window.windowStart(), window.windowEnd());
        String name = nameOf(window.name(), window.key());
        String reason =
                switch (signal.type()) {
                    case MENTION_SPIKE ->
                            AlertText.mentionSpike(
                                    name, window.entityType(), window.windowStart(), size, signal);
                    case TONE_SHIFT -> AlertText.toneShift(name, signal);
                    case PRICE_MOVE ->
                            throw new IllegalArgumentException(
                                    "price moves are not window alerts; use priceMove()");
                };
        List<StoryRef> top = window.topStories() == null ? List.of() : window.topStories();
        List<Alert.Evidence> evidence =
                top.stream()
                        .limit(maxEvidence)
                        // Aggregates carry no sentence; the headline is the best snippet there is.
                        .map(r -> new Alert.Evidence(r.id(), r.title(), r.url(), r.title()))
                        .toList();
        return new Alert(
                Alert.SCHEMA_VERSION,
                AlertIds.of(signal.type(), window.key(), window.windowStart(), 0),
                signal.type().name(),
                signal.severity().label(),
                window.key(),
                window.entityType(),
                name,
                window.windowStart(),
                window.windowEnd(),
                signal.measured(),
                signal.thresholds(),
                evidence,
                reason,
                0,
                createdAt);
    }

    /**
     * The alert of a tracked price move: the window runs from the first report for {@code
     * sameMoveWindow}; {@code measured.articles} counts the reports; the evidence is the track's.
     * Re-building it after more reports gives the same id with more evidence.
     */
    public Alert priceMove(Signal signal, PriceMoveTrack track, Duration sameMoveWindow) {
        Map<String, Double> measured = new LinkedHashMap<>(signal.measured());
        measured.put("articles", (double) track.articles());
        String entityType = track.first().entityType();
        String name = nameOf(track.entityName(), signal.entityId());
        return new Alert(
                Alert.SCHEMA_VERSION,
                track.alertId(),
                signal.type().name(),
                signal.severity().label(),
                signal.entityId(),
                entityType,
                name,
                track.firstReportedAt(),
                track.expiresAt(sameMoveWindow),
                Collections.unmodifiableMap(measured),
                signal.thresholds(),
                track.evidence().stream().limit(maxEvidence).toList(),
                AlertText.priceMove(name, entityType, signal, track.articles()),
                0,
                track.createdAt());
    }

    /** A copy of an alert under another id and escalation level (as the alert gate emits it). */
    public static Alert reissued(Alert alert, String alertId, int escalation) {
        if (alert.alertId().equals(alertId) && alert.escalation() == escalation) {
            return alert;
        }
        return new Alert(
                alert.schemaVersion(),
                alertId,
                alert.type(),
                alert.severity(),
                alert.entityId(),
                alert.entityType(),
                alert.entityName(),
                alert.windowStart(),
                alert.windowEnd(),
                alert.measured(),
                alert.thresholds(),
                alert.evidence(),
                alert.reason(),
                escalation,
                alert.createdAt());
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
