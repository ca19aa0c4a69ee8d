package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.config.NewspulseConfig;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {

    @Test
    void defaultsAreTheDocumentedOnesAndValid() {
        assertThat(NewspulseConfig.defaults().alerts().spike().validate())
                .isEqualTo(new SpikeSettings(60, 10, 5, 3.0, 0.5));
        assertThat(NewspulseConfig.defaults().alerts().tone().validate())
                .isEqualTo(new ToneSettings(60, 10, 3, 0.4));
        assertThat(NewspulseConfig.defaults().alerts().priceMove().validate())
                .isEqualTo(
                        new PriceMoveSettings(
                                5.0, 2.0, 3.0, 1.0, 3.0, 8.0, 3.0, 1.0, Duration.ofHours(6)));
        assertThat(NewspulseConfig.defaults().alerts().policy().validate())
                .isEqualTo(new AlertPolicySettings(Duration.ofMinutes(30), 1.5, 10));
        assertThat(NewspulseConfig.defaults().alerts().spike().alpha()).isEqualTo(2.0 / 61);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(() -> new SpikeSettings(0, 10, 3, 3.0, 0.5).validate(), "spike.horizonWindows"),
                bad(() -> new SpikeSettings(60, -1, 3, 3.0, 0.5).validate(), "spike.minHistory"),
                bad(() -> new SpikeSettings(60, 10, 0, 3.0, 0.5).validate(), "spike.minStories"),
                bad(() -> new SpikeSettings(60, 10, 3, 0, 0.5).validate(), "spike.zThreshold"),
                bad(() -> new SpikeSettings(60, 10, 3, 3, -1).validate(), "spike.stdFloor"),
                bad(() -> new ToneSettings(0, 10, 3, 0.4).validate(), "tone.horizonWindows"),
                bad(() -> new ToneSettings(60, 10, 3, 0).validate(), "tone.minDelta"),
                bad(() -> new ToneSettings(60, 10, 3, 2.5).validate(), "tone.minDelta"),
                bad(
                        () ->
                                new PriceMoveSettings(-5, 2, 3, 1, 3, 8, 3, 1, Duration.ofHours(6))
                                        .validate(),
                        "priceMove.stockThresholdPct"),
                bad(
                        () ->
                                new PriceMoveSettings(5, 2, 3, 1, 3, 8, 3, -1, Duration.ofHours(6))
                                        .validate(),
                        "priceMove.sameMoveTolerancePct"),
                bad(
                        () ->
                                new PriceMoveSettings(5, 2, 3, 1, 3, 8, 3, 1, Duration.ZERO)
                                        .validate(),
                        "priceMove.sameMoveWindow"),
                bad(
                        () -> new PriceMoveSettings(5, 2, 3, 1, 3, 8, 3, 1, null).validate(),
                        "priceMove.sameMoveWindow"),
                bad(
                        () -> new AlertPolicySettings(Duration.ofMinutes(-1), 1.5, 10).validate(),
                        "alerts.cooldown"),
                bad(
                        () -> new AlertPolicySettings(Duration.ofMinutes(30), 1.0, 10).validate(),
                        "alerts.escalationFactor"),
                bad(
                        () -> new AlertPolicySettings(Duration.ofMinutes(30), 1.5, 0).validate(),
                        "alerts.maxEvidence"),
                bad(
                        () ->
                                new MentionSpikeDetector(
                                        NewspulseConfig.defaults().alerts().spike(), Duration.ZERO),
                        "windowSize"));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("invalid")
    void validateNamesTheBadSetting(Supplier<?> build, String name) {
        assertThatThrownBy(build::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " must be");
    }

    private static Arguments bad(Supplier<?> build, String name) {
        return arguments(build, name);
    }
}
