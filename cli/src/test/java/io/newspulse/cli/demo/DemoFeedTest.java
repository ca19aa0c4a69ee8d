package io.newspulse.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFeedTest {
    @Test
    void aFeedFileIsPublishedAloneWithNoSpikeExpected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feed.jsonl");
        Files.write(
                file,
                List.of(
                        "{\"id\":\"reuters-1\",\"source\":\"reuters\",\"published_at\":"
                                + "\"1987-10-19T16:05:12Z\",\"title\":\"Stocks plunge\","
                                + "\"body\":\"The Dow fell 22.6 pct.\"}",
                        "",
                        "{\"id\":\"reuters-1\",\"source\":\"reuters\",\"published_at\":"
                                + "\"1987-10-19T16:05:12Z\",\"title\":\"Stocks plunge\","
                                + "\"body\":\"The Dow fell 22.6 pct.\"}",
                        "not json"),
                StandardCharsets.UTF_8);
        DemoFeed feed = DemoFeed.fromFile(file);
        assertThat(feed.expectation()).isEqualTo(new DemoMonitor.Expectation(1, 1, null));
        assertThat(feed.burstEntityId()).isNull();
    }
}
