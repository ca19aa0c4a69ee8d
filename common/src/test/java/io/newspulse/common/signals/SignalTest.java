package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspulse.common.model.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void valueLeadsTheMapsAndWins() {
        Signal s =
                new Signal(
                        SignalType.TONE_SHIFT,
                        "oracle",
                        0.7,
                        0.4,
                        Map.of("value", 99.0, "tone", -0.6),
                        null,
                        Severity.WARNING);
        assertThat(s.measured()).containsExactly(Map.entry("value", 0.7), Map.entry("tone", -0.6));
        assertThat(s.thresholds()).containsExactly(Map.entry("value", 0.4));
        assertThat(s.measured("missing")).isNaN();
    }

    @Test
    void fromAlertNeedsTheValue() {
        Alert a =
                new Alert(
                        1,
                        "id",
                        "TONE_SHIFT",
                        "warning",
                        "oracle",
                        "company",
                        "Oracle",
                        Instant.EPOCH,
                        Instant.EPOCH,
                        Map.of(),
                        Map.of(),
                        List.of(),
                        "r",
                        0,
                        Instant.EPOCH);
        assertThatThrownBy(() -> Signal.fromAlert(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value'");
    }

    @Test
    void severityLabels() {
        assertThat(Severity.CRITICAL.label()).isEqualTo("critical");
        assertThat(Severity.fromLabel("Warning")).isEqualTo(Severity.WARNING);
        assertThat(Severity.CRITICAL.isHigherThan(Severity.WARNING)).isTrue();
        assertThatThrownBy(() -> Severity.fromLabel("loud"))
                .hasMessageContaining("unknown severity: loud");
    }
}
