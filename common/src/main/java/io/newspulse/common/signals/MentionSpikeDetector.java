package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Mention spikes over a key's sequence of windows: keeps the story-count baseline in a {@link
 * BaselineTrack} (windows without an aggregate count as zero stories; a late update of the last
 * window replaces it) and judges each window with {@link MentionSpikeRule}.
 */
public final class MentionSpikeDetector implements Serializable {
    private static final long serialVersionUID = 1L;

    private final MentionSpikeRule rule;
    private final long windowSizeMs;

    /**
     * @param settings spike settings
     * @param windowSize size of the aggregate windows
     */
    public MentionSpikeDetector(SpikeSettings settings, Duration windowSize) {
        Checks.positive("windowSize", windowSize);
        this.rule = new MentionSpikeRule(settings);
        this.windowSizeMs = windowSize.toMillis();
    }

    public SpikeSettings settings() {
        return rule.settings();
    }

    /**
     * Observes one firing of a window.
     *
     * @param previous the key's track, or null for a new key
     * @param entityId entity or sector id
     * @param windowStart window start
     * @param stories distinct stories in the window
     */
    public Detection observe(
            BaselineTrack previous, String entityId, Instant windowStart, long stories) {
        BaselineTrack.Step step =
                BaselineTrack.observe(
                        previous,
                        windowStart.toEpochMilli(),
                        windowSizeMs,
                        stories,
                        true,
                        rule.settings().alpha(),
                        true);
        return new Detection(
                step.kind(), step.track(), rule.evaluate(entityId, step.reference(), stories));
    }
}
