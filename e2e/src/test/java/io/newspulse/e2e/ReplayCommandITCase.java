package io.newspulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.cli.NewspulseCli;
import io.newspulse.cli.feed.FeedRecord;
import io.newspulse.cli.feed.SampleFeed;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.local.LocalKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newspulse replay} against a real broker, read back from the topic. */
class ReplayCommandITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir Path dir;

    @Test
    void replaysAFileLineByLineWithIdsAsKeys() throws Exception {
        LocalKafka kafka = SharedServices.kafka();
        String topic = SharedServices.uniqueName("replay-file");
        kafka.createTopics(3, topic);
        SampleFeed.Options options =
                SampleFeed.Options.defaults(11, Instant.parse("2025-03-03T01:30:00Z"))
                        .withBaselineMinutes(10)
                        .withBurstMinutes(1);
        List<FeedRecord> feed = SampleFeed.generate(options);
        Path file = dir.resolve("feed.jsonl");
        SampleFeed.writeJsonLines(feed, file);
        Files.writeString(file, "\n   \n", StandardOpenOption.APPEND); // Skipped.

        Run run =
                replay(file.toString(), "--topic", topic, "--bootstrap", kafka.bootstrapServers());

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.err)
                .contains("done: sent " + feed.size() + " message(s)")
                .contains("errors 0");
        List<ConsumerRecord<String, String>> read =
                SharedServices.readAll(topic, feed.size(), DEADLINE);
        assertThat(read)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(feed.stream().map(FeedRecord::value).toList());
        Map<String, String> keyByValue = new HashMap<>();
        read.forEach(r -> keyByValue.put(r.value(), r.key()));
        for (FeedRecord r : feed) {
            // The id of a JSON object, null for broken JSON and objects without one.
            assertThat(keyByValue.get(r.value())).as(r.value()).isEqualTo(r.key());
        }
        assertThat(read).filteredOn(r -> r.key() != null).hasSizeGreaterThan(feed.size() - 3);
        // Redeliveries share their key, so they land on their original's partition.
        Map<String, Integer> partitionByKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : read) {
            if (r.key() != null) {
                Integer before = partitionByKey.putIfAbsent(r.key(), r.partition());
                assertThat(before == null || before == r.partition()).isTrue();
            }
        }
    }

    @Test
    void replaysAnArticleNearTheTwoMebibyteLimit() throws Exception {
        LocalKafka kafka = SharedServices.kafka();
        String topic = SharedServices.uniqueName("replay-large");
        kafka.createTopics(1, topic);
        String head = "{\"id\":\"large-1\",\"source\":\"s\",\"title\":\"t\",\"body\":\"";
        String article = head + "x".repeat(NewsArticleParser.MAX_BYTES - head.length() - 2) + "\"}";
        assertThat(NewsArticleParser.parse(article.getBytes(StandardCharsets.UTF_8)).isOk())
                .isTrue();
        Path file = dir.resolve("large.jsonl");
        Files.writeString(file, article + "\n");

        Run run =
                replay(file.toString(), "--topic", topic, "--bootstrap", kafka.bootstrapServers());

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.err).contains("errors 0");
        assertThat(SharedServices.readAll(topic, 1, DEADLINE))
                .extracting(ConsumerRecord::value)
                .containsExactly(article);
    }

    @Test
    void syntheticFeedHonoursCountAndRate() {
        LocalKafka kafka = SharedServices.kafka();
        String topic = SharedServices.uniqueName("replay-synthetic");
        // No createTopics: the broker creates the topic on first use.
        long started = System.nanoTime();
        Run run =
                replay(
                        "--synthetic",
                        "--count",
                        "120",
                        "--rate",
                        "200",
                        "--seed",
                        "5",
                        "--topic",
                        topic,
                        "--bootstrap",
                        kafka.bootstrapServers());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.status).as(run.err).isZero();
        // 120 messages at 200/s take at least 0.6 s (less a message's worth of slack).
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(590));
        List<ConsumerRecord<String, String>> read = SharedServices.readAll(topic, 120, DEADLINE);
        assertThat(read).hasSize(120);
        List<String> unkeyed = new ArrayList<>();
        for (ConsumerRecord<String, String> r : read) {
            if (NewsArticleParser.parse(r.value().getBytes(StandardCharsets.UTF_8)).isOk()) {
                assertThat(r.key()).isNotBlank();
                assertThat(r.value()).contains("\"id\":\"" + r.key() + "\"");
            } else if (r.key() == null) {
                unkeyed.add(r.value());
            }
        }
        assertThat(unkeyed).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void unreachableBrokerExitsWithTwo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"id\":\"a-1\",\"source\":\"s\",\"title\":\"t\"}\n");

        Run run =
                replay(
                        file.toString(),
                        "--topic",
                        "never",
                        "--bootstrap",
                        "127.0.0.1:" + port,
                        "--connect-timeout",
                        "2");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("cannot reach Kafka at 127.0.0.1:" + port + " within 2 s");
    }

    @Test
    void missingFileAndBadArgumentsExitWithTwo() {
        Run missing = replay(dir.resolve("absent.jsonl").toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).contains("no such file").contains("absent.jsonl");

        Run both = replay("x.jsonl", "--synthetic");
        assertThat(both.status).isEqualTo(2);
        assertThat(both.err).contains("either FILE or --synthetic");

        assertThat(replay("--synthetic", "--rate", "-1").status).isEqualTo(2);
    }

    private record Run(int status, String err) {}

    /** Runs {@code newspulse replay ARGS}, capturing stderr. */
    private static synchronized Run replay(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "replay";
        System.arraycopy(args, 0, full, 1, args.length);
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = NewspulseCli.run(full);
            return new Run(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
