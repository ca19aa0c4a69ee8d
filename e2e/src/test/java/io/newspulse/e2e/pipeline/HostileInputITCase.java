package io.newspulse.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.cli.feed.FeedRecord;
import io.newspulse.cli.feed.SampleFeed;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.common.model.ParseResult;
import io.newspulse.common.model.RecordSizes;
import io.newspulse.e2e.pipeline.HostileFeed.Accepted;
import io.newspulse.e2e.pipeline.HostileFeed.Bad;
import io.newspulse.e2e.pipeline.Pipeline.Raw;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile input at volume: more than 10,000 records the contract rejects and a few dozen that only
 * look hostile, mixed at random (fixed seed) into a good feed on a real {@code news.raw} topic,
 * through both jobs as their {@code main()} builds them, on a MiniCluster against the shared real
 * Kafka broker and Elasticsearch node ({@link Pipeline}).
 *
 * <p>The restart strategy is {@code none}, so any failure of either job fails the test: zero
 * restarts. Checked against a clean run of the good records alone (same MiniCluster, own topics and
 * indices): every rejected record is on the dead-letter topic once, with the error code the
 * contract gives it, its key, its size and its bytes (the first 1 MiB of a 2.5 MB one, flagged
 * truncated); every accepted hostile record is an article; a redelivered id with another body does
 * not replace the first; the articles index (for the good ids), the aggregates index, the alerts
 * index and the alerts topic equal the clean run's. Figures go to {@code
 * target/hostile-figures.txt}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileInputITCase {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = Pipeline.miniCluster();

    private static final long SEED = 20261206L;
    private static final int BAD_PER_CATEGORY = 1_000;
    private static final int SAME_ID_OTHER_BODY = 25;
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(4);
    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    /** Fields that differ between two runs of the same input by nature. */
    private static final List<String> RUN_FIELDS = List.of("ingest_time", "origin", "created_at");

    @Test
    void hostileRecordsAreDeadLetteredOrAcceptedAndLeaveTheGoodResultsUnchanged() throws Exception {
        SampleFeed.Options options =
                SampleFeed.Options.defaults(SEED, T0)
                        .withBaselineMinutes(24)
                        .withArticlesPerMinute(12)
                        .withBurstMinutes(1)
                        .withIncludeInvalid(false);
        List<FeedRecord> feed = new ArrayList<>(SampleFeed.generate(options));
        // Event-time order: no good record is ever late, so windows hold the same articles
        // however the watermark and the hostile records interleave.
        feed.sort(Comparator.comparing(FeedRecord::timestamp));
        List<Raw> good = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (FeedRecord r : feed) {
            good.add(new Raw(r.key(), r.valueBytes(), r.timestamp().toEpochMilli()));
            times.add(r.timestamp());
        }
        // No entity: it only moves event time past the burst so that every window fires.
        Instant tailAt = options.burstEnd().plus(Duration.ofMinutes(3));
        good.add(
                Pipeline.article(
                        "tail-quiet",
                        "wire-tail",
                        tailAt,
                        "Trading was quiet overnight",
                        "Few reports came in overnight."));
        times.add(tailAt);
        Set<String> goodIds = good.stream().map(Raw::key).collect(Collectors.toSet());

        List<Bad> bad = HostileFeed.bad(BAD_PER_CATEGORY);
        List<Accepted> accepted = new ArrayList<>(HostileFeed.accepted());
        Accepted farFuture = HostileFeed.farFuture();
        assertClassifiedAsTheContractSays(bad, accepted, farFuture);

        // ------------------------------------------------------------ clean run
        long cleanStart = System.nanoTime();
        Results clean;
        try (Pipeline p = Pipeline.create("clean", settings(), noRestarts())) {
            p.start();
            p.produce(good);
            p.await(
                    "every good article indexed",
                    () -> p.count(p.cfg.elasticsearch().indexArticles()),
                    n -> n >= goodIds.size(),
                    RUN_DEADLINE);
            clean = awaitStable(p);
            assertThat(clean.articles.keySet()).isEqualTo(goodIds);
            assertThat(p.records(p.cfg.topics().dlq())).isEmpty();
            assertRunning(p);
        }
        double cleanSeconds = (System.nanoTime() - cleanStart) / 1e9;
        assertThat(clean.aggregates).isNotEmpty();
        assertThat(clean.kafkaAlerts).isNotEmpty();

        // ------------------------------------------------------------ hostile run
        Random random = new Random(SEED);
        List<List<Raw>> after = new ArrayList<>();
        List<List<Object>> afterWhat = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            after.add(new ArrayList<>());
            afterWhat.add(new ArrayList<>());
        }
        for (Bad b : bad) {
            int slot = random.nextInt(good.size());
            after.get(slot).add(new Raw(b.key(), b.value(), times.get(slot).toEpochMilli()));
            afterWhat.get(slot).add(b);
        }
        for (Accepted a : accepted) {
            int slot = random.nextInt(good.size());
            after.get(slot).add(a.raw(times.get(slot).toEpochMilli()));
            afterWhat.get(slot).add(a);
        }
        Map<String, String> firstBody = new HashMap<>();
        for (int n = 0; n < SAME_ID_OTHER_BODY; n++) {
            int original = random.nextInt(good.size() - 1);
            int slot = original + random.nextInt(good.size() - original);
            String id = good.get(original).key();
            Raw again = HostileFeed.sameIdOtherBody(id, times.get(original), n);
            after.get(slot)
                    .add(new Raw(again.key(), again.value(), times.get(slot).toEpochMilli()));
            afterWhat.get(slot).add("same id " + id);
            firstBody.put(id, clean.articles.get(id).path("body").asText());
        }
        List<Raw> input = new ArrayList<>();
        List<Object> what = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            input.add(good.get(i));
            what.add("good");
            input.addAll(after.get(i));
            what.addAll(afterWhat.get(i));
        }
        // Last: it moves event time to the present.
        input.add(farFuture.raw(null));
        what.add(farFuture);
        accepted.add(farFuture);

        long hostileStart = System.nanoTime();
        Results hostile;
        List<ConsumerRecord<String, String>> dlq;
        List<RecordMetadata> sent;
        try (Pipeline p = Pipeline.create("hostile", settings(), noRestarts())) {
            p.start();
            sent = p.produce(input);
            Set<String> ids = new LinkedHashSet<>(goodIds);
            accepted.forEach(a -> ids.add(a.id()));
            p.await(
                    "every good and accepted article indexed",
                    () -> p.count(p.cfg.elasticsearch().indexArticles()),
                    n -> n >= ids.size(),
                    RUN_DEADLINE);
            dlq =
                    p.await(
                            bad.size() + " dead letters",
                            () -> p.records(p.cfg.topics().dlq()),
                            rs -> rs.size() >= bad.size(),
                            RUN_DEADLINE);
            p.await(
                    "the clean run's alerts and aggregates",
                    () -> collect(p).summary(),
                    s -> s.equals(clean.summary()),
                    RUN_DEADLINE);
            hostile = awaitStable(p);
            dlq = p.records(p.cfg.topics().dlq());
            assertRunning(p);
            assertThat(hostile.articles.keySet()).isEqualTo(ids);
            for (Accepted a : accepted) {
                assertAccepted(a, hostile.articles.get(a.id()));
            }
        }
        double hostileSeconds = (System.nanoTime() - hostileStart) / 1e9;

        // Dead letters: exactly the rejected records, each once, with its error and bytes.
        Map<Long, Bad> badByOffset = new HashMap<>();
        for (int i = 0; i < input.size(); i++) {
            if (what.get(i) instanceof Bad b) {
                badByOffset.put(sent.get(i).offset(), b);
            }
        }
        assertThat(dlq).hasSize(bad.size());
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byError = new TreeMap<>();
        int truncated = 0;
        for (ConsumerRecord<String, String> r : dlq) {
            JsonNode d = Pipeline.parse(r.value());
            Bad b = badByOffset.get(d.path("offset").asLong());
            assertThat(b).as("input of dead letter %s", abbreviate(r.value())).isNotNull();
            assertDeadLetter(d, r.key(), b);
            byCategory.merge(b.category(), 1L, Long::sum);
            byError.merge(d.path("error").asText(), 1L, Long::sum);
            truncated += d.path("value_truncated").asBoolean() ? 1 : 0;
        }
        assertThat(badByOffset.keySet())
                .isEqualTo(
                        dlq.stream()
                                .map(r -> Pipeline.parse(r.value()).path("offset").asLong())
                                .collect(Collectors.toSet()));
        assertThat(byCategory).isEqualTo(count(bad, Bad::category));
        assertThat(byError).isEqualTo(count(bad, Bad::error));

        // Good results: identical to the clean run's.
        Map<String, JsonNode> goodArticles = new TreeMap<>(hostile.articles);
        goodArticles.keySet().retainAll(goodIds);
        assertSameEntries("articles index (good ids)", goodArticles, clean.articles);
        firstBody.forEach(
                (id, body) ->
                        assertThat(hostile.articles.get(id).path("body").asText())
                                .as("body of %s after a redelivery with another body", id)
                                .isEqualTo(body));
        assertSameEntries("aggregates index", hostile.aggregates, clean.aggregates);
        assertSameEntries("alerts index", hostile.esAlerts, clean.esAlerts);
        assertSameRecords("alerts topic", hostile.kafkaAlerts, clean.kafkaAlerts);

        writeFigures(
                good.size(),
                bad,
                byCategory,
                byError,
                truncated,
                accepted,
                clean,
                cleanSeconds,
                hostileSeconds);
    }

    // ------------------------------------------------------------------ setup

    private static List<String> settings() {
        return List.of("alerts.spike_min_history=3");
    }

    /** No restart strategy: a job that fails once stays failed, and the test sees it. */
    private static Configuration noRestarts() {
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return c;
    }

    private static void assertRunning(Pipeline p) throws Exception {
        assertThat(p.job().getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    }

    /** What the contract makes of each record, checked on the parser before any job runs. */
    private static void assertClassifiedAsTheContractSays(
            List<Bad> bad, List<Accepted> accepted, Accepted farFuture) {
        assertThat(bad).hasSizeGreaterThanOrEqualTo(10_000);
        List<String> wrong = new ArrayList<>();
        for (Bad b : bad) {
            ParseResult<?> r = NewsArticleParser.parse(b.value());
            if (!b.error().equals(r.error())) {
                wrong.add(b.category() + " -> " + r.error() + ": " + abbreviate(b.value()));
            }
        }
        List<Accepted> all = new ArrayList<>(accepted);
        all.add(farFuture);
        for (Accepted a : all) {
            ParseResult<?> r = NewsArticleParser.parse(a.value());
            if (!r.isOk()) {
                wrong.add(a.category() + " -> " + r.reason() + ": " + abbreviate(a.value()));
            }
        }
        assertThat(wrong).as("records the parser classifies otherwise than the contract").isEmpty();
    }

    // ------------------------------------------------------------------ checks

    private static void assertDeadLetter(JsonNode d, String recordKey, Bad b) {
        byte[] original = b.value() == null ? new byte[0] : b.value();
        assertThat(d.path("stage").asText()).isEqualTo("parse");
        assertThat(d.path("error").asText()).as("error of %s", b.category()).isEqualTo(b.error());
        assertThat(d.path("reason").asText()).isNotBlank();
        assertThat(recordKey).isEqualTo(b.key());
        assertThat(d.path("value_size").asLong()).isEqualTo(original.length);
        byte[] kept = Base64.getDecoder().decode(d.path("value").asText());
        if (original.length > RecordSizes.MAX_ORIGINAL_BYTES) {
            assertThat(d.path("value_truncated").asBoolean()).isTrue();
            assertThat(kept.length)
                    .isLessThanOrEqualTo(RecordSizes.MAX_ORIGINAL_BYTES)
                    .isGreaterThan(RecordSizes.MAX_ORIGINAL_BYTES - 4);
            assertThat(Arrays.copyOf(original, kept.length)).isEqualTo(kept);
        } else {
            assertThat(d.path("value_truncated").asBoolean()).isFalse();
            assertThat(kept).as("value of %s", b.category()).isEqualTo(original);
        }
    }

    /** Equal maps, or a failure naming each differing document with both versions. */
    private static void assertSameEntries(
            String what, Map<String, JsonNode> hostile, Map<String, JsonNode> clean) {
        List<String> diff = new ArrayList<>();
        Set<String> ids = new TreeSet<>(hostile.keySet());
        ids.addAll(clean.keySet());
        for (String id : ids) {
            JsonNode h = hostile.get(id);
            JsonNode c = clean.get(id);
            if (!Objects.equals(h, c)) {
                diff.add(id + "\n  clean:   " + c + "\n  hostile: " + h);
            }
        }
        assertThat(diff)
                .as(
                        "%s: %d of %d documents differ from the clean run",
                        what, diff.size(), ids.size())
                .isEmpty();
    }

    /** Equal sorted lists, or a failure naming the records only one run has. */
    private static void assertSameRecords(String what, List<String> hostile, List<String> clean) {
        List<String> onlyHostile = new ArrayList<>(hostile);
        clean.forEach(onlyHostile::remove);
        List<String> onlyClean = new ArrayList<>(clean);
        hostile.forEach(onlyClean::remove);
        assertThat(onlyClean).as("%s: records of the clean run only", what).isEmpty();
        assertThat(onlyHostile).as("%s: records of the hostile run only", what).isEmpty();
    }

    private static void assertAccepted(Accepted a, JsonNode article) {
        assertThat(article).as("article %s (%s)", a.id(), a.category()).isNotNull();
        var parsed = NewsArticleParser.parse(a.value()).value();
        // Title and body as received (lone surrogates replaced); no entity, so no mention.
        assertThat(article.path("title").asText()).isEqualTo(parsed.title());
        assertThat(article.path("body").asText()).isEqualTo(parsed.body());
        assertThat(article.path("entities")).as("entities of %s", a.id()).isEmpty();
        String expectedSource =
                switch (a.category()) {
                    case "far future" -> "ingest_time";
                    default -> "kafka_timestamp";
                };
        assertThat(article.path("event_time_source").asText())
                .as("event_time_source of %s", a.id())
                .isEqualTo(expectedSource);
    }

    // ------------------------------------------------------------------ results

    /** What a run left in the indices and on the alerts topic, run-specific fields removed. */
    private record Results(
            Map<String, JsonNode> articles,
            Map<String, JsonNode> aggregates,
            Map<String, JsonNode> esAlerts,
            List<String> kafkaAlerts) {
        /** The signals job's output in numbers (the articles differ: accepted hostile ones). */
        String summary() {
            return "aggregates="
                    + aggregates.size()
                    + " esAlerts="
                    + esAlerts.size()
                    + " kafkaAlerts="
                    + kafkaAlerts.size();
        }
    }

    private static Results collect(Pipeline p) throws IOException {
        return new Results(
                sources(p.searchAll(p.cfg.elasticsearch().indexArticles())),
                sources(p.searchAll(p.cfg.elasticsearch().indexAggregates())),
                sources(p.searchAll(p.cfg.elasticsearch().indexAlerts())),
                p.records(p.cfg.topics().alerts()).stream()
                        .map(r -> r.key() + "|" + withoutRunFields(Pipeline.parse(r.value())))
                        .sorted()
                        .collect(Collectors.toList()));
    }

    /**
     * Waits until both jobs have checkpointed all their input, then until nothing changes for five
     * checkpoint intervals and the alerts index holds the topic's alerts, and returns the results
     * then. Without the first wait, a pause of the jobs longer than five seconds on a loaded
     * machine would pass for the end of the run.
     */
    private static Results awaitStable(Pipeline p) throws Exception {
        p.await("both jobs through their input", p::drained, done -> done, RUN_DEADLINE);
        long end = System.nanoTime() + RUN_DEADLINE.toNanos();
        Results last = collect(p);
        long stableSince = System.nanoTime();
        while (true) {
            Thread.sleep(1_000);
            Results now = collect(p);
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(5).toNanos()
                    && alertIds(now).equals(now.esAlerts.keySet())) {
                return now;
            }
            assertThat(System.nanoTime())
                    .as("stable results within %s: %s", RUN_DEADLINE, now.summary())
                    .isLessThan(end);
        }
    }

    private static Set<String> alertIds(Results r) {
        return r.kafkaAlerts.stream()
                .map(a -> a.substring(0, a.indexOf('|')))
                .collect(Collectors.toSet());
    }

    private static Map<String, JsonNode> sources(List<JsonNode> hits) {
        Map<String, JsonNode> out = new TreeMap<>();
        hits.forEach(h -> out.put(h.path("_id").asText(), withoutRunFields(h.path("_source"))));
        return out;
    }

    private static JsonNode withoutRunFields(JsonNode source) {
        ObjectNode copy = source.deepCopy();
        copy.remove(RUN_FIELDS);
        return copy;
    }

    private static <T> Map<String, Long> count(
            List<T> items, java.util.function.Function<T, String> by) {
        return items.stream()
                .collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting()));
    }

    private static String abbreviate(byte[] value) {
        return value == null ? "null" : abbreviate(new String(value, StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " chars)";
    }

    private static void writeFigures(
            int good,
            List<Bad> bad,
            Map<String, Long> byCategory,
            Map<String, Long> byError,
            int truncated,
            List<Accepted> accepted,
            Results clean,
            double cleanSeconds,
            double hostileSeconds)
            throws IOException {
        Map<String, String> errorOf = new TreeMap<>();
        bad.forEach(b -> errorOf.put(b.category(), b.error()));
        StringBuilder out = new StringBuilder();
        out.append(String.format("HostileInputITCase %s%n", Instant.now()));
        out.append(
                String.format(
                        "good records %d (%d article ids); clean run: %s, %.1f s%n",
                        good, clean.articles.size(), clean.summary(), cleanSeconds));
        out.append(
                String.format(
                        "hostile run: %.1f s, 0 restarts (restart strategy none)%n",
                        hostileSeconds));
        byCategory.forEach(
                (c, n) ->
                        out.append(
                                String.format(
                                        "rejected  %-22s %6d dead letters, error %s%n",
                                        c, n, errorOf.get(c))));
        byError.forEach((e, n) -> out.append(String.format("error     %-22s %6d%n", e, n)));
        out.append(String.format("truncated dead letters %d%n", truncated));
        count(accepted, Accepted::category)
                .forEach((c, n) -> out.append(String.format("accepted  %-22s %6d%n", c, n)));
        out.append(String.format("same id, other body (dropped) %d%n", SAME_ID_OTHER_BODY));
        System.out.print(out);
        Files.writeString(
                Path.of("target", "hostile-figures.txt"),
                out,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
