package io.newspulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.cli.setup.EsClients;
import io.newspulse.cli.setup.IndexTemplates;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.indexing.MonthlyIndex;
import io.newspulse.jobs.signals.SignalsJob;
import io.newspulse.local.LocalKafka;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The enrichment job from the shaded jar on a real Flink session cluster: a JobManager and a
 * TaskManager in processes of their own, with Flink's jars on their classpath and the job jar
 * submitted through the REST API, as deploy/standalone/README.md describes it. Checks what the
 * MiniCluster tests cannot: that the shaded jar carries everything the job needs beyond Flink, that
 * main() works when the JobManager runs it, that checkpoints reach the cluster's checkpoint
 * directory, and that {@code deploy/standalone/submit.sh --rest} talks to a real REST API.
 *
 * <p>Kafka and Elasticsearch are the shared test servers; topics, indices, consumer group and
 * transactional ids are fresh. The processes' output and the cluster's files stay in {@code
 * target/cluster-it/<run>/}; a failure prints the tails of both logs.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class StandaloneClusterITCase {
    private static final Duration CLUSTER_START = Duration.ofSeconds(90);
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** Slots of the TaskManager: both jobs at once (enrichment at 2, signals at 1). */
    private static final int SLOTS = FlinkSessionCluster.TASK_SLOTS;

    private static final AtomicInteger SCRIPT_RUNS = new AtomicInteger();

    private static Path target;
    private static Path jar;
    private static FlinkSessionCluster cluster;
    private static String jobId;

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    @BeforeAll
    static void startCluster() throws Exception {
        // target/test-classes -> target
        target =
                Path.of(
                                StandaloneClusterITCase.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI())
                        .getParent();
        jar = Path.of(System.getProperty("newspulse.job.jar", "../jobs/target/newspulse.jar"));
        assertThat(jar)
                .as("the shaded job jar (built by `package`, before failsafe runs)")
                .isRegularFile();
        Path log4j =
                Path.of(
                        StandaloneClusterITCase.class
                                .getResource("/cluster/log4j-cluster.properties")
                                .toURI());
        String run =
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-"
                        + ProcessHandle.current().pid();
        Path workDir = Files.createDirectories(target.resolve("cluster-it").resolve(run));
        cluster = FlinkSessionCluster.start(workDir, target.resolve("lib"), log4j);
        System.out.println(
                "Flink session cluster at " + cluster.restUrl() + ", files in " + workDir);
        // The cluster's JVMs start while this JVM starts the shared servers.
        SharedServices.kafka();
        SharedServices.elasticsearch();
        cluster.awaitTaskManagers(1, SLOTS, CLUSTER_START);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster == null) {
            return;
        }
        try {
            if (jobId != null && !isTerminal(cluster.jobState(jobId))) {
                cluster.cancel(jobId);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not cancel job " + jobId + ": " + e);
        } finally {
            cluster.close();
        }
    }

    @Test
    void enrichmentJobFromTheShadedJarRunsOnTheSessionCluster() throws Exception {
        try {
            runEnrichmentJob();
        } catch (Throwable t) {
            System.err.println("StandaloneClusterITCase failed; cluster output:");
            System.err.println(cluster.diagnostics());
            throw t;
        }
    }

    private void runEnrichmentJob() throws Exception {
        LocalKafka kafka = SharedServices.kafka();
        String esUrl = SharedServices.elasticsearch().url();
        String raw = SharedServices.uniqueName("cluster-raw");
        String enriched = SharedServices.uniqueName("cluster-enriched");
        String dlq = SharedServices.uniqueName("cluster-dlq");
        String alerts = SharedServices.uniqueName("cluster-alerts");
        String articles = SharedServices.uniqueName("cluster-articles");
        String aggregates = SharedServices.uniqueName("cluster-aggregates");
        kafka.createTopics(2, raw, enriched, dlq, alerts);
        List<String> args =
                sets(
                        "kafka.bootstrap_servers=" + kafka.bootstrapServers(),
                        "elasticsearch.hosts=" + esUrl,
                        "topics.raw=" + raw,
                        "topics.enriched=" + enriched,
                        "topics.dlq=" + dlq,
                        "topics.alerts=" + alerts,
                        "elasticsearch.index_articles=" + articles,
                        "elasticsearch.index_aggregates=" + aggregates,
                        "elasticsearch.index_alerts=" + SharedServices.uniqueName("cluster-alerts"),
                        "kafka.group_id_prefix=" + SharedServices.uniqueName("cluster"),
                        "kafka.transactional_id_prefix=" + SharedServices.uniqueName("cluster"),
                        "checkpoints.interval=2s",
                        "elasticsearch.bulk_max_time_in_buffer=200ms");

        // Templates first, as `newspulse es setup` does before a deployment's jobs start.
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < args.size(); i += 2) {
            flags.add(args.get(i));
        }
        NewspulseConfig cfg = NewspulseConfig.load(Optional.empty(), Map.of(), flags);
        try (RestClient client = EsClients.restClient(cfg.elasticsearch())) {
            IndexTemplates.install(client, cfg.elasticsearch(), true);
        }

        // Upload and run, as README "Submit with the REST API" does with curl.
        String jarId = cluster.uploadJar(jar);
        assertThat(cluster.get("/jars").path("files"))
                .extracting(f -> f.path("id").asText())
                .contains(jarId);
        jobId = cluster.runJar(jarId, EnrichmentJob.class.getName(), args, 2);
        assertThat(jobId).matches("[0-9a-f]{32}");
        cluster.awaitJobRunning(jobId, DEADLINE);
        JsonNode job = cluster.get("/jobs/" + jobId);
        assertThat(job.path("name").asText()).isEqualTo(EnrichmentJob.NAME);
        assertThat(job.path("vertices"))
                .allSatisfy(v -> assertThat(v.path("parallelism").asInt()).isEqualTo(2));

        checkSubmitScriptSeesTheJob();

        // One article per language the tagger tells apart, and a record that is not JSON.
        Instant published =
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        Map<String, String> input = new LinkedHashMap<>();
        input.put(
                "reuters-nvda-1",
                article(
                        "reuters-nvda-1",
                        "reuters.com",
                        published,
                        "Nvidia shares rise after upbeat forecast",
                        "NEW YORK, March 5 (Reuters) - Nvidia Corp shares rose 4% on Wednesday"
                                + " after the chipmaker forecast quarterly revenue above Wall"
                                + " Street estimates."));
        input.put(
                "cls-1698231",
                article(
                        "cls-1698231",
                        "cls.cn",
                        published.plusSeconds(10),
                        "港股午后走弱 腾讯控股一度跌超5%",
                        "<p>恒生科技指数午后跌幅扩大至3.2%，腾讯控股一度跌超5%，美团跌近4%。</p>" + "<p>分析人士指出，市场担忧监管收紧。</p>"));
        input.put(
                "hkej-88213",
                article(
                        "hkej-88213",
                        "hkej.com",
                        published.plusSeconds(20),
                        "騰訊控股季度盈利勝預期",
                        "騰訊控股(0700.HK)公佈季度業績，盈利勝預期，股價午後上升3%。"));
        input.put(
                "argaam-55120",
                article(
                        "argaam-55120",
                        "argaam.com",
                        published.plusSeconds(30),
                        "أرامكو السعودية تعلن أرباحا قياسية",
                        "أَعْلَنَتْ أرامـــكو السعودية عن أرباح قياسية في الربع الثالث."));
        input.put(
                "nikkei-30117",
                article(
                        "nikkei-30117",
                        "nikkei.com",
                        published.plusSeconds(40),
                        "日銀、金融政策の維持を決定",
                        "日本銀行は金融政策の維持を決定した。"));
        Map<String, String> languages =
                Map.of(
                        "reuters-nvda-1", "en",
                        "cls-1698231", "zh-Hans",
                        "hkej-88213", "zh-Hant",
                        "argaam-55120", "ar",
                        "nikkei-30117", "other");
        String brokenKey = "broken-1";

        try (KafkaProducer<String, String> producer =
                        new KafkaProducer<>(SharedServices.producerProperties());
                TopicReader enrichedReader = new TopicReader(enriched);
                TopicReader dlqReader = new TopicReader(dlq)) {
            List<ProducerRecord<String, String>> batch = new ArrayList<>();
            input.forEach((id, json) -> batch.add(new ProducerRecord<>(raw, id, json)));
            batch.add(new ProducerRecord<>(raw, brokenKey, "{\"id\": \"broken-1\", \"source\": "));
            Map<String, RecordMetadata> sent = send(producer, batch);

            List<ConsumerRecord<String, String>> out =
                    awaitRecords(enrichedReader, "every article", rs -> rs.size() >= input.size());
            assertThat(keys(out)).containsExactlyInAnyOrderElementsOf(input.keySet());
            for (ConsumerRecord<String, String> r : out) {
                JsonNode a = Json.mapper().readTree(r.value());
                assertThat(a.path("id").asText()).isEqualTo(r.key());
                assertThat(a.path("language").asText())
                        .as("language of %s", r.key())
                        .isEqualTo(languages.get(r.key()));
                assertThat(a.path("duplicate").asBoolean()).as("%s is a copy", r.key()).isFalse();
                assertThat(a.path("event_time_source").asText()).isEqualTo("published_at");
                assertThat(a.path("origin").path("topic").asText()).isEqualTo(raw);
                assertThat(a.path("origin").path("offset").asLong())
                        .isEqualTo(sent.get(r.key()).offset());
            }
            Map<String, JsonNode> byId = byKey(out);
            assertThat(entityIds(byId.get("reuters-nvda-1"))).contains("nvidia");
            assertThat(entityIds(byId.get("cls-1698231"))).contains("tencent");
            assertThat(entityIds(byId.get("hkej-88213"))).contains("tencent");

            List<ConsumerRecord<String, String>> deadLetters =
                    awaitRecords(dlqReader, "the dead letter", rs -> !rs.isEmpty());
            assertThat(keys(deadLetters)).containsExactly(brokenKey);

            // A verbatim copy under another id, sent once the original is through, joins the
            // original's story: keyed state works across the cluster's network shuffles.
            String copyId = "wire-syndicated-7";
            JsonNode original = byId.get("reuters-nvda-1");
            send(
                    producer,
                    List.of(
                            new ProducerRecord<>(
                                    raw,
                                    copyId,
                                    article(
                                            copyId,
                                            "wire.example",
                                            published.plusSeconds(50),
                                            original.path("title").asText(),
                                            original.path("body").asText()))));
            out = awaitRecords(enrichedReader, "the copy", rs -> keys(rs).contains(copyId));
            assertThat(out).hasSize(input.size() + 1);
            JsonNode copy = byKey(out).get(copyId);
            assertThat(copy.path("duplicate").asBoolean()).isTrue();
            assertThat(copy.path("duplicate_kind").asText()).isEqualTo("content");
            assertThat(copy.path("story_id").asText()).isEqualTo("reuters-nvda-1");

            // An article dated 1900 (a mistyped year, an epoch-zero default upstream) is indexed
            // with the Kafka record time as its event time, flagged; the job does not restart.
            String oldId = "archive-1900";
            RecordMetadata oldSent =
                    send(
                                    producer,
                                    List.of(
                                            new ProducerRecord<>(
                                                    raw,
                                                    oldId,
                                                    article(
                                                            oldId,
                                                            "archive.example",
                                                            Instant.parse("1900-01-01T00:00:00Z"),
                                                            "Markets in review",
                                                            "Nvidia shares rose 1% on the day."))))
                            .get(oldId);
            out = awaitRecords(enrichedReader, "the 1900 article", rs -> keys(rs).contains(oldId));
            JsonNode old = byKey(out).get(oldId);
            assertThat(old.path("event_time_source").asText()).isEqualTo("kafka_timestamp");
            assertThat(Instant.parse(old.path("event_time").asText()).toEpochMilli())
                    .isEqualTo(oldSent.timestamp());
            assertThat(cluster.get("/jobs/" + jobId).path("state").asText()).isEqualTo("RUNNING");
            assertThat(
                            cluster.get("/jobs/" + jobId + "/exceptions")
                                    .path("exceptionHistory")
                                    .path("entries"))
                    .as("failures of the enrichment job")
                    .isEmpty();
        }

        // The articles index: one document per article, with the same tagging.
        Set<String> ids = new TreeSet<>(input.keySet());
        ids.add("wire-syndicated-7");
        ids.add("archive-1900");
        cluster.await(
                "articles in " + articles,
                () -> {
                    cluster.checkJobRunning(jobId);
                    return esCount(esUrl, articles);
                },
                n -> n >= ids.size(),
                DEADLINE);
        JsonNode hits =
                es(
                                "POST",
                                esUrl + "/" + MonthlyIndex.pattern(articles) + "/_search",
                                "{\"size\":100}")
                        .path("hits")
                        .path("hits");
        assertThat(hits).extracting(h -> h.path("_id").asText()).hasSameElementsAs(ids);
        assertThat(hits)
                .allSatisfy(
                        h -> {
                            String id = h.path("_id").asText();
                            JsonNode s = h.path("_source");
                            assertThat(s.path("id").asText()).isEqualTo(id);
                            assertThat(s.path("language").asText())
                                    .isEqualTo(languages.getOrDefault(id, "en"));
                        });

        // Checkpoints land in the cluster's execution.checkpointing.dir (the job sets none).
        JsonNode checkpoints =
                cluster.await(
                        "a completed checkpoint",
                        () -> cluster.get("/jobs/" + jobId + "/checkpoints"),
                        c -> c.path("counts").path("completed").asInt() >= 1,
                        DEADLINE);
        // (Checkpoints triggered while the source was still initializing count as failed.)
        String location =
                checkpoints.path("latest").path("completed").path("external_path").asText();
        Path checkpoint = Path.of(URI.create(location.replaceFirst("^file:/+", "file:///")));
        Path jobCheckpoints = cluster.checkpointDir().toRealPath().resolve(jobId);
        assertThat(checkpoint.getParent()).isEqualTo(jobCheckpoints);
        // A later checkpoint may already have replaced that one (one is retained): some
        // completed checkpoint of the job is on disk.
        try (Stream<Path> retained = Files.list(jobCheckpoints)) {
            assertThat(retained.filter(c -> c.getFileName().toString().startsWith("chk-")))
                    .anySatisfy(c -> assertThat(c.resolve("_metadata")).isRegularFile());
        }

        runSignalsJob(jarId, args, raw, esUrl, aggregates, published);

        // Cancel through REST; the TaskManager gets every slot back.
        cluster.cancel(jobId);
        cluster.await(
                "job " + jobId + " CANCELED",
                () -> cluster.jobState(jobId),
                "CANCELED"::equals,
                DEADLINE);
        cluster.awaitTaskManagers(1, SLOTS, DEADLINE);
        assertThat(submitScript("status", "--rest").stdout())
                .contains(jobId + "  CANCELED  " + EnrichmentJob.NAME);
    }

    /**
     * The signals job from the same jar, beside the enrichment job: it reads what enrichment wrote
     * and indexes window counts. A later article moves the watermark past the first windows.
     */
    private void runSignalsJob(
            String jarId,
            List<String> args,
            String raw,
            String esUrl,
            String aggregates,
            Instant published)
            throws Exception {
        String signalsId = cluster.runJar(jarId, SignalsJob.class.getName(), args, 1);
        try {
            cluster.awaitJobRunning(signalsId, DEADLINE);
            assertThat(cluster.get("/jobs/" + signalsId).path("name").asText())
                    .isEqualTo(SignalsJob.NAME);
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(SharedServices.producerProperties())) {
                send(
                        producer,
                        List.of(
                                new ProducerRecord<>(
                                        raw,
                                        "clock-1",
                                        article(
                                                "clock-1",
                                                "wire.example",
                                                published.plus(Duration.ofMinutes(15)),
                                                "Markets close",
                                                "Stocks ended the session mixed."))));
            }
            // Polled: other keys' windows may be indexed before tencent's.
            JsonNode tencent =
                    cluster.await(
                            "tencent's window counts in " + aggregates,
                            () -> {
                                cluster.checkJobRunning(signalsId);
                                JsonNode found =
                                        es(
                                                "POST",
                                                esUrl
                                                        + "/"
                                                        + MonthlyIndex.pattern(aggregates)
                                                        + "/_search",
                                                "{\"query\":{\"term\":{\"key\":\"tencent\"}}}");
                                return found == null
                                        ? Json.mapper().createArrayNode()
                                        : found.path("hits").path("hits");
                            },
                            hits -> !hits.isEmpty(),
                            DEADLINE);
            assertThat(tencent).as("tencent's window counts").isNotEmpty();
            assertThat(tencent)
                    .allSatisfy(
                            h ->
                                    assertThat(h.path("_source").path("articles").asLong())
                                            .isPositive());
        } finally {
            cluster.cancel(signalsId);
        }
    }

    /** {@code submit.sh --rest} against this cluster: status, and no second start. */
    private void checkSubmitScriptSeesTheJob() throws Exception {
        ScriptRun status = submitScript("status", "--rest");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains(jobId + "  RUNNING  " + EnrichmentJob.NAME);

        ScriptRun again = submitScript("start", "enrichment", "--rest");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.stderr())
                .contains(EnrichmentJob.NAME + " is already running (use upgrade)");
        // It refused before uploading anything.
        assertThat(cluster.get("/jars").path("files")).hasSize(1);
    }

    private record ScriptRun(int exitCode, String stdout, String stderr) {}

    private ScriptRun submitScript(String... args) throws Exception {
        Path script = target.getParent().getParent().resolve("deploy/standalone/submit.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        String name = "submit-" + SCRIPT_RUNS.incrementAndGet() + "-" + args[0];
        Path out = cluster.workDir().resolve(name + ".out");
        Path err = cluster.workDir().resolve(name + ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        builder.environment().put("FLINK_REST_URL", cluster.restUrl().toString());
        builder.environment().put("JOB_JAR", jar.toString());
        Process p = builder.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("submit.sh " + String.join(" ", args) + " hung");
        }
        return new ScriptRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    // ------------------------------------------------------------------ Kafka

    private static List<String> sets(String... settings) {
        List<String> args = new ArrayList<>();
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        return args;
    }

    private static String article(
            String id, String source, Instant published, String title, String body) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", id);
        n.put("source", source);
        n.put("url", "https://" + source + "/news/" + id);
        n.put("published_at", published.toString());
        n.put("title", title);
        n.put("body", body);
        return n.toString();
    }

    private static Map<String, RecordMetadata> send(
            KafkaProducer<String, String> producer, List<ProducerRecord<String, String>> records)
            throws Exception {
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        records.forEach(r -> futures.add(producer.send(r)));
        producer.flush();
        Map<String, RecordMetadata> sent = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            sent.put(records.get(i).key(), futures.get(i).get(30, TimeUnit.SECONDS));
        }
        return sent;
    }

    private List<ConsumerRecord<String, String>> awaitRecords(
            TopicReader reader, String what, Predicate<List<ConsumerRecord<String, String>>> done)
            throws Exception {
        return cluster.await(
                what + " on " + reader.topic,
                () -> {
                    cluster.checkJobRunning(jobId);
                    return reader.poll();
                },
                done,
                DEADLINE);
    }

    private static List<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toList());
    }

    private static Map<String, JsonNode> byKey(List<ConsumerRecord<String, String>> records)
            throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            out.put(r.key(), Json.mapper().readTree(r.value()));
        }
        return out;
    }

    private static List<String> entityIds(JsonNode article) {
        return StreamSupport.stream(article.path("entities").spliterator(), false)
                .map(e -> e.path("id").asText())
                .collect(Collectors.toList());
    }

    /** Everything on a topic so far, every partition from the beginning, read_committed. */
    private static final class TopicReader implements AutoCloseable {
        final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        TopicReader(String topic) {
            this.topic = topic;
            var props = SharedServices.kafkaProperties();
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer =
                    new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return List.copyOf(records);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    // ------------------------------------------------------------------ Elasticsearch

    /** {@code _count} over the monthly indices of {@code index} after a {@code _refresh}. */
    private long esCount(String esUrl, String index) throws IOException {
        String months = MonthlyIndex.pattern(index);
        JsonNode refreshed = es("POST", esUrl + "/" + months + "/_refresh", null);
        if (refreshed == null) {
            return 0;
        }
        JsonNode count = es("GET", esUrl + "/" + months + "/_count", null);
        return count == null ? 0 : count.path("count").asLong();
    }

    /** One Elasticsearch REST call; null on 404 (index not created yet) and 503 (not ready). */
    private JsonNode es(String method, String url, String body) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted calling Elasticsearch");
        }
        if (response.statusCode() == 404 || response.statusCode() == 503) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    method
                            + " "
                            + url
                            + " returned "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    private static boolean isTerminal(String state) {
        return Set.of("FINISHED", "FAILED", "CANCELED").contains(state);
    }
}
