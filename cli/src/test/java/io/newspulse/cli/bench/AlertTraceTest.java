package io.newspulse.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTraceTest {
    /** Articles a0..a9 with event times 1,000 ms apart from 10,000 and appended 5 ms later. */
    private static FeedLog feed() {
        FeedLog log = new FeedLog();
        for (int i = 0; i < 10; i++) {
            log.add("a" + i, 10_000 + i * 1_000L, 10_005 + i * 1_000L);
        }
        return log;
    }

    @Test
    void aFirstPriceMoveAlertIsTracedToItsEvidence() {
        AlertTrace trace = new AlertTrace(feed(), 2_000);
        trace.add("m1", "PRICE_MOVE", 0, List.of("a3"), 13_105);
        assertThat(trace.priceMoves().percentiles().p50()).isEqualTo(100);
        assertThat(trace.unmatched()).isZero();
    }

    @Test
    void aReEmittedPriceMoveAlertIsTracedToTheArticleItGained() {
        AlertTrace trace = new AlertTrace(feed(), 2_000);
        trace.add("m1", "PRICE_MOVE", 0, List.of("a3"), 13_105);
        trace.add("m1", "PRICE_MOVE", 0, List.of("a3", "a6"), 16_305);
        assertThat(trace.priceMoves().percentiles())
                .isEqualTo(new Percentiles(2, 100, 300, 300, 300));
    }

    @Test
    void aRecordWithoutNewEvidenceOrFromOutsideTheFeedIsUnmatched() {
        AlertTrace trace = new AlertTrace(feed(), 2_000);
        trace.add("m1", "PRICE_MOVE", 0, List.of("a3"), 13_105);
        trace.add("m1", "PRICE_MOVE", 0, List.of("a3"), 20_000); // sent again, nothing new
        trace.add("m2", "PRICE_MOVE", 0, List.of("warm-up-1"), 20_000);
        assertThat(trace.priceMoves().percentiles().count()).isEqualTo(1);
        assertThat(trace.unmatched()).isEqualTo(2);
        assertThat(trace.records()).containsEntry("PRICE_MOVE", 3);
        assertThat(trace.unmatchedByType()).containsEntry("PRICE_MOVE", 2);
    }

    @Test
    void aWindowAlertIsTracedToTheArticleThatClosedTheWindow() {
        AlertTrace trace = new AlertTrace(feed(), 2_000);
        // Window ending at 13,500: the watermark passes it with the first article at or after
        // 15,500, a6 (event time 16,000, appended 16,005).
        trace.add("s1", "MENTION_SPIKE", 13_500, List.of("a1", "a2"), 16_255);
        assertThat(trace.windows().percentiles().p50()).isEqualTo(250);
        assertThat(trace.priceMoves().percentiles().count()).isZero();
    }

    @Test
    void aWindowClosedBeforeOrAfterTheFeedIsUnmatched() {
        AlertTrace trace = new AlertTrace(feed(), 2_000);
        trace.add("s1", "TONE_SHIFT", 5_000, List.of(), 11_000); // the first article or earlier
        trace.add("s2", "TONE_SHIFT", 30_000, List.of(), 40_000); // no article closes it
        assertThat(trace.windows().percentiles().count()).isZero();
        assertThat(trace.unmatched()).isEqualTo(2);
    }

    @Test
    void theFeedRefusesEventTimesGoingBack() {
        FeedLog log = feed();
        assertThatThrownBy(() -> log.add("late", 9_000, 30_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
