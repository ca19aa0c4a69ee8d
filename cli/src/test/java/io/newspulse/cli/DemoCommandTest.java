package io.newspulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir Path home;

    @Test
    void aFeedFromAFileKeepsItsOwnPublishedAtBackTo1970() {
        NewspulseConfig file =
                DemoCommand.demoConfig("127.0.0.1:9092", "http://x:9200", home, true);
        assertThat(file.eventTime().minPublishedAt()).isEqualTo(Instant.EPOCH);
        // A 1987 wire story is before the default floor and after this one.
        Instant crash = Instant.parse("1987-10-19T20:00:00Z");
        assertThat(crash).isBefore(NewspulseConfig.defaults().eventTime().minPublishedAt());
        assertThat(crash).isAfter(file.eventTime().minPublishedAt());
    }

    @Test
    void theSampleFeedKeepsTheDefaultFloor() {
        NewspulseConfig sample =
                DemoCommand.demoConfig("127.0.0.1:9092", "http://x:9200", home, false);
        assertThat(sample.eventTime().minPublishedAt())
                .isEqualTo(NewspulseConfig.defaults().eventTime().minPublishedAt());
    }
}
