package io.newspulse.jobs.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Alert;
import io.newspulse.common.model.WindowAggregate;
import io.newspulse.common.signals.AlertFactory;
import io.newspulse.common.signals.AlertIds;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.EwmaBaseline;
import io.newspulse.common.signals.MentionSpikeRule;
import io.newspulse.common.signals.Signal;
import io.newspulse.common.signals.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertGateFunctionTest {
    private static final AlertPolicySettings SETTINGS =
            NewspulseConfig.defaults().alerts().policy();
    private static final AlertFactory FACTORY = new AlertFactory(SETTINGS);
    private static final MentionSpikeRule RULE =
            new MentionSpikeRule(NewspulseConfig.defaults().alerts().spike());
    private static final EwmaBaseline BASELINE = new EwmaBaseline(1.5, 0.25, 40);

    private AlertGateFunction gate;
    private KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        gate = new AlertGateFunction(SETTINGS);
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        gate, SignalKeys::alertKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A candidate spike of NVIDIA in the {@code minute}-th window. */
    private static Alert spike(int minute, long stories) {
        WindowAggregate w = SignalFixtures.nvidia(minute, stories, 0.1, 1);
        Signal s = RULE.evaluate("nvidia", BASELINE, stories).orElseThrow();
        return FACTORY.fromWindow(s, w, w.windowEnd());
    }

    private void send(Alert a) throws Exception {
        harness.processElement(a, a.windowEnd().toEpochMilli() - 1);
    }

    @Test
    void cooldownSuppressesAndGrowthEscalates() throws Exception {
        Alert first = spike(0, 14);
        send(first);
        send(spike(2, 15)); // within the cooldown, not grown enough
        send(spike(5, 8)); // smaller
        send(spike(9, 21)); // 1.5 x 14: escalates

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEqualTo(first);
        Alert escalated = out.get(1);
        assertThat(escalated.escalation()).isEqualTo(1);
        assertThat(escalated.alertId())
                .isEqualTo(AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", first.windowStart(), 1));
        assertThat(escalated.measured()).containsEntry("value", 21.0);
        assertThat(gate.emittedCount(SignalType.MENTION_SPIKE)).isEqualTo(2);
        assertThat(gate.suppressedCount(SignalType.MENTION_SPIKE)).isEqualTo(2);
    }

    @Test
    void reEmissionsOfAnAlertLetThroughPassUnderItsId() throws Exception {
        Alert first = spike(0, 14);
        send(first);
        send(spike(3, 25)); // escalated
        Alert lateFirst = spike(0, 15); // late data for window 0: same candidate id
        Alert lateEscalated = spike(3, 26);
        send(lateFirst);
        send(lateEscalated);

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(4);
        assertThat(out.get(2)).isEqualTo(lateFirst);
        assertThat(out.get(3).alertId()).isEqualTo(out.get(1).alertId());
        assertThat(out.get(3).escalation()).isEqualTo(1);
        assertThat(out.get(3).measured()).containsEntry("value", 26.0);
        assertThat(gate.emittedCount(SignalType.MENTION_SPIKE)).isEqualTo(2);
    }

    @Test
    void afterTheCooldownStateAndTimerAreReleasedAndTheNextSpikeIsNew() throws Exception {
        send(spike(0, 14));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        send(spike(10, 30)); // escalation restarts the cooldown: still one timer
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        long expiry =
                spike(10, 30).windowEnd().toEpochMilli() - 1 + Duration.ofMinutes(30).toMillis();
        harness.processWatermark(expiry - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processWatermark(expiry);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        Alert fresh = spike(45, 9);
        send(fresh);
        assertThat(harness.extractOutputValues()).last().isEqualTo(fresh);
        assertThat(fresh.escalation()).isZero();
    }

    @Test
    void keysAreTypeAndEntity() throws Exception {
        send(spike(0, 14));
        Alert tone =
                new Alert(
                        1,
                        "tone-1",
                        "TONE_SHIFT",
                        "warning",
                        "nvidia",
                        "company",
                        "NVIDIA",
                        Instant.parse("2025-03-03T09:01:00Z"),
                        Instant.parse("2025-03-03T09:02:00Z"),
                        Map.of("value", 0.5),
                        Map.of("value", 0.4),
                        List.of(),
                        "Tone on NVIDIA turned negative.",
                        0,
                        Instant.parse("2025-03-03T09:02:00Z"));
        send(tone);
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(gate.emittedCount(SignalType.TONE_SHIFT)).isEqualTo(1);
    }
}
