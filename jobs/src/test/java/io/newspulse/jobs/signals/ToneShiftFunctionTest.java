package io.newspulse.jobs.signals;

import static io.newspulse.jobs.signals.SignalFixtures.MINUTE;
import static io.newspulse.jobs.signals.SignalFixtures.aggregate;
import static io.newspulse.jobs.signals.SignalFixtures.timestampOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Alert;
import io.newspulse.common.model.WindowAggregate;
import io.newspulse.common.signals.AlertIds;
import io.newspulse.common.signals.SignalType;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToneShiftFunctionTest {
    private static final Duration IDLE = Duration.ofHours(4);

    private KeyedOneInputStreamOperatorTestHarness<String, WindowAggregate, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new ToneShiftFunction(
                                NewspulseConfig.defaults().alerts().tone(),
                                NewspulseConfig.defaults().alerts().policy(),
                                MINUTE,
                                IDLE),
                        SignalKeys::aggregateKey,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(WindowAggregate w) throws Exception {
        harness.processElement(w, timestampOf(w));
    }

    private static WindowAggregate oracle(int minute, long stories, double tone, int updates) {
        return aggregate("oracle", "Oracle", minute, stories, tone, updates);
    }

    /** Twelve counted windows at +0.10, with thin one-story windows at -0.9 in between. */
    private void sendSteadyTone() throws Exception {
        for (int i = 0; i < 24; i++) {
            send(i % 2 == 0 ? oracle(i, 4, 0.10, 1) : oracle(i, 1, -0.9, 1));
        }
    }

    @Test
    void toneTurningNegativeRaisesAShift() throws Exception {
        sendSteadyTone();
        assertThat(harness.extractOutputValues()).isEmpty();

        WindowAggregate bad = oracle(24, 5, -0.62, 1);
        send(bad);
        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        Alert a = out.get(0);
        assertThat(a.type()).isEqualTo("TONE_SHIFT");
        assertThat(a.alertId())
                .isEqualTo(AlertIds.of(SignalType.TONE_SHIFT, "oracle", bad.windowStart(), 0));
        assertThat(a.measured().get("observations")).isEqualTo(12.0);
        assertThat(a.measured().get("baseline_mean")).isCloseTo(0.10, within(1e-9));
        assertThat(a.measured().get("delta")).isCloseTo(-0.72, within(1e-9));
        assertThat(a.reason())
                .isEqualTo("Tone on Oracle turned negative: -0.62 against a baseline of +0.10.");
    }

    @Test
    void thinWindowsNeitherAlertNorMoveTheBaseline() throws Exception {
        sendSteadyTone();
        send(oracle(24, 2, -0.95, 1));
        assertThat(harness.extractOutputValues()).isEmpty();
        send(oracle(25, 3, 0.55, 1));
        // The baseline still holds only the twelve counted windows at +0.10.
        Alert a = harness.extractOutputValues().get(0);
        assertThat(a.measured().get("observations")).isEqualTo(12.0);
        assertThat(a.measured().get("baseline_mean")).isCloseTo(0.10, within(1e-9));
    }

    @Test
    void lateUpdateIsJudgedAgainstTheSameBaselineAndReplacesTheWindow() throws Exception {
        sendSteadyTone();
        send(oracle(24, 5, -0.62, 1));
        send(oracle(24, 6, -0.50, 2));
        send(oracle(25, 5, 0.10, 1));

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).alertId()).isEqualTo(out.get(0).alertId());
        assertThat(out.get(1).measured().get("baseline_mean"))
                .isEqualTo(out.get(0).measured().get("baseline_mean"));
        assertThat(out.get(1).measured().get("tone")).isEqualTo(-0.50);
    }

    @Test
    void stateAndTimerAreReleasedAfterTheIdleTimeout() throws Exception {
        sendSteadyTone();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        long cleanup = oracle(23, 1, 0, 1).windowEnd().plus(IDLE).toEpochMilli();
        harness.processWatermark(cleanup - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processWatermark(cleanup);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
