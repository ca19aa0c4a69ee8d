package io.newspulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.common.model.RecordSizes;
import io.newspulse.common.text.Utf8;
import io.newspulse.connector.elasticsearch.BulkOperationRequest;
import io.newspulse.jobs.enrichment.EnrichmentPath;
import io.newspulse.jobs.indexing.JsonRecordConverter;
import io.newspulse.jobs.kafka.DeadLetters;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.JsonRecordSerializer;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.signals.SignalsPath;
import io.newspulse.jobs.testing.HostileRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated hostile records (one per seed: a failure names the seed that reproduces it) through the
 * whole per-record path of both jobs (parse, tag, story stages, JSON for Kafka and Elasticsearch,
 * then the signals job's reading, mentions and window records): nothing throws out of an operator,
 * every record ends as an article or a dead letter, and what is written is what Kafka and
 * Elasticsearch accept.
 */
class HostileRecordPropertyTest {
    private static final long FLOOR = EnrichmentPath.FLOOR.toEpochMilli();
    private static EnrichmentPath enrichment;
    private static SignalsPath signals;
    private static long offset;
    private static String validEnriched;

    /** Generated records per property. */
    private static final int RECORDS = 200;

    @BeforeAll
    static void open() throws Exception {
        enrichment = new EnrichmentPath();
        signals = new SignalsPath();
        validEnriched = validEnrichedJson();
    }

    @AfterAll
    static void close() throws Exception {
        enrichment.close();
        signals.close();
    }

    static LongStream seeds() {
        return LongStream.range(0, RECORDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRawRecordIsIndexedOrDeadLettered(long seed) throws Exception {
        Random r = new Random(seed);
        check(HostileRecords.message(r), HostileRecords.kafkaTimestamp(r));
    }

    @Test
    void everyFixedHostileCaseIsIndexedOrDeadLettered() throws Exception {
        for (HostileRecords.Case c : HostileRecords.fixedCases()) {
            for (long ts : new long[] {-1L, System.currentTimeMillis()}) {
                check(c.value(), ts);
            }
        }
    }

    /** A valid enriched article with one top-level field replaced by a hostile value. */
    private static String enrichedRecord(Random r) {
        List<String> fields =
                List.of(
                        "id",
                        "story_id",
                        "event_time",
                        "published_at",
                        "ingest_time",
                        "origin",
                        "entities",
                        "sectors",
                        "moves",
                        "novelty",
                        "simhash",
                        "source",
                        "title",
                        "duplicate");
        if (r.nextBoolean()) {
            // Times are where windows and timers break: half the records get a hostile one.
            List<String> times = List.of("event_time", "published_at", "ingest_time");
            List<String> values = HostileRecords.TIMESTAMPS;
            return replaceField(
                    validEnriched,
                    times.get(r.nextInt(times.size())),
                    HostileRecords.quote(values.get(r.nextInt(values.size()))));
        }
        return replaceField(
                validEnriched, fields.get(r.nextInt(fields.size())), HostileRecords.jsonValue(r));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyEnrichedRecordIsReadOrDeadLettered(long seed) throws Exception {
        Random random = new Random(seed);
        String json = enrichedRecord(random);
        long timestamp = HostileRecords.kafkaTimestamp(random);
        long ts = Math.max(-1, Math.min(timestamp, 253_402_300_799_999L));
        SignalsPath.Result r =
                signals.run(
                        new RawRecord(
                                "news.enriched",
                                0,
                                offset++,
                                ts,
                                null,
                                json.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.articles().size() + r.deadLetters().size()).isGreaterThanOrEqualTo(1);
        r.deadLetters().forEach(HostileRecordPropertyTest::checkDeadLetter);
        r.aggregates().forEach(HostileRecordPropertyTest::checkWritable);
    }

    private static void check(byte[] value, long timestamp) throws Exception {
        RawRecord raw = new RawRecord("news.raw", 0, offset++, timestamp, null, value);
        EnrichmentPath.Result r = enrichment.run(raw);

        assertThat(r.articles().size() + r.deadLetters().size())
                .as("an article or a dead letter")
                .isEqualTo(1);
        r.deadLetters().forEach(HostileRecordPropertyTest::checkDeadLetter);
        for (JsonRecord a : r.articles()) {
            checkWritable(a);
            assertThat(a.timestamp()).isNotNull().isGreaterThanOrEqualTo(FLOOR);
            EnrichedArticle e = a.read(EnrichedArticle.class);
            assertThat(e.eventTime()).isAfterOrEqualTo(EnrichmentPath.FLOOR);
            assertThat(e.source().length())
                    .isLessThanOrEqualTo(NewsArticleParser.MAX_SOURCE_LENGTH);
            assertThat(e.url())
                    .satisfiesAnyOf(
                            u -> assertThat(u).isNull(),
                            u -> assertThat(u).matches("(?i)https?://\\S+"));
            // The signals job reads what the enrichment job wrote.
            SignalsPath.Result s =
                    signals.run(
                            new RawRecord(
                                    "news.enriched", 0, offset++, a.timestamp(), null, a.value()));
            assertThat(s.deadLetters()).isEmpty();
            assertThat(s.articles()).hasSize(1);
            s.aggregates().forEach(HostileRecordPropertyTest::checkWritable);
        }
    }

    /** What Kafka and Elasticsearch accept: a key, a timestamp >= 0, bounded well-formed JSON. */
    private static void checkWritable(JsonRecord r) {
        assertThat(r.key()).isNotBlank();
        assertThat(r.key().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
        assertThat(r.value().length).isLessThanOrEqualTo(RecordSizes.MAX_RECORD_BYTES);
        assertThat(r.timestamp() == null || r.timestamp() >= 0).isTrue();
        assertThat(wellFormedUtf8(r.value())).isTrue();
        ProducerRecord<byte[], byte[]> p =
                new JsonRecordSerializer("topic").serialize(r, null, null);
        assertThat(p.timestamp() == null || p.timestamp() >= 0).isTrue();
        BulkOperationRequest doc = new JsonRecordConverter("index").apply(r, null);
        assertThat(doc.id()).isEqualTo(r.key());
    }

    private static void checkDeadLetter(DeadLetter d) {
        assertThat(d.stage()).isNotBlank();
        assertThat(d.error()).matches("[a-z0-9_]+");
        assertThat(d.reason()).isNotBlank();
        JsonRecord r = DeadLetters.toRecord(d);
        assertThat(r.value().length).isLessThanOrEqualTo(RecordSizes.MAX_RECORD_BYTES);
        assertThat(wellFormedUtf8(r.value())).isTrue();
        assertThat(r.read(DeadLetter.class).offset()).isEqualTo(d.offset());
    }

    private static boolean wellFormedUtf8(byte[] bytes) {
        try {
            Utf8.decode(bytes);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String validEnrichedJson() {
        try {
            EnrichmentPath.Result r =
                    enrichment.run(
                            new RawRecord(
                                    "news.raw",
                                    0,
                                    0,
                                    Instant.parse("2026-03-02T02:00:00Z").toEpochMilli(),
                                    null,
                                    ("{\"id\":\"v1\",\"source\":\"wire\",\"title\":\"Tencent"
                                                    + " shares jump 6%\",\"body\":\"Tencent"
                                                    + " (0700.HK) rose 6.2% and Alibaba fell"
                                                    + " 3%.\"}")
                                            .getBytes(StandardCharsets.UTF_8)));
            return new String(r.articles().get(0).value(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code json} with the top-level {@code field} set to the JSON text {@code value}. */
    private static String replaceField(String json, String field, String value) {
        try {
            var tree =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(json);
            String without = Json.mapper().writeValueAsString(tree.without(field));
            return without.substring(0, without.length() - 1)
                    + ","
                    + HostileRecords.quote(field)
                    + ":"
                    + value
                    + "}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
