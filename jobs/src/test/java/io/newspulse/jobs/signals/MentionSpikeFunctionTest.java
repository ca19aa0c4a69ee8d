package io.newspulse.jobs.signals;

import static io.newspulse.jobs.signals.SignalFixtures.MINUTE;
import static io.newspulse.jobs.signals.SignalFixtures.nvidia;
import static io.newspulse.jobs.signals.SignalFixtures.timestampOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Alert;
import io.newspulse.common.model.WindowAggregate;
import io.newspulse.common.signals.AlertIds;
import io.newspulse.common.signals.EwmaBaseline;
import io.newspulse.common.signals.SignalType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MentionSpikeFunctionTest {
    private static final long[] QUIET = {
        1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2, 1, 2
    };
    private static final Duration IDLE = Duration.ofMinutes(90);

    private KeyedOneInputStreamOperatorTestHarness<String, WindowAggregate, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowAggregate, Alert>
            newHarness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new MentionSpikeFunction(
                        NewspulseConfig.defaults().alerts().spike(),
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

    private void sendQuietBaseline() throws Exception {
        for (int i = 0; i < QUIET.length; i++) {
            send(nvidia(i, QUIET[i], 0.1, 1));
        }
    }

    @Test
    void quietBaselineThenBurstRaisesOneSpike() throws Exception {
        sendQuietBaseline();
        assertThat(harness.extractOutputValues()).isEmpty();

        WindowAggregate burst = nvidia(QUIET.length, 14, 0.1, 1);
        send(burst);

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        Alert alert = out.get(0);
        assertThat(alert.type()).isEqualTo("MENTION_SPIKE");
        assertThat(alert.alertId())
                .isEqualTo(AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", burst.windowStart(), 0));
        assertThat(alert.severity()).isEqualTo("critical");
        assertThat(alert.entityName()).isEqualTo("NVIDIA");
        assertThat(alert.windowStart()).isEqualTo(burst.windowStart());
        assertThat(alert.measured()).containsEntry("value", 14.0);
        assertThat(alert.measured().get("observations")).isEqualTo(QUIET.length);
        assertThat(alert.evidence())
                .extracting(Alert.Evidence::articleId)
                .containsExactly(
                        burst.topStories().stream().map(s -> s.id()).toArray(String[]::new));
        assertThat(alert.reason())
                .startsWith(
                        "Mentions of NVIDIA (company) jumped to 14 stories in the 1-minute"
                                + " window from 09:20 UTC");
    }

    @Test
    void lateUpdateOfTheSameWindowIsNotFoldedInTwice() throws Exception {
        sendQuietBaseline();
        send(nvidia(20, 14, 0.1, 1));
        send(nvidia(20, 16, 0.1, 2)); // late data: the same window fires again
        send(nvidia(21, 30, 0.1, 1));

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        Alert first = out.get(0);
        Alert revised = out.get(1);
        assertThat(revised.alertId()).isEqualTo(first.alertId());
        assertThat(revised.measured()).containsEntry("value", 16.0);
        assertThat(revised.measured().get("baseline_mean"))
                .isEqualTo(first.measured().get("baseline_mean"));
        assertThat(revised.measured().get("observations"))
                .isEqualTo(first.measured().get("observations"));

        // Window 21 sees the 20 quiet windows and window 20 once, with its revised count.
        double alpha = NewspulseConfig.defaults().alerts().spike().alpha();
        EwmaBaseline expected = EwmaBaseline.EMPTY;
        for (long q : QUIET) {
            expected = expected.update(q, alpha);
        }
        expected = expected.update(16, alpha);
        Alert next = out.get(2);
        assertThat(next.measured().get("observations")).isEqualTo(21.0);
        assertThat(next.measured().get("baseline_mean")).isCloseTo(expected.mean(), within(1e-9));
        assertThat(next.measured().get("baseline_std")).isCloseTo(expected.std(), within(1e-9));
    }

    @Test
    void windowsWithoutAggregatesDecayTheBaseline() throws Exception {
        send(nvidia(0, 2, 0.1, 1));
        send(nvidia(15, 5, 0.1, 1)); // 14 silent windows in between count as zeros

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        double alpha = NewspulseConfig.defaults().alerts().spike().alpha();
        EwmaBaseline expected = EwmaBaseline.EMPTY.update(2, alpha).decay(14, alpha);
        assertThat(out.get(0).measured().get("observations")).isEqualTo(15.0);
        assertThat(out.get(0).measured().get("baseline_mean"))
                .isCloseTo(expected.mean(), within(1e-9));
    }

    @Test
    void staleWindowDoesNotMoveTheBaselineOrTheTimer() throws Exception {
        sendQuietBaseline();
        send(nvidia(5, 30, 0.1, 2)); // a late firing of an older window
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        // Judged against the current baseline, so a real burst is still reported.
        assertThat(harness.extractOutputValues()).hasSize(1);
        send(nvidia(20, 2, 0.1, 1));
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void stateAndTimersAreReleasedAfterTheIdleTimeout() throws Exception {
        sendQuietBaseline();
        send(SignalFixtures.aggregate("amd", "AMD", 3, 2, 0.0, 1));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2); // one per key, not per window

        WindowAggregate last = nvidia(QUIET.length - 1, 1, 0.1, 1);
        long nvidiaCleanup = last.windowEnd().plus(IDLE).toEpochMilli();
        harness.processWatermark(nvidiaCleanup - 1);
        assertThat(harness.numKeyedStateEntries())
                .isEqualTo(1); // AMD's last window was earlier: gone
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(nvidiaCleanup);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * Whether the idle-timeout timer fired before the next aggregate arrives depends on where the
     * watermark falls between aggregates; the baseline that aggregate is judged against must not.
     */
    @Test
    void anAggregateAfterTheIdleTimeoutStartsANewBaselineWhereverTheWatermarkFalls()
            throws Exception {
        WindowAggregate last = nvidia(QUIET.length - 1, 1, 0.1, 1);
        long cleanup = last.windowEnd().plus(IDLE).toEpochMilli();
        // The first window whose aggregate is timestamped at or after the cleanup point.
        int next = (int) ((cleanup - timestampOf(nvidia(0, 1, 0.1, 1))) / MINUTE.toMillis()) + 1;
        WindowAggregate back = nvidia(next, 5, 0.1, 1);
        assertThat(timestampOf(back)).isGreaterThanOrEqualTo(cleanup);

        List<List<Alert>> runs = new ArrayList<>();
        for (boolean watermarkFirst : new boolean[] {false, true}) {
            try (KeyedOneInputStreamOperatorTestHarness<String, WindowAggregate, Alert> h =
                    newHarness()) {
                for (int i = 0; i < QUIET.length; i++) {
                    WindowAggregate w = nvidia(i, QUIET[i], 0.1, 1);
                    h.processElement(w, timestampOf(w));
                }
                if (watermarkFirst) {
                    h.processWatermark(cleanup);
                    assertThat(h.numKeyedStateEntries()).isZero();
                }
                h.processElement(back, timestampOf(back));
                runs.add(h.extractOutputValues());
                assertThat(h.numKeyedStateEntries()).isEqualTo(1);
                assertThat(h.numEventTimeTimers()).isEqualTo(1);
            }
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        // A new baseline: too little history to spike on 5 stories.
        assertThat(runs.get(0)).isEmpty();
    }
}
