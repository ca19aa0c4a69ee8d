package io.newspulse.jobs.signals;

import io.newspulse.common.model.WindowAggregate;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.BaselineTrack;
import io.newspulse.common.signals.Detection;
import io.newspulse.common.signals.MentionSpikeDetector;
import io.newspulse.common.signals.SpikeSettings;
import java.time.Duration;

/**
 * Candidate {@code MENTION_SPIKE} alerts from window aggregates keyed by {@code keyKind:key}
 * ({@link SignalKeys#aggregateKey}). Keeps the story-count baseline per key: windows without an
 * aggregate decay it as zero stories, and a late firing of the last window (same start, {@code
 * updates > 1}) is judged against the same pre-window baseline and replaces the window's count
 * rather than being counted twice. Evidence: the window's top stories.
 */
public class MentionSpikeFunction extends WindowBaselineFunction {
    private static final long serialVersionUID = 1L;

    private final MentionSpikeDetector detector;

    /**
     * With the default idle timeout (four horizons of windows).
     *
     * @param spike spike settings
     * @param alerts alert settings (evidence cap)
     * @param windowSize aggregate window size
     */
    public MentionSpikeFunction(
            SpikeSettings spike, AlertPolicySettings alerts, Duration windowSize) {
        this(
                spike,
                alerts,
                windowSize,
                defaultIdleTimeout(windowSize, spike.validate().horizonWindows()));
    }

    /**
     * @param spike spike settings
     * @param alerts alert settings (evidence cap)
     * @param windowSize aggregate window size
     * @param idleTimeout how long after a key's last window end its baseline is dropped
     */
    public MentionSpikeFunction(
            SpikeSettings spike,
            AlertPolicySettings alerts,
            Duration windowSize,
            Duration idleTimeout) {
        super("mention-baseline", alerts, windowSize, idleTimeout);
        this.detector = new MentionSpikeDetector(spike, windowSize);
    }

    @Override
    Detection detect(BaselineTrack previous, WindowAggregate aggregate) {
        return detector.observe(
                previous, aggregate.key(), aggregate.windowStart(), aggregate.stories());
    }
}
