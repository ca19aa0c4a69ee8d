package io.newspulse.common.signals;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether one window's story count is a spike against the key's baseline before that
 * window: enough history, at least {@code minStories} stories and a z-score (standard deviation
 * floored at {@code stdFloor}) of at least {@code zThreshold}. Warning; critical from twice the
 * threshold.
 *
 * <p>Measured: {@code value} (stories), {@code baseline_mean}, {@code baseline_std}, {@code z},
 * {@code observations}. Thresholds: {@code value} (the story count that would have reached the z
 * threshold, at least {@code minStories}), {@code z}, {@code min_stories}, {@code min_history}.
 */
public final class MentionSpikeRule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SpikeSettings settings;

    public MentionSpikeRule(SpikeSettings settings) {
        this.settings = settings.validate();
    }

    public SpikeSettings settings() {
        return settings;
    }

    /**
     * Judges a window.
     *
     * @param entityId entity or sector id
     * @param before the baseline before this window
     * @param stories distinct stories in the window
     */
    public Optional<Signal> evaluate(String entityId, EwmaBaseline before, long stories) {
        if (before.observations() < settings.minHistory() || stories < settings.minStories()) {
            return Optional.empty();
        }
        double z = before.zScore(stories, settings.stdFloor());
        if (z < settings.zThreshold()) {
            return Optional.empty();
        }
        double sd = Math.max(before.std(), settings.stdFloor());
        double neededStories =
                Math.max(settings.minStories(), before.mean() + settings.zThreshold() * sd);

        Map<String, Double> measured = new LinkedHashMap<>();
        measured.put(Signal.VALUE, (double) stories);
        measured.put("baseline_mean", before.mean());
        measured.put("baseline_std", before.std());
        measured.put("z", z);
        measured.put("observations", (double) before.observations());
        Map<String, Double> thresholds = new LinkedHashMap<>();
        thresholds.put(Signal.VALUE, neededStories);
        thresholds.put("z", settings.zThreshold());
        thresholds.put("min_stories", (double) settings.minStories());
        thresholds.put("min_history", (double) settings.minHistory());

        Severity severity = z >= 2 * settings.zThreshold() ? Severity.CRITICAL : Severity.WARNING;
        return Optional.of(
                new Signal(
                        SignalType.MENTION_SPIKE,
                        entityId,
                        stories,
                        neededStories,
                        measured,
                        thresholds,
                        severity));
    }
}
