package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Tone shifts over a key's sequence of windows: keeps the tone baseline in a {@link BaselineTrack}
 * (only windows with enough stories count; missing windows do not move it; a late update of the
 * last window replaces it) and judges each window with {@link ToneShiftRule}.
 */
public final class ToneShiftDetector implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ToneShiftRule rule;
    private final long windowSizeMs;

    /**
     * @param settings tone settings
     * @param windowSize size of the aggregate windows
     */
    public ToneShiftDetector(ToneSettings settings, Duration windowSize) {
        Checks.positive("windowSize", windowSize);
        this.rule = new ToneShiftRule(settings);
        this.windowSizeMs = windowSize.toMillis();
    }

    public ToneSettings settings() {
        return rule.settings();
    }

    /**
     * Observes one firing of a window.
     *
     * @param previous the key's track, or null for a new key
     * @param entityId entity or sector id
     * @param windowStart window start
     * @param avgTone the window's average tone
     * @param stories distinct stories in the window
     */
    public Detection observe(
            BaselineTrack previous,
            String entityId,
            Instant windowStart,
            double avgTone,
            long stories) {
        BaselineTrack.Step step =
                BaselineTrack.observe(
                        previous,
                        windowStart.toEpochMilli(),
                        windowSizeMs,
                        avgTone,
                        rule.counts(stories),
                        rule.settings().alpha(),
                        false);
        return new Detection(
                step.kind(),
                step.track(),
                rule.evaluate(entityId, step.reference(), avgTone, stories));
    }
}
