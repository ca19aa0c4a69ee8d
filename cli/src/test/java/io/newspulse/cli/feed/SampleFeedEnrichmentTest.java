package io.newspulse.cli.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.testing.EnrichmentRun;
import io.newspulse.jobs.testing.HostileRecords;
import io.newspulse.jobs.testing.MiniClusters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's sample feed with every fixed hostile record interleaved, through the enrichment job on
 * a MiniCluster that would restart a failed job: no restart, every good record indexed, every
 * hostile one indexed (flagged) or dead-lettered.
 */
class SampleFeedEnrichmentTest {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.restarting(1, METRICS);

    private static long offset;

    @Test
    void theSampleFeedWithHostileRecordsInterleavedFinishesWithoutARestart() throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        List<FeedRecord> feed = SampleFeed.generate(SampleFeed.Options.defaults(13, start));
        List<HostileRecords.Case> hostile = HostileRecords.fixedCases();
        List<RawRecord> input = new ArrayList<>();
        Map<Long, FeedRecord> goodByOffset = new HashMap<>();
        Map<Long, HostileRecords.Case> hostileByOffset = new HashMap<>();
        int every = Math.max(1, feed.size() / hostile.size());
        for (int i = 0; i < feed.size(); i++) {
            FeedRecord r = feed.get(i);
            long ts = r.timestamp().toEpochMilli();
            RawRecord raw =
                    new RawRecord(
                            "news.raw",
                            0,
                            offset++,
                            ts,
                            r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8),
                            r.valueBytes());
            input.add(raw);
            if (r.valid()) {
                goodByOffset.put(raw.offset(), r);
            }
            if (i % every == 0 && i / every < hostile.size()) {
                HostileRecords.Case c = hostile.get(i / every);
                RawRecord h = new RawRecord("news.raw", 0, offset++, ts, null, c.value());
                input.add(h);
                hostileByOffset.put(h.offset(), c);
            }
        }
        for (int i = hostileByOffset.size(); i < hostile.size(); i++) {
            RawRecord h = new RawRecord("news.raw", 0, offset++, -1, null, hostile.get(i).value());
            input.add(h);
            hostileByOffset.put(h.offset(), hostile.get(i));
        }
        EnrichmentRun out = EnrichmentRun.of(input, METRICS);
        List<EnrichedArticle> articles = out.articles();
        List<DeadLetter> dead = out.dead();
        long restarts = out.restarts();

        assertThat(restarts).isZero();
        Map<Long, EnrichedArticle> indexed =
                articles.stream().collect(Collectors.toMap(a -> a.origin().offset(), a -> a));
        Map<Long, DeadLetter> deadByOffset =
                dead.stream().collect(Collectors.toMap(DeadLetter::offset, d -> d));
        // Every good record indexed (a redelivery under its original's id).
        assertThat(articles)
                .extracting(EnrichedArticle::id)
                .containsAll(goodByOffset.values().stream().map(FeedRecord::key).toList());
        assertThat(goodByOffset.keySet()).noneMatch(deadByOffset::containsKey);
        // Every hostile record indexed (flagged when its time was replaced) or dead-lettered.
        hostileByOffset.forEach(
                (o, c) ->
                        assertThat(indexed.containsKey(o) || deadByOffset.containsKey(o))
                                .as(c.name())
                                .isTrue());
        EnrichedArticle old =
                articles.stream()
                        .filter(a -> a.id().equals("h-ts-1900-01-01T00:00:00Z"))
                        .findFirst()
                        .orElseThrow();
        assertThat(old.eventTimeSource()).isNotEqualTo("published_at");
        assertThat(old.eventTime()).isAfter(Instant.parse("1990-01-01T00:00:00Z"));
        assertThat(articles)
                .allSatisfy(
                        a ->
                                assertThat(a.eventTime())
                                        .isAfter(Instant.parse("1990-01-01T00:00:00Z")));
        assertThat(dead)
                .filteredOn(d -> d.error().equals("too_large"))
                .singleElement()
                .satisfies(d -> assertThat(d.valueTruncated()).isTrue());
    }
}
