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
import java.util.ArrayList;
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
    private static final Duration SAME_MOVE_WINDOW =
            NewspulseConfig.defaults().alerts().priceMove().sameMoveWindow();
    private static final Duration LATENESS = NewspulseConfig.defaults().windows().allowedLateness();

    private AlertGateFunction gate;
    private KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        gate = newGate();
        harness = harnessOf(gate);
    }

    private static AlertGateFunction newGate() {
        return new AlertGateFunction(SETTINGS, SAME_MOVE_WINDOW, LATENESS);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harnessOf(
            AlertGateFunction gate) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
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
    void afterTheRetentionStateAndTimerAreReleasedAndTheNextSpikeIsNew() throws Exception {
        send(spike(0, 14));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        send(spike(10, 30)); // escalation restarts the cooldown: still one timer
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        // Kept for the re-issue horizon (longer than the cooldown) and the lateness after it.
        assertThat(SAME_MOVE_WINDOW).isGreaterThan(SETTINGS.cooldown());
        long cleanup =
                spike(10, 30).windowEnd().toEpochMilli()
                        - 1
                        + SAME_MOVE_WINDOW.toMillis()
                        + LATENESS.toMillis();
        harness.processWatermark(cleanup - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processWatermark(cleanup);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        Alert fresh = spike(400, 9); // 6 h 10 min after the cleanup's window
        assertThat(fresh.windowEnd().toEpochMilli() - 1).isGreaterThan(cleanup);
        send(fresh);
        assertThat(harness.extractOutputValues()).last().isEqualTo(fresh);
        assertThat(fresh.escalation()).isZero();
    }

    @Test
    void afterTheCooldownASmallerSpikeIsNewAgain() throws Exception {
        Alert first = spike(0, 14);
        send(first);
        Alert later = spike(45, 9); // after the 30 minute cooldown, history still kept
        send(later);
        assertThat(harness.extractOutputValues()).containsExactly(first, later);
        assertThat(gate.emittedCount(SignalType.MENTION_SPIKE)).isEqualTo(2);
    }

    /**
     * The cleanup timer fires when the watermark passes, and the watermark reaches the gate from
     * three inputs at their own pace: two runs of one input differ only in where it falls. Here a
     * re-emission of the first alert two hours later (as a price move's grown evidence is) comes
     * once before and once after the watermark passed the cooldown's end; then a smaller signal
     * follows 9 minutes after the re-emission. Both runs must decide the same: the re-emission goes
     * out under its id without restarting the cooldown, and the smaller signal, long after the
     * first alert's cooldown, is a new alert.
     */
    @Test
    void whereTheWatermarkFallsDecidesNothing() throws Exception {
        List<List<Alert>> runs = new ArrayList<>();
        for (boolean watermarkFirst : new boolean[] {false, true}) {
            AlertGateFunction g = newGate();
            try (KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> h = harnessOf(g)) {
                Alert first = spike(0, 14);
                long t0 = first.windowEnd().toEpochMilli() - 1;
                long reissuedAt = t0 + Duration.ofHours(2).toMillis();
                h.processElement(first, t0);
                if (watermarkFirst) {
                    h.processWatermark(reissuedAt - 1);
                }
                h.processElement(first, reissuedAt);
                Alert smaller = spike(130, 9);
                h.processElement(smaller, reissuedAt + Duration.ofMinutes(9).toMillis());
                runs.add(h.extractOutputValues());
                assertThat(g.emittedCount(SignalType.MENTION_SPIKE)).isEqualTo(2);
                assertThat(g.suppressedCount(SignalType.MENTION_SPIKE)).isZero();
            }
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(0)).containsExactly(spike(0, 14), spike(0, 14), spike(130, 9));
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
