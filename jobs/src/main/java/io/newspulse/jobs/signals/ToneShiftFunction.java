package io.newspulse.jobs.signals;

import io.newspulse.common.model.WindowAggregate;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.BaselineTrack;
import io.newspulse.common.signals.Detection;
import io.newspulse.common.signals.ToneSettings;
import io.newspulse.common.signals.ToneShiftDetector;
import java.time.Duration;

/**
 * Candidate {@code TONE_SHIFT} alerts from window aggregates keyed by {@code keyKind:key} ({@link
 * SignalKeys#aggregateKey}). Keeps the average-tone baseline per key: only windows with enough
 * stories count, missing windows leave it alone, and a late firing of the last window is judged
 * against the same pre-window baseline and replaces that window's tone.
 */
public class ToneShiftFunction extends WindowBaselineFunction {
    private static final long serialVersionUID = 1L;

    private final ToneShiftDetector detector;

    /**
     * With the default idle timeout (four horizons of windows).
     *
     * @param tone tone settings
     * @param alerts alert settings (evidence cap)
     * @param windowSize aggregate window size
     */
    public ToneShiftFunction(ToneSettings tone, AlertPolicySettings alerts, Duration windowSize) {
        this(
                tone,
                alerts,
                windowSize,
                defaultIdleTimeout(windowSize, tone.validate().horizonWindows()));
    }

    /**
     * @param tone tone settings
     * @param alerts alert settings (evidence cap)
     * @param windowSize aggregate window size
     * @param idleTimeout how long after a key's last window end its baseline is dropped
     */
    public ToneShiftFunction(
            ToneSettings tone,
            AlertPolicySettings alerts,
            Duration windowSize,
            Duration idleTimeout) {
        super("tone-baseline", alerts, windowSize, idleTimeout);
        this.detector = new ToneShiftDetector(tone, windowSize);
    }

    @Override
    Detection detect(BaselineTrack previous, WindowAggregate aggregate) {
        return detector.observe(
                previous,
                aggregate.key(),
                aggregate.windowStart(),
                aggregate.avgTone(),
                aggregate.stories());
    }
}
