package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.signals.AlertPolicy.Decision;
import io.newspulse.common.signals.AlertPolicy.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertPolicyTest {
    private static final AlertPolicy POLICY =
            new AlertPolicy(NewspulseConfig.defaults().alerts().policy());
    private static final Instant T0 = Instant.parse("2025-03-03T09:31:00Z");

    static Signal spike(double stories, Severity severity) {
        return new Signal(
                SignalType.MENTION_SPIKE, "nvidia", stories, 5, Map.of(), Map.of(), severity);
    }

    static AlertHistory history(double value, Severity severity) {
        return new AlertHistory("base", T0, "base", Map.of("base", 0), severity, value, T0, 0);
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                // previous value/severity (null: none), signal value/severity, minutes after ->
                // decision
                arguments(null, null, 14.0, Severity.WARNING, 0, Decision.EMIT),
                arguments(14.0, Severity.WARNING, 15.0, Severity.WARNING, 5, Decision.SUPPRESS),
                arguments(14.0, Severity.WARNING, 20.9, Severity.WARNING, 29, Decision.SUPPRESS),
                arguments(14.0, Severity.WARNING, 21.0, Severity.WARNING, 29, Decision.ESCALATE),
                arguments(14.0, Severity.WARNING, 10.0, Severity.CRITICAL, 5, Decision.ESCALATE),
                arguments(14.0, Severity.CRITICAL, 15.0, Severity.WARNING, 5, Decision.SUPPRESS),
                arguments(14.0, Severity.WARNING, 8.0, Severity.WARNING, 30, Decision.EMIT),
                arguments(14.0, Severity.WARNING, 8.0, Severity.WARNING, -5, Decision.SUPPRESS));
    }

    @ParameterizedTest(name = "{index}: last {0} {1}, now {2} {3} after {4} min -> {5}")
    @MethodSource("decisions")
    void cooldownSuppressesAndGrowthEscalates(
            Double lastValue,
            Severity lastSeverity,
            double value,
            Severity severity,
            long minutes,
            Decision expected) {
        AlertHistory previous = lastValue == null ? null : history(lastValue, lastSeverity);
        assertThat(
                        POLICY.decide(
                                previous,
                                spike(value, severity),
                                T0.plus(Duration.ofMinutes(minutes))))
                .isEqualTo(expected);
    }

    @Test
    void chainOfEmitEscalateSuppressAndUpdate() {
        Instant w1 = T0;
        String id1 = AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", w1, 0);
        Outcome first = POLICY.apply(null, id1, w1, spike(14, Severity.WARNING), w1);
        assertThat(first.decision()).isEqualTo(Decision.EMIT);
        assertThat(first.alertId()).isEqualTo(id1);
        assertThat(first.escalation()).isZero();

        Instant w2 = T0.plus(Duration.ofMinutes(2));
        String id2 = AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", w2, 0);
        Outcome escalated =
                POLICY.apply(first.history(), id2, w2, spike(30, Severity.CRITICAL), w2);
        assertThat(escalated.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(escalated.escalation()).isEqualTo(1);
        assertThat(escalated.alertId())
                .isEqualTo(AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", w1, 1))
                .isNotIn(id1, id2);

        Instant w3 = T0.plus(Duration.ofMinutes(3));
        String id3 = AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", w3, 0);
        Outcome suppressed =
                POLICY.apply(escalated.history(), id3, w3, spike(35, Severity.CRITICAL), w3);
        assertThat(suppressed.decision()).isEqualTo(Decision.SUPPRESS);
        assertThat(suppressed.emits()).isFalse();
        assertThat(suppressed.history()).isEqualTo(escalated.history());

        // Late data re-fires window 2: it goes out again under its escalated id.
        Outcome update =
                POLICY.apply(suppressed.history(), id2, w2, spike(32, Severity.CRITICAL), w3);
        assertThat(update.decision()).isEqualTo(Decision.UPDATE);
        assertThat(update.alertId()).isEqualTo(escalated.alertId());
        assertThat(update.escalation()).isEqualTo(1);
        assertThat(update.history().value()).isEqualTo(32);
        assertThat(update.history().emittedAt()).isEqualTo(w2);

        // So does the first alert (more evidence), under its own id, without touching the rest.
        Outcome firstAgain =
                POLICY.apply(update.history(), id1, w1, spike(14, Severity.WARNING), w3);
        assertThat(firstAgain.decision()).isEqualTo(Decision.UPDATE);
        assertThat(firstAgain.alertId()).isEqualTo(id1);
        assertThat(firstAgain.escalation()).isZero();
        assertThat(firstAgain.history()).isEqualTo(update.history());

        assertThat(POLICY.expiry(update.history())).isEqualTo(w2.plus(Duration.ofMinutes(30)));
    }
}
