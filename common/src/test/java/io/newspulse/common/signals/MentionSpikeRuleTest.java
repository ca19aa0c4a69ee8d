package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.config.NewspulseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MentionSpikeRuleTest {
    private static final MentionSpikeRule RULE =
            new MentionSpikeRule(NewspulseConfig.defaults().alerts().spike());

    static Stream<Arguments> windows() {
        return Stream.of(
                // mean, std, observations, stories -> severity or null
                arguments(2.0, 1.0, 30, 14, Severity.CRITICAL), // z 12
                arguments(2.0, 1.0, 30, 5, Severity.WARNING), // z 3 exactly
                arguments(2.0, 1.0, 30, 4, null), // z 2
                arguments(2.0, 1.0, 30, 8, Severity.CRITICAL), // z 6 = 2x threshold
                arguments(2.0, 1.0, 30, 7, Severity.WARNING), // z 5
                arguments(2.0, 1.0, 9, 14, null), // too little history
                arguments(2.0, 1.0, 10, 14, Severity.CRITICAL), // just enough history
                arguments(0.0, 0.0, 30, 4, null), // below minStories despite a z of 8
                arguments(2.0, 0.0, 30, 5, Severity.CRITICAL), // std floored at 0.5: z 6
                arguments(3.0, 0.0, 30, 5, Severity.WARNING), // floored: z 4
                arguments(1.0, 0.0, 30, 4, null), // below minStories
                arguments(10.0, 5.0, 30, 20, null), // busy entity, z 2
                arguments(10.0, 5.0, 30, 25, Severity.WARNING)); // z 3
    }

    @ParameterizedTest(name = "{index}: mean {0} std {1} n {2}, {3} stories -> {4}")
    @MethodSource("windows")
    void judgesAWindowAgainstTheBaselineBeforeIt(
            double mean, double std, long n, long stories, Severity expected) {
        Optional<Signal> signal =
                RULE.evaluate("nvidia", new EwmaBaseline(mean, std * std, n), stories);
        assertThat(signal.map(Signal::severity).orElse(null)).isEqualTo(expected);
    }

    @Test
    void signalCarriesMeasuredValuesAndThresholds() {
        Signal s = RULE.evaluate("nvidia", new EwmaBaseline(2.1, 2.25, 40), 14).orElseThrow();
        assertThat(s.type()).isEqualTo(SignalType.MENTION_SPIKE);
        assertThat(s.entityId()).isEqualTo("nvidia");
        assertThat(s.value()).isEqualTo(14);
        assertThat(s.measured())
                .containsKeys("value", "baseline_mean", "baseline_std", "z", "observations");
        assertThat(s.measured("z")).isCloseTo((14 - 2.1) / 1.5, within(1e-9));
        assertThat(s.threshold()).isCloseTo(2.1 + 3 * 1.5, within(1e-9));
        assertThat(s.thresholds())
                .containsEntry("z", 3.0)
                .containsEntry("min_stories", 5.0)
                .containsEntry("min_history", 10.0);
    }

    @Test
    void detectorFindsABurstAfterAQuietBaseline() {
        MentionSpikeDetector detector =
                new MentionSpikeDetector(
                        NewspulseConfig.defaults().alerts().spike(), Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2025-03-03T09:00:00Z");
        BaselineTrack track = null;
        long[] quiet = {1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2, 1, 2};
        for (int i = 0; i < quiet.length; i++) {
            Detection d = detector.observe(track, "nvidia", t0.plusSeconds(60L * i), quiet[i]);
            assertThat(d.signal()).as("quiet window %d", i).isEmpty();
            track = d.track();
        }
        Instant burst = t0.plusSeconds(60L * quiet.length);
        Detection spike = detector.observe(track, "nvidia", burst, 14);
        assertThat(spike.signal()).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(14));

        // A late update of the burst window is judged against the same baseline.
        Detection late = detector.observe(spike.track(), "nvidia", burst, 16);
        assertThat(late.kind()).isEqualTo(BaselineTrack.Kind.REVISION);
        assertThat(late.track().before()).isEqualTo(spike.track().before());
        assertThat(late.signal().orElseThrow().measured("baseline_mean"))
                .isEqualTo(spike.signal().orElseThrow().measured("baseline_mean"));
    }

    @Test
    void anEntitySeenOnceThenSilentCountsTheSilenceAsHistory() {
        MentionSpikeDetector detector =
                new MentionSpikeDetector(
                        NewspulseConfig.defaults().alerts().spike(), Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2025-03-03T09:00:00Z");
        Detection first = detector.observe(null, "tencent", t0, 1);
        Detection later = detector.observe(first.track(), "tencent", t0.plusSeconds(60 * 20), 6);
        assertThat(later.signal())
                .hasValueSatisfying(s -> assertThat(s.measured("observations")).isEqualTo(20));
    }
}
