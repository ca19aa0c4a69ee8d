package io.newspulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.indexing.MonthlyIndex;
import io.newspulse.jobs.signals.SignalsJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * One run of both newspulse jobs, from the shaded jar, on a {@link FlinkSessionCluster}: fresh
 * topics (one partition each, so that processing order is input order and a run is repeatable),
 * indices, consumer groups and transactional ids; the {@link FaultFeed} produced to {@code
 * news.raw}; helpers to watch progress and, once drained, to read every output back ({@link
 * Outcome}). The fault tests compare a run with faults against the feed's own expectations and
 * against a clean run of the same feed ({@link #reference}).
 */
final class FaultRun {
    static final long SEED = 20261206L;

    /** Event time of the first article: whole hours in the past, so windows are aligned. */
    private static final Instant START =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    /** 100,000 articles 40 ms apart: 67 one-minute windows of about 1,500 articles. */
    static final FaultFeed LARGE = FaultFeed.generate(SEED, 100_000, START, Duration.ofMillis(40));

    /** The first 30,000 of them (and a closing article of its own): 20 windows. */
    static final FaultFeed SMALL = FaultFeed.generate(SEED, 30_000, START, Duration.ofMillis(40));

    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Map<FaultFeed, Outcome> REFERENCES = new HashMap<>();

    private final FlinkSessionCluster cluster;
    final FaultFeed feed;
    private final String name;
    private final String bootstrap;
    private final String esUrl;
    final String raw;
    final String enriched;
    final String alerts;
    final String dlq;
    final String articlesIndex;
    final String aggregatesIndex;
    private final String groupPrefix;
    String enrichmentJob;
    String signalsJob;

    FaultRun(
            FlinkSessionCluster cluster,
            FaultFeed feed,
            String name,
            String bootstrap,
            String esUrl)
            throws Exception {
        this.cluster = cluster;
        this.feed = feed;
        this.name = name;
        this.bootstrap = bootstrap;
        this.esUrl = esUrl;
        this.raw = SharedServices.uniqueName(name + "-raw");
        this.enriched = SharedServices.uniqueName(name + "-enriched");
        this.alerts = SharedServices.uniqueName(name + "-alerts");
        this.dlq = SharedServices.uniqueName(name + "-dlq");
        this.articlesIndex = SharedServices.uniqueName(name + "-articles");
        this.aggregatesIndex = SharedServices.uniqueName(name + "-aggregates");
        this.groupPrefix = SharedServices.uniqueName(name);
        try (Admin admin = admin()) {
            admin.createTopics(
                            List.of(raw, enriched, alerts, dlq).stream()
                                    .map(t -> new NewTopic(t, 1, (short) 1))
                                    .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ cluster

    /**
     * A session cluster with its files under {@code target/fault-it/<run>-<name>/}, its TaskManager
     * registered, and the shared Kafka broker and Elasticsearch node started.
     */
    static FlinkSessionCluster startCluster(String name) throws Exception {
        Path target = target();
        String run =
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-"
                        + name;
        Path workDir = Files.createDirectories(target.resolve("fault-it").resolve(run));
        FlinkSessionCluster cluster =
                FlinkSessionCluster.start(workDir, target.resolve("lib"), log4j());
        System.out.println("[" + name + "] Flink session cluster files in " + workDir);
        // The cluster's JVMs start while this JVM starts the shared servers.
        SharedServices.kafka();
        SharedServices.elasticsearch();
        cluster.awaitTaskManagers(1, 2, Duration.ofSeconds(120));
        return cluster;
    }

    static Path target() throws Exception {
        // target/test-classes -> target
        return Path.of(FaultRun.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
    }

    static Path log4j() throws Exception {
        return Path.of(FaultRun.class.getResource("/cluster/log4j-cluster.properties").toURI());
    }

    /** Uploads the shaded jar and runs both jobs (parallelism 1 each, one slot each). */
    void submit() throws Exception {
        Path jar = Path.of(System.getProperty("newspulse.job.jar", "../jobs/target/newspulse.jar"));
        assertThat(jar).as("the shaded job jar (built by the jobs module)").isRegularFile();
        String jarId = cluster.uploadJar(jar);
        List<String> args = new ArrayList<>();
        for (String s :
                List.of(
                        "kafka.bootstrap_servers=" + bootstrap,
                        "elasticsearch.hosts=" + esUrl,
                        "topics.raw=" + raw,
                        "topics.enriched=" + enriched,
                        "topics.alerts=" + alerts,
                        "topics.dlq=" + dlq,
                        "elasticsearch.index_articles=" + articlesIndex,
                        "elasticsearch.index_aggregates=" + aggregatesIndex,
                        "elasticsearch.index_alerts="
                                + SharedServices.uniqueName(name + "-ialerts"),
                        "kafka.group_id_prefix=" + groupPrefix,
                        "kafka.transactional_id_prefix=" + groupPrefix,
                        "checkpoints.interval=" + CHECKPOINT_INTERVAL.toSeconds() + "s",
                        "event_time.max_out_of_orderness=1s",
                        "elasticsearch.bulk_max_time_in_buffer=500ms",
                        "alerts.kafka_guarantee=exactly_once")) {
            args.add("--set");
            args.add(s);
        }
        enrichmentJob = cluster.runJar(jarId, EnrichmentJob.class.getName(), args, 1);
        signalsJob = cluster.runJar(jarId, SignalsJob.class.getName(), args, 1);
        awaitRunning(Duration.ofMinutes(5));
    }

    /** The submitted jobs: none before {@link #submit()}, one if the second submission failed. */
    List<String> jobs() {
        return Stream.of(enrichmentJob, signalsJob).filter(Objects::nonNull).toList();
    }

    void awaitRunning(Duration deadline) throws Exception {
        for (String job : jobs()) {
            cluster.awaitJobRunning(job, deadline);
        }
    }

    /** Waits until every job has completed a checkpoint triggered after {@code since}. */
    void awaitCheckpointAfter(Instant since, Duration deadline) throws Exception {
        for (String job : jobs()) {
            cluster.await(
                    "a checkpoint of " + job + " after " + since,
                    () -> {
                        cluster.checkJobRunning(job);
                        return cluster.get("/jobs/" + job + "/checkpoints")
                                .path("latest")
                                .path("completed")
                                .path("trigger_timestamp")
                                .asLong();
                    },
                    t -> t > since.toEpochMilli(),
                    deadline);
        }
    }

    /** Restarts of a job so far, as the JobManager counts them. */
    long restarts(String job) throws IOException {
        JsonNode metrics = cluster.get("/jobs/" + job + "/metrics?get=numRestarts");
        for (JsonNode m : metrics) {
            return m.path("value").asLong();
        }
        return 0;
    }

    void cancel() {
        for (String job : jobs()) {
            try {
                if (job != null) {
                    cluster.cancel(job);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("could not cancel " + job + ": " + e);
            }
        }
    }

    // ------------------------------------------------------------------ input and progress

    /** Sends the whole feed to {@code news.raw}, in order, and waits for the acknowledgements. */
    void produce() throws Exception {
        Properties p = clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (FaultFeed.Article a : feed.records()) {
                sent.add(producer.send(new ProducerRecord<>(raw, a.id(), a.json())));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
    }

    /**
     * Records of {@code news.raw} the enrichment job has checkpointed (its committed offset): the
     * progress that survives a failure.
     */
    long committedInput() throws Exception {
        return committed(groupPrefix + "-enrichment", raw);
    }

    /**
     * Waits until everything is through: the enrichment job committed all of {@code news.raw}, the
     * signals job all of {@code news.enriched}, and the articles index holds every article.
     */
    void awaitDrained(Duration deadline) throws Exception {
        long inputEnd = endOffset(raw);
        cluster.await(
                "the enrichment job through all " + inputEnd + " input records",
                () -> {
                    checkJobs();
                    return committedInput();
                },
                c -> c >= inputEnd,
                deadline);
        cluster.await(
                "the signals job through news.enriched",
                () -> {
                    checkJobs();
                    return committed(groupPrefix + "-signals", enriched) >= endOffset(enriched);
                },
                done -> done,
                deadline);
        cluster.await(
                "every article in " + articlesIndex,
                () -> {
                    checkJobs();
                    return esCount(articlesIndex);
                },
                n -> n >= feed.records().size(),
                deadline);
        cluster.await(
                "every aggregate in " + aggregatesIndex,
                () -> {
                    checkJobs();
                    return esCount(aggregatesIndex);
                },
                n -> n >= feed.expectedAggregates().size(),
                deadline);
    }

    /** Fails when a job has ended or a cluster process died. */
    void checkJobs() throws IOException {
        for (String job : jobs()) {
            cluster.checkJobRunning(job);
        }
    }

    // ------------------------------------------------------------------ results

    /**
     * What a run produced, read back from the real systems once it drained.
     *
     * @param alerts every committed alert record, as {@code key|value} with {@code created_at}
     *     (wall clock) removed, sorted
     * @param aggregates aggregate document id to its {@code articles} count
     * @param articleIds ids of the articles index documents (one entry per document)
     * @param enrichedRecords records on {@code news.enriched} (at-least-once: copies allowed)
     * @param enrichedIds distinct keys on {@code news.enriched}
     * @param deadLetters records on the dead-letter topic
     */
    record Outcome(
            List<String> alerts,
            Map<String, Long> aggregates,
            List<String> articleIds,
            long enrichedRecords,
            Set<String> enrichedIds,
            long deadLetters) {
        /** The figures of a run for the report, next to the clean run's alert count. */
        String summary(Outcome reference) {
            return String.format(
                    "%d article docs (%d distinct), %d aggregates, %d alert records (clean run"
                            + " %d), %d enriched records for %d ids",
                    articleIds.size(),
                    new HashSet<>(articleIds).size(),
                    aggregates.size(),
                    alerts.size(),
                    reference.alerts().size(),
                    enrichedRecords,
                    enrichedIds.size());
        }

        Set<String> alertIds() {
            return alerts.stream()
                    .map(a -> a.substring(0, a.indexOf('|')))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    Outcome outcome() throws Exception {
        // Alerts are committed with the checkpoint after the last window fired: read until two
        // reads a few checkpoints apart agree.
        List<String> alertRecords = readCanonical(alerts);
        while (true) {
            Thread.sleep(CHECKPOINT_INTERVAL.multipliedBy(2).toMillis());
            List<String> again = readCanonical(alerts);
            if (again.equals(alertRecords)) {
                break;
            }
            alertRecords = again;
        }
        Map<String, Long> aggregates = new TreeMap<>();
        for (JsonNode hit : scroll(aggregatesIndex, "[\"articles\"]")) {
            aggregates.put(hit.path("_id").asText(), hit.path("_source").path("articles").asLong());
        }
        List<String> articleIds = new ArrayList<>();
        for (JsonNode hit : scroll(articlesIndex, "false")) {
            articleIds.add(hit.path("_id").asText());
        }
        List<ConsumerRecord<String, String>> enrichedRecords = readAll(enriched);
        Set<String> enrichedIds = new HashSet<>();
        enrichedRecords.forEach(r -> enrichedIds.add(r.key()));
        return new Outcome(
                alertRecords,
                aggregates,
                articleIds,
                enrichedRecords.size(),
                enrichedIds,
                readAll(dlq).size());
    }

    /** The clean run of {@code feed}, computed once per JVM on the caller's cluster. */
    static synchronized Outcome reference(
            FlinkSessionCluster cluster, FaultFeed feed, String bootstrap, String esUrl)
            throws Exception {
        Outcome known = REFERENCES.get(feed);
        if (known != null) {
            return known;
        }
        long started = System.nanoTime();
        FaultRun clean = new FaultRun(cluster, feed, "reference", bootstrap, esUrl);
        try {
            clean.submit();
            clean.produce();
            clean.awaitDrained(Duration.ofMinutes(15));
            Outcome o = clean.outcome();
            checkAgainstFeed("reference", feed, o);
            assertThat(duplicates(o.alerts())).as("alerts twice in the clean run").isEmpty();
            REFERENCES.put(feed, o);
            figure(
                    "reference",
                    String.format(
                            "clean run of %d articles: %d article docs, %d aggregates, %d alert"
                                    + " records (%d ids) in %d s",
                            feed.size,
                            o.articleIds().size(),
                            o.aggregates().size(),
                            o.alerts().size(),
                            o.alertIds().size(),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
            return o;
        } finally {
            clean.cancel();
            // The run under test needs both slots back.
            cluster.awaitTaskManagers(1, 2, Duration.ofSeconds(120));
        }
    }

    /** Checks an outcome against what the feed alone says. */
    static void checkAgainstFeed(String run, FaultFeed feed, Outcome o) {
        assertThat(duplicates(o.articleIds())).as("%s: article documents twice", run).isEmpty();
        assertThat(new java.util.TreeSet<>(o.articleIds()))
                .as("%s: article documents", run)
                .isEqualTo(feed.ids());
        assertThat(o.enrichedIds()).as("%s: ids on news.enriched", run).isEqualTo(feed.ids());
        assertThat(o.deadLetters()).as("%s: dead letters", run).isZero();
        Map<String, Long> expected = feed.expectedAggregates();
        assertThat(o.aggregates().keySet())
                .as("%s: aggregate documents", run)
                .isEqualTo(expected.keySet());
        assertThat(o.aggregates()).as("%s: articles per aggregate", run).isEqualTo(expected);
    }

    /**
     * Checks a run with faults: the feed's expectations, and the alerts topic equal, record for
     * record, to the clean run's (no alert lost, none twice).
     */
    static void checkAgainstReference(String run, FaultFeed feed, Outcome o, Outcome reference) {
        checkAgainstFeed(run, feed, o);
        assertThat(duplicates(o.alerts())).as("%s: alert records twice", run).isEmpty();
        Set<String> lost = new java.util.TreeSet<>(reference.alerts());
        lost.removeAll(o.alerts());
        Set<String> extra = new java.util.TreeSet<>(o.alerts());
        extra.removeAll(reference.alerts());
        assertThat(Map.of("missing", lost, "extra", extra))
                .as("%s: alerts of the clean run missing, and alerts it does not have", run)
                .isEqualTo(Map.of("missing", Set.of(), "extra", Set.of()));
        assertThat(o.alerts()).as("%s: alert records", run).isEqualTo(reference.alerts());
    }

    /** Seconds since {@code since}, to a tenth. */
    static double secondsSince(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 100 / 10.0;
    }

    static <T> Map<T, Long> duplicates(Collection<T> values) {
        Map<T, Long> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        counts.values().removeIf(n -> n == 1);
        return counts;
    }

    /** Prints a figure and appends it to {@code target/fault-figures.txt} for the docs. */
    static void figure(String test, String line) {
        String text = Instant.now() + " [" + test + "] " + line;
        System.out.println(text);
        try {
            Files.writeString(
                    target().resolve("fault-figures.txt"),
                    text + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (Exception e) {
            System.err.println("could not record the figure: " + e);
        }
    }

    // ------------------------------------------------------------------ fenced producers

    private static final java.util.regex.Pattern FENCED_LINE =
            java.util.regex.Pattern.compile("producer is already fenced");
    private static final java.util.regex.Pattern TRANSACTIONAL_ID =
            java.util.regex.Pattern.compile("transactionalId='?([A-Za-z0-9._-]+)");

    /**
     * The Kafka sink's "Unable to commit transaction ... producer is already fenced" lines in the
     * cluster's output, and for each transactional id they name the state the broker's transaction
     * coordinator reports for it now ({@code CompleteCommit}: its records are committed; {@code
     * CompleteAbort}: they were thrown away). With the sink's default naming every transactional id
     * carries one checkpoint's transaction only.
     */
    Map<String, String> fencedTransactions() throws Exception {
        Set<String> ids = new java.util.TreeSet<>();
        long lines = 0;
        try (java.util.stream.Stream<Path> files = Files.list(cluster.workDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".out")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (FENCED_LINE.matcher(line).find()) {
                        lines++;
                        java.util.regex.Matcher m = TRANSACTIONAL_ID.matcher(line);
                        if (m.find()) {
                            ids.add(m.group(1));
                        } else {
                            ids.add("(no id in: " + line + ")");
                        }
                    }
                }
            }
        }
        Map<String, String> states = new TreeMap<>();
        try (Admin admin = admin()) {
            for (String id : ids) {
                String state;
                try {
                    var d =
                            admin.describeTransactions(List.of(id))
                                    .description(id)
                                    .get(30, TimeUnit.SECONDS);
                    state =
                            d.state()
                                    + " (producer "
                                    + d.producerId()
                                    + ", epoch "
                                    + d.producerEpoch()
                                    + ", partitions "
                                    + d.topicPartitions()
                                    + ")";
                } catch (Exception e) {
                    state = "not described: " + e.getMessage();
                }
                states.put(id, state);
            }
        }
        figure(name, lines + " fenced-producer log lines; transactions: " + states);
        return states;
    }

    // ------------------------------------------------------------------ Kafka

    private Properties clientProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    private Admin admin() {
        return Admin.create(clientProperties());
    }

    long endOffset(String topic) throws Exception {
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = admin()) {
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest()))
                    .partitionResult(tp)
                    .get(30, TimeUnit.SECONDS)
                    .offset();
        }
    }

    private long committed(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, 0));
            return o == null ? 0 : o.offset();
        }
    }

    /** Every record of a one-partition topic up to its last stable offset, read_committed. */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            // For read_committed, the end offset is the last stable offset.
            long end = c.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                c.poll(POLL).forEach(out::add);
            }
        }
        return out;
    }

    private List<String> readCanonical(String topic) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : readAll(topic)) {
            ObjectNode value = (ObjectNode) parse(r.value());
            value.remove("created_at");
            out.add(r.key() + "|" + value);
        }
        out.sort(null);
        return out;
    }

    // ------------------------------------------------------------------ Elasticsearch

    /**
     * {@code _count} over the monthly indices of {@code index} after a {@code _refresh}; 0 while
     * none exists or the node is unavailable.
     */
    long esCount(String index) throws IOException {
        String months = MonthlyIndex.pattern(index);
        JsonNode refreshed = es("POST", "/" + months + "/_refresh", null);
        if (refreshed == null) {
            return 0;
        }
        JsonNode count = es("GET", "/" + months + "/_count", null);
        return count == null ? 0 : count.path("count").asLong();
    }

    /**
     * Every document of the monthly indices of {@code index} (after a refresh), with the given
     * {@code _source} filter.
     */
    private List<JsonNode> scroll(String index, String source) throws IOException {
        String months = MonthlyIndex.pattern(index);
        es("POST", "/" + months + "/_refresh", null);
        List<JsonNode> hits = new ArrayList<>();
        JsonNode page =
                es(
                        "POST",
                        "/" + months + "/_search?scroll=2m",
                        "{\"size\":10000,\"sort\":[\"_doc\"],\"_source\":" + source + "}");
        while (page != null && page.path("hits").path("hits").size() > 0) {
            page.path("hits").path("hits").forEach(hits::add);
            page =
                    es(
                            "POST",
                            "/_search/scroll",
                            "{\"scroll\":\"2m\",\"scroll_id\":\""
                                    + page.path("_scroll_id").asText()
                                    + "\"}");
        }
        return hits;
    }

    /** One REST call; null on 404 and 503 and while the node does not answer. */
    private JsonNode es(String method, String path, String body) throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        try (RestClient client = RestClient.builder(HttpHost.create(esUrl)).build()) {
            Response response = client.performRequest(request);
            return Json.mapper().readTree(response.getEntity().getContent());
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 404 || status == 503) {
                return null;
            }
            throw e;
        } catch (java.net.ConnectException e) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
