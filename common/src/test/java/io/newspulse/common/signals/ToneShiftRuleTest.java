package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.config.NewspulseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToneShiftRuleTest {
    private static final ToneShiftRule RULE =
            new ToneShiftRule(NewspulseConfig.defaults().alerts().tone());

    static Stream<Arguments> windows() {
        return Stream.of(
                // baseline mean, observations, window tone, stories -> severity or null
                arguments(0.10, 30, -0.62, 5, Severity.WARNING), // delta -0.72
                arguments(0.10, 30, -0.31, 5, Severity.WARNING), // delta -0.41
                arguments(0.10, 30, -0.20, 5, null), // delta -0.30
                arguments(0.10, 30, 0.90, 5, Severity.CRITICAL), // delta +0.80
                arguments(-0.50, 30, 0.35, 4, Severity.CRITICAL), // delta +0.85
                arguments(0.10, 30, -0.62, 2, null), // too few stories
                arguments(0.10, 9, -0.62, 5, null), // too little history
                arguments(0.10, 10, -0.62, 3, Severity.WARNING)); // both just enough
    }

    @ParameterizedTest(name = "{index}: baseline {0} (n {1}), tone {2} over {3} stories -> {4}")
    @MethodSource("windows")
    void judgesTheDeltaFromTheToneBaseline(
            double mean, long n, double tone, long stories, Severity expected) {
        assertThat(
                        RULE.evaluate("oracle", new EwmaBaseline(mean, 0.01, n), tone, stories)
                                .map(Signal::severity)
                                .orElse(null))
                .isEqualTo(expected);
    }

    @Test
    void signalCarriesTheSignedDelta() {
        Signal s = RULE.evaluate("oracle", new EwmaBaseline(0.1, 0.01, 30), -0.62, 5).orElseThrow();
        assertThat(s.type()).isEqualTo(SignalType.TONE_SHIFT);
        assertThat(s.value()).isCloseTo(0.72, within(1e-9));
        assertThat(s.measured("delta")).isCloseTo(-0.72, within(1e-9));
        assertThat(s.measured("tone")).isEqualTo(-0.62);
        assertThat(s.measured("stories")).isEqualTo(5);
        assertThat(s.thresholds()).containsEntry("value", 0.4).containsEntry("min_stories", 3.0);
    }

    @Test
    void onlyWindowsWithEnoughStoriesBuildTheBaseline() {
        ToneShiftDetector detector =
                new ToneShiftDetector(
                        NewspulseConfig.defaults().alerts().tone(), Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2025-03-03T09:00:00Z");
        BaselineTrack track = null;
        for (int i = 0; i < 12; i++) {
            // Counted windows at +0.1, interleaved with one-story windows at -1 that must not
            // count.
            boolean counted = i % 2 == 0;
            Detection d =
                    detector.observe(
                            track,
                            "oracle",
                            t0.plusSeconds(60L * i),
                            counted ? 0.1 : -1.0,
                            counted ? 4 : 1);
            assertThat(d.signal()).isEmpty();
            track = d.track();
        }
        assertThat(track.current(NewspulseConfig.defaults().alerts().tone().alpha()).observations())
                .isEqualTo(6);
        assertThat(track.current(NewspulseConfig.defaults().alerts().tone().alpha()).mean())
                .isCloseTo(0.1, within(1e-12));
    }
}
