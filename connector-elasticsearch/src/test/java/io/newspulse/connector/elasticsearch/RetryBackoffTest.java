package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesUpToTheCap() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(backoff.delayMillis(0)).isEqualTo(100);
        assertThat(backoff.delayMillis(1)).isEqualTo(200);
        assertThat(backoff.delayMillis(3)).isEqualTo(800);
        assertThat(backoff.delayMillis(4)).isEqualTo(1000);
        assertThat(backoff.delayMillis(Integer.MAX_VALUE)).isEqualTo(1000);
    }

    @Test
    void rejectsMaxBelowInitial() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
