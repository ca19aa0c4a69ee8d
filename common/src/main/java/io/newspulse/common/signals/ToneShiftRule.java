package io.newspulse.common.signals;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether one window's average tone is far from the key's tone baseline before that window.
 * Only windows with at least {@code minStories} stories are judged, and only those update the
 * baseline ({@link #counts(long)}). Warning; critical from twice {@code minDelta}.
 *
 * <p>Measured: {@code value} (absolute delta), {@code tone}, {@code baseline_mean}, {@code delta}
 * (signed: negative means the tone fell), {@code stories}, {@code observations}. Thresholds: {@code
 * value} ({@code minDelta}), {@code min_stories}, {@code min_history}.
 */
public final class ToneShiftRule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ToneSettings settings;

    public ToneShiftRule(ToneSettings settings) {
        this.settings = settings.validate();
    }

    public ToneSettings settings() {
        return settings;
    }

    /** Whether a window with this many stories is judged and updates the tone baseline. */
    public boolean counts(long stories) {
        return stories >= settings.minStories();
    }

    /**
     * Judges a window.
     *
     * @param entityId entity or sector id
     * @param before the tone baseline before this window
     * @param avgTone the window's average tone
     * @param stories distinct stories in the window
     */
    public Optional<Signal> evaluate(
            String entityId, EwmaBaseline before, double avgTone, long stories) {
        if (!counts(stories) || before.observations() < settings.minHistory()) {
            return Optional.empty();
        }
        double delta = avgTone - before.mean();
        double size = Math.abs(delta);
        if (size < settings.minDelta()) {
            return Optional.empty();
        }
        Map<String, Double> measured = new LinkedHashMap<>();
        measured.put(Signal.VALUE, size);
        measured.put("tone", avgTone);
        measured.put("baseline_mean", before.mean());
        measured.put("delta", delta);
        measured.put("stories", (double) stories);
        measured.put("observations", (double) before.observations());
        Map<String, Double> thresholds = new LinkedHashMap<>();
        thresholds.put(Signal.VALUE, settings.minDelta());
        thresholds.put("min_stories", (double) settings.minStories());
        thresholds.put("min_history", (double) settings.minHistory());
        Severity severity = size >= 2 * settings.minDelta() ? Severity.CRITICAL : Severity.WARNING;
        return Optional.of(
                new Signal(
                        SignalType.TONE_SHIFT,
                        entityId,
                        size,
                        settings.minDelta(),
                        measured,
                        thresholds,
                        severity));
    }
}
