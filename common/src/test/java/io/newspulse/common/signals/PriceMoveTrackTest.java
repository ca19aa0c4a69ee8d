package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.Alert;
import io.newspulse.common.model.ArticleMove;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceMoveTrackTest {
    private static final Instant T = Instant.parse("2025-03-03T02:10:00Z");
    private static final ArticleMove MOVE =
            new ArticleMove(
                    "tencent", "company", "price", "down", 5.3, null, null, null, "跌5.3%", 0, 5);

    private static Alert.Evidence report(String id) {
        return new Alert.Evidence(id, "title " + id, null, "跌5.3%");
    }

    @Test
    void countsReportsAndCapsEvidence() {
        PriceMoveTrack t = PriceMoveTrack.start(MOVE, "Tencent", T, T, report("a"));
        t = t.withReport(report("b"), 2).withReport(report("c"), 2);
        assertThat(t.articles()).isEqualTo(3);
        assertThat(t.evidence()).extracting(Alert.Evidence::articleId).containsExactly("a", "b");
    }

    @Test
    void anArticleAlreadyInTheEvidenceCountsOnce() {
        PriceMoveTrack t = PriceMoveTrack.start(MOVE, "Tencent", T, T, report("a"));
        assertThat(t.withReport(report("a"), 10)).isSameAs(t);
    }

    @Test
    void firstReportAndExpiry() {
        PriceMoveTrack t = PriceMoveTrack.start(MOVE, "Tencent", T, T, report("a"));
        assertThat(t.firstReport()).isEqualTo(new ReportedMove("tencent", "down", 5.3, false, T));
        assertThat(t.expiresAt(Duration.ofHours(6))).isEqualTo(T.plus(Duration.ofHours(6)));
        assertThat(t.alertId()).isEqualTo(AlertIds.of(SignalType.PRICE_MOVE, "tencent", T, 0));
    }
}
