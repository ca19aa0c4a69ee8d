package io.newspulse.common.signals;

import io.newspulse.common.model.Alert;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule's finding, before it becomes an alert.
 *
 * <p>{@code value} is the magnitude the rule compared with {@code threshold} and the one the {@link
 * AlertPolicy} compares for escalation: stories for a mention spike, the absolute percent for a
 * price move, the absolute tone delta for a tone shift. Alerts carry it as {@code measured.value}
 * and {@code thresholds.value}, so {@link #fromAlert(Alert)} can recover it.
 *
 * @param type kind of signal
 * @param entityId entity or sector id
 * @param value the compared magnitude
 * @param threshold what {@code value} had to reach
 * @param measured measured values, {@code value} first (insertion-ordered, unmodifiable)
 * @param thresholds thresholds, {@code value} first (insertion-ordered, unmodifiable)
 * @param severity severity
 */
public record Signal(
        SignalType type,
        String entityId,
        double value,
        double threshold,
        Map<String, Double> measured,
        Map<String, Double> thresholds,
        Severity severity) {

    /** Key of the compared magnitude in {@code measured} and {@code thresholds}. */
    public static final String VALUE = "value";

    public Signal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(severity, "severity");
        measured = withValue(measured, value);
        thresholds = withValue(thresholds, threshold);
    }

    /** The signal an alert was built from (type, entity, value, threshold, maps, severity). */
    public static Signal fromAlert(Alert alert) {
        Double value = alert.measured() == null ? null : alert.measured().get(VALUE);
        Double threshold = alert.thresholds() == null ? null : alert.thresholds().get(VALUE);
        if (value == null || threshold == null) {
            throw new IllegalArgumentException(
                    "alert " + alert.alertId() + " has no measured or threshold 'value'");
        }
        return new Signal(
                SignalType.valueOf(alert.type()),
                alert.entityId(),
                value,
                threshold,
                alert.measured(),
                alert.thresholds(),
                Severity.fromLabel(alert.severity()));
    }

    /** A measured value, or NaN when absent. */
    public double measured(String key) {
        Double v = measured.get(key);
        return v == null ? Double.NaN : v;
    }

    private static Map<String, Double> withValue(Map<String, Double> map, double value) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(VALUE, value);
        if (map != null) {
            map.forEach((k, v) -> out.putIfAbsent(k, v));
        }
        return Collections.unmodifiableMap(out);
    }
}
