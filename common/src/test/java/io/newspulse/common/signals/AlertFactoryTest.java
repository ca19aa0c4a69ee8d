package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Alert;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.StoryRef;
import io.newspulse.common.model.WindowAggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertFactoryTest {
    private static final Instant W = Instant.parse("2025-03-03T09:31:00Z");
    private static final Instant NOW = Instant.parse("2025-03-03T09:32:05Z");
    private static final AlertFactory FACTORY =
            new AlertFactory(new AlertPolicySettings(Duration.ofMinutes(30), 1.5, 3));

    static WindowAggregate window(long stories, int topStories) {
        List<StoryRef> top =
                IntStream.range(0, topStories)
                        .mapToObj(
                                i -> new StoryRef("a" + i, "Headline " + i, "https://x/" + i, "s"))
                        .toList();
        return new WindowAggregate(
                1,
                "nvidia",
                "entity",
                "company",
                "NVIDIA",
                W,
                W.plusSeconds(60),
                stories,
                stories + 2,
                4,
                Map.of("en", stories),
                0.1,
                0,
                null,
                top,
                1);
    }

    @Test
    void spikeAlertFromAWindow() {
        Signal s =
                new MentionSpikeRule(NewspulseConfig.defaults().alerts().spike())
                        .evaluate("nvidia", new EwmaBaseline(2.1, 8, 40), 14)
                        .orElseThrow();
        Alert a = FACTORY.fromWindow(s, window(14, 5), NOW);
        assertThat(a.schemaVersion()).isEqualTo(Alert.SCHEMA_VERSION);
        assertThat(a.alertId()).isEqualTo(AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", W, 0));
        assertThat(a.type()).isEqualTo("MENTION_SPIKE");
        assertThat(a.severity()).isEqualTo("warning");
        assertThat(a.entityId()).isEqualTo("nvidia");
        assertThat(a.entityType()).isEqualTo("company");
        assertThat(a.entityName()).isEqualTo("NVIDIA");
        assertThat(a.windowStart()).isEqualTo(W);
        assertThat(a.windowEnd()).isEqualTo(W.plusSeconds(60));
        assertThat(a.measured()).isEqualTo(s.measured());
        assertThat(a.thresholds()).isEqualTo(s.thresholds());
        assertThat(a.evidence())
                .hasSize(3)
                .first()
                .isEqualTo(new Alert.Evidence("a0", "Headline 0", "https://x/0", "Headline 0"));
        assertThat(a.reason()).startsWith("Mentions of NVIDIA (company) jumped to 14 stories");
        assertThat(a.escalation()).isZero();
        assertThat(a.createdAt()).isEqualTo(NOW);
        assertThat(Signal.fromAlert(a)).isEqualTo(s);
    }

    @Test
    void toneAlertFromAWindow() {
        Signal s =
                new ToneShiftRule(NewspulseConfig.defaults().alerts().tone())
                        .evaluate("nvidia", new EwmaBaseline(0.1, 0.01, 40), -0.62, 14)
                        .orElseThrow();
        Alert a = FACTORY.fromWindow(s, window(14, 0), NOW);
        assertThat(a.type()).isEqualTo("TONE_SHIFT");
        assertThat(a.alertId()).isEqualTo(AlertIds.of(SignalType.TONE_SHIFT, "nvidia", W, 0));
        assertThat(a.evidence()).isEmpty();
        assertThat(a.reason())
                .isEqualTo("Tone on NVIDIA turned negative: -0.62 against a baseline of +0.10.");
    }

    @Test
    void priceAlertKeepsItsIdAsEvidenceGrows() {
        ArticleMove move =
                new ArticleMove(
                        "tencent",
                        "company",
                        "price",
                        "down",
                        5.3,
                        null,
                        null,
                        null,
                        "fell 5.3%",
                        0,
                        9);
        Signal s =
                new PriceMoveRule(NewspulseConfig.defaults().alerts().priceMove())
                        .evaluate(move)
                        .orElseThrow();
        Instant t = Instant.parse("2025-03-03T02:10:00Z");
        PriceMoveTrack track = PriceMoveTrack.start(move, "Tencent", t, NOW, evidence(1));
        Alert first = FACTORY.priceMove(s, track, Duration.ofHours(6));
        assertThat(first.alertId()).isEqualTo(AlertIds.of(SignalType.PRICE_MOVE, "tencent", t, 0));
        assertThat(first.windowStart()).isEqualTo(t);
        assertThat(first.windowEnd()).isEqualTo(t.plus(Duration.ofHours(6)));
        assertThat(first.measured()).containsEntry("articles", 1.0).containsEntry("percent", -5.3);
        assertThat(first.reason())
                .isEqualTo(
                        "Tencent fell 5.3% (reported in 1 article), beyond the 5% threshold for"
                                + " stocks.");

        for (int i = 2; i <= 5; i++) {
            track = track.withReport(evidence(i), FACTORY.maxEvidence());
        }
        Alert later = FACTORY.priceMove(s, track, Duration.ofHours(6));
        assertThat(later.alertId()).isEqualTo(first.alertId());
        assertThat(later.createdAt()).isEqualTo(first.createdAt());
        assertThat(later.evidence()).hasSize(3);
        assertThat(later.measured()).containsEntry("articles", 5.0);
        assertThat(later.reason()).contains("(reported in 5 articles)");
    }

    @Test
    void reissuedChangesOnlyIdAndEscalation() {
        Signal s =
                new MentionSpikeRule(NewspulseConfig.defaults().alerts().spike())
                        .evaluate("nvidia", new EwmaBaseline(2.1, 8, 40), 14)
                        .orElseThrow();
        Alert a = FACTORY.fromWindow(s, window(14, 2), NOW);
        assertThat(AlertFactory.reissued(a, a.alertId(), 0)).isSameAs(a);
        Alert b = AlertFactory.reissued(a, "other", 2);
        assertThat(b.alertId()).isEqualTo("other");
        assertThat(b.escalation()).isEqualTo(2);
        assertThat(b)
                .usingRecursiveComparison()
                .ignoringFields("alertId", "escalation")
                .isEqualTo(a);
    }

    static Alert.Evidence evidence(int i) {
        return new Alert.Evidence("art" + i, "Tencent falls " + i, null, "fell 5.3%");
    }
}
