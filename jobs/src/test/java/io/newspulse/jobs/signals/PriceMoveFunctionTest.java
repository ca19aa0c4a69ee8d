package io.newspulse.jobs.signals;

import static io.newspulse.jobs.signals.SignalFixtures.tencentMove;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Alert;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.signals.AlertIds;
import io.newspulse.common.signals.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriceMoveFunctionTest {
    private static final Instant T = Instant.parse("2025-03-03T02:10:00Z");
    private static final Duration WINDOW =
            NewspulseConfig.defaults().alerts().priceMove().sameMoveWindow();

    private KeyedOneInputStreamOperatorTestHarness<String, MoveEvent, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new PriceMoveFunction(
                                NewspulseConfig.defaults().alerts().priceMove(),
                                NewspulseConfig.defaults().alerts().policy()),
                        SignalKeys::moveKey,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(MoveEvent e) throws Exception {
        harness.processElement(e, e.eventTime());
    }

    private static Instant at(long minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void repeatedReportsGrowTheEvidenceOfOneAlert() throws Exception {
        send(tencentMove("a1", at(0), "down", 5.3, null));
        send(tencentMove("a2", at(12), "down", 5.0, "over"));
        send(tencentMove("a3", at(40), "down", 4.8, null)); // under the threshold, same move
        send(tencentMove("a2", at(41), "down", 5.0, "over")); // the same article again

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        String id = AlertIds.of(SignalType.PRICE_MOVE, "tencent", at(0), 0);
        assertThat(out).extracting(Alert::alertId).containsOnly(id);
        assertThat(out).extracting(a -> a.evidence().size()).containsExactly(1, 2, 3);
        assertThat(out)
                .extracting(a -> a.measured().get("articles"))
                .containsExactly(1.0, 2.0, 3.0);
        Alert last = out.get(2);
        assertThat(last.measured()).containsEntry("percent", -5.3);
        assertThat(last.evidence())
                .extracting(Alert.Evidence::articleId)
                .containsExactly("a1", "a2", "a3");
        assertThat(last.evidence().get(0).snippet()).isEqualTo("腾讯跌5.3%");
        assertThat(last.reason())
                .isEqualTo(
                        "Tencent fell 5.3% (reported in 3 articles), beyond the 5% threshold for"
                                + " stocks.");
        assertThat(last.createdAt()).isEqualTo(out.get(0).createdAt());
    }

    @Test
    void aReportDeliveredAgainCountsOnceAlsoWhenTheEvidenceIsFull() throws Exception {
        int max = NewspulseConfig.defaults().alerts().policy().maxEvidence();
        for (int i = 0; i <= max + 1; i++) {
            send(tencentMove("a" + i, at(i), "down", 5.3, null));
        }
        // After a failover the at-least-once news.enriched delivers recent articles again.
        send(tencentMove("a" + (max + 1), at(max + 1), "down", 5.3, null));
        send(tencentMove("a1", at(1), "down", 5.3, null));

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(max + 2);
        assertThat(out.get(out.size() - 1).measured()).containsEntry("articles", max + 2.0);
        assertThat(out.get(out.size() - 1).evidence()).hasSize(max);
    }

    @Test
    void aReportDeliveredAgainStaysWithTheMoveItCountedFor() throws Exception {
        send(tencentMove("a1", at(0), "down", 8.0, null));
        send(tencentMove("a2", at(1), "down", 7.2, null)); // the same move as a1
        send(tencentMove("a3", at(2), "down", 6.5, null)); // 1.5 points from a1: another move
        // Delivered again after a failover: a2's 7.2 is now closer to a3's move than to a1's,
        // but it was counted for a1's and must not count again.
        send(tencentMove("a2", at(1), "down", 7.2, null));
        send(tencentMove("a1", at(0), "down", 8.0, null));

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        assertThat(out.get(2).measured()).containsEntry("articles", 1.0);
    }

    @Test
    void aReportEquallyCloseToTwoMovesJoinsTheFirstReportedWhateverTheStateOrder()
            throws Exception {
        // 7.25 is 0.75 from both 8.0 and 6.5; each order of the first reports once.
        send(tencentMove("a1", at(0), "down", 8.0, null));
        send(tencentMove("a2", at(1), "down", 6.5, null));
        send(tencentMove("a3", at(2), "down", 7.25, null));
        send(tencentMove("b1", at(10), "up", 6.5, null));
        send(tencentMove("b2", at(11), "up", 8.0, null));
        send(tencentMove("b3", at(12), "up", 7.25, null));

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(6);
        assertThat(out.get(2).alertId()).isEqualTo(out.get(0).alertId());
        assertThat(out.get(5).alertId()).isEqualTo(out.get(3).alertId());
        assertThat(out.get(2).measured()).containsEntry("articles", 2.0);
        assertThat(out.get(5).measured()).containsEntry("articles", 2.0);
    }

    @Test
    void otherMovesOfTheSameEntityAreOtherAlerts() throws Exception {
        send(tencentMove("a1", at(0), "down", 5.3, null));
        send(tencentMove("a2", at(30), "down", 8.0, null)); // too far from 5.3
        send(tencentMove("a3", at(60), "up", 6.0, null)); // the other way
        assertThat(harness.extractOutputValues())
                .extracting(Alert::alertId)
                .doesNotHaveDuplicates()
                .hasSize(3);
        assertThat(harness.numEventTimeTimers()).isEqualTo(3);
    }

    @Test
    void limitMoveAlertsAndMatchesLaterSizedReports() throws Exception {
        send(tencentMove("a1", at(0), "down", null, "limit"));
        send(tencentMove("a2", at(5), "down", 10.0, null));
        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).alertId()).isEqualTo(out.get(0).alertId());
        assertThat(out.get(1).reason()).startsWith("Tencent hit its daily limit down");
    }

    @Test
    void smallMovesAndMarketCapMovesLeaveNoState() throws Exception {
        send(tencentMove("a1", at(0), "down", 3.0, null));
        ArticleMove cap =
                new ArticleMove(
                        "tencent",
                        "company",
                        "market_cap",
                        "down",
                        12.0,
                        5e10,
                        "HKD",
                        null,
                        "市值蒸发500亿",
                        0,
                        6);
        send(new MoveEvent("a2", "a2", "t", null, "wire", at(1).toEpochMilli(), cap, "Tencent"));
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void trackedMovesAndTimersAreReleasedWhenTheirWindowEnds() throws Exception {
        send(tencentMove("a1", at(0), "down", 5.3, null));
        send(tencentMove("a2", at(90), "up", 6.0, null));
        // The tracked moves and the articles counted for them.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(at(0).plus(WINDOW).toEpochMilli());
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        // After the first window a similar report is a new move with a new id.
        send(tencentMove("a3", at(361), "down", 5.3, null));
        List<Alert> out = harness.extractOutputValues();
        assertThat(out.get(2).alertId()).isNotEqualTo(out.get(0).alertId());

        harness.processWatermark(at(361).plus(WINDOW).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
