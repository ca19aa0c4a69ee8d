package io.newspulse.cli.demo;

import io.newspulse.cli.feed.FeedRecord;
import io.newspulse.cli.feed.FeedSummary;
import io.newspulse.cli.feed.SampleFeed;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.common.model.ParseResult;
import io.newspulse.jobs.kafka.KafkaConnectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's input: the sample feed (quiet baseline, then a burst) placed in the recent past,
 * followed by a short quiet tail so that the burst's windows close, published as fast as Kafka
 * takes it.
 */
public final class DemoFeed {
    private static final int TAIL_MINUTES = 3;

    private final List<FeedRecord> records;
    private final DemoMonitor.Expectation expectation;
    private final String burstEntityId;

    private DemoFeed(
            List<FeedRecord> records, DemoMonitor.Expectation expectation, String burstEntityId) {
        this.records = records;
        this.expectation = expectation;
        this.burstEntityId = burstEntityId;
    }

    /** The feed ending about now. */
    public static DemoFeed create(long seed, Instant now) {
        SampleFeed.Options main = SampleFeed.Options.defaults(seed, now);
        int minutes = main.baselineMinutes() + main.burstMinutes() + TAIL_MINUTES;
        main = SampleFeed.Options.defaults(seed, now.minus(Duration.ofMinutes(minutes)));
        SampleFeed.Options tail =
                SampleFeed.Options.defaults(seed + 1, main.burstEnd())
                        .withBaselineMinutes(TAIL_MINUTES)
                        .withBurstMinutes(0)
                        .withIncludeInvalid(false);
        List<FeedRecord> all = new ArrayList<>(SampleFeed.generate(main));
        all.addAll(SampleFeed.generate(tail));
        Set<String> ids = new HashSet<>();
        int invalid = 0;
        for (FeedRecord r : all) {
            if (r.valid()) {
                ids.add(r.key());
            } else {
                invalid++;
            }
        }
        FeedSummary summary = SampleFeed.summary(main);
        return new DemoFeed(
                List.copyOf(all),
                new DemoMonitor.Expectation(ids.size(), invalid, summary.burstEntityId()),
                summary.burstEntityId());
    }

    /**
     * A feed read from news JSON lines, published in file order and nothing else, so that the
     * articles' own {@code published_at} drive event time (a historical wire replays at its real
     * timestamps; write it ordered by time). No spike is expected.
     */
    public static DemoFeed fromFile(Path file) throws IOException {
        List<FeedRecord> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int invalid = 0;
        Instant now = Instant.now();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ParseResult<NewsArticle> parsed =
                    NewsArticleParser.parse(line.getBytes(StandardCharsets.UTF_8));
            boolean valid = parsed.isOk();
            if (valid) {
                ids.add(parsed.value().id());
            } else {
                invalid++;
            }
            all.add(
                    new FeedRecord(
                            valid ? parsed.value().id() : null,
                            line,
                            valid ? parsed.value().publishedAt() : now,
                            valid,
                            valid ? FeedRecord.Kind.ORIGINAL : FeedRecord.Kind.NOT_JSON,
                            valid ? parsed.value().id() : null,
                            Duration.ZERO));
        }
        return new DemoFeed(
                List.copyOf(all), new DemoMonitor.Expectation(ids.size(), invalid, null), null);
    }

    /** Distinct valid articles and invalid records the pipeline must account for. */
    public DemoMonitor.Expectation expectation() {
        return expectation;
    }

    /** The entity the burst is about, or null for a feed read from a file. */
    public String burstEntityId() {
        return burstEntityId;
    }

    /** Publishes every record to the raw topic and waits for the acknowledgements. */
    public int publish(NewspulseConfig cfg) throws Exception {
        Properties p = KafkaConnectors.producerProperties(cfg);
        p.setProperty("bootstrap.servers", cfg.kafka().bootstrapServers());
        p.setProperty("acks", "all");
        p.setProperty("linger.ms", "20");
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (FeedRecord r : records) {
                byte[] key = r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8);
                sent.add(
                        producer.send(
                                new ProducerRecord<>(cfg.topics().raw(), key, r.valueBytes())));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        return sent.size();
    }
}
