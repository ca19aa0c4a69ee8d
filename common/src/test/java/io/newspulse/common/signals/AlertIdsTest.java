package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertIdsTest {
    private static final Instant W = Instant.parse("2025-03-03T09:31:00Z");

    @Test
    void idsAreDeterministicHexOfFixedLength() {
        String id = AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", W, 0);
        assertThat(id).hasSize(AlertIds.LENGTH).matches("[0-9a-f]{20}");
        assertThat(AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", W, 0)).isEqualTo(id);
    }

    @Test
    void everyComponentChangesTheId() {
        Set<String> ids =
                Set.of(
                        AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", W, 0),
                        AlertIds.of(SignalType.TONE_SHIFT, "nvidia", W, 0),
                        AlertIds.of(SignalType.MENTION_SPIKE, "amd", W, 0),
                        AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", W.plusSeconds(60), 0),
                        AlertIds.of(SignalType.MENTION_SPIKE, "nvidia", W, 1));
        assertThat(ids).hasSize(5);
    }

    @Test
    void rejectsANegativeEscalation() {
        assertThatThrownBy(() -> AlertIds.of(SignalType.PRICE_MOVE, "x", W, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
