package io.newspulse.e2e.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.cli.setup.EsClients;
import io.newspulse.cli.setup.IndexTemplates;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.RecordSizes;
import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.jobs.JobEnvironment;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.indexing.MonthlyIndex;
import io.newspulse.jobs.signals.SignalsJob;
import io.newspulse.local.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Both newspulse jobs, as built by their {@code main()} (real Kafka source, real Kafka and
 * Elasticsearch sinks), running in one Flink job on the test's MiniCluster against the shared
 * broker and Elasticsearch node, with topics, indices, consumer groups and transactional ids of
 * their own. Helpers produce {@code news.raw} records and read the real systems back.
 */
final class Pipeline implements AutoCloseable {
    /**
     * The MiniCluster the pipeline tests run on: one TaskManager, two slots (the pipeline's job
     * needs one; the second leaves room while a cancelled job releases its slot).
     */
    static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(2)
                        .build());
    }

    /** How long any single wait may take before the test fails. */
    static final Duration DEADLINE = Duration.ofSeconds(90);

    private static final Duration POLL = Duration.ofMillis(200);

    final NewspulseConfig cfg;
    private final String name;
    private final Configuration flinkConf;
    private final RestClient es;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, KafkaConsumer<String, String>> readers = new HashMap<>();
    private final Map<String, List<ConsumerRecord<String, String>>> read = new HashMap<>();
    private JobClient job;

    private Pipeline(
            String name,
            NewspulseConfig cfg,
            Configuration flinkConf,
            NewspulseConfig.Elasticsearch setup) {
        this.name = name;
        this.cfg = cfg;
        this.flinkConf = flinkConf;
        this.es = EsClients.restClient(setup);
        Properties p = SharedServices.kafkaProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Articles up to the contract's 2 MiB, and the larger records the tests send to be refused.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordSizes.MAX_MESSAGE_BYTES);
        this.producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Fresh topics (one partition each, so that the order of the input is the order of processing
     * and of the signals job's watermarks) and indices with their templates installed. {@code
     * overrides} are {@code key=value} settings applied after the test defaults.
     */
    static Pipeline create(String name, List<String> overrides, Configuration flinkConf)
            throws IOException {
        return create(
                name,
                overrides,
                flinkConf,
                SharedServices.elasticsearch().url(),
                Map.of(),
                Map.of());
    }

    /**
     * Like {@link #create(String, List, Configuration)}, against the Elasticsearch node at {@code
     * esUrl}. {@code jobEnv} is the environment the jobs' configuration is loaded from (where their
     * secrets come from, as in production); templates are installed and indices read back with the
     * credentials of {@code setupEnv}.
     */
    static Pipeline create(
            String name,
            List<String> overrides,
            Configuration flinkConf,
            String esUrl,
            Map<String, String> jobEnv,
            Map<String, String> setupEnv)
            throws IOException {
        LocalKafka kafka = SharedServices.kafka();
        List<String> flags = new ArrayList<>();
        flags.add("kafka.bootstrap_servers=" + kafka.bootstrapServers());
        flags.add("elasticsearch.hosts=" + esUrl);
        flags.add("topics.raw=" + SharedServices.uniqueName(name + "-raw"));
        flags.add("topics.enriched=" + SharedServices.uniqueName(name + "-enriched"));
        flags.add("topics.alerts=" + SharedServices.uniqueName(name + "-alerts"));
        flags.add("topics.dlq=" + SharedServices.uniqueName(name + "-dlq"));
        flags.add("elasticsearch.index_articles=" + SharedServices.uniqueName(name + "-articles"));
        flags.add(
                "elasticsearch.index_aggregates="
                        + SharedServices.uniqueName(name + "-aggregates"));
        flags.add("elasticsearch.index_alerts=" + SharedServices.uniqueName(name + "-alerts"));
        flags.add("kafka.group_id_prefix=" + SharedServices.uniqueName(name));
        flags.add("kafka.transactional_id_prefix=" + SharedServices.uniqueName(name));
        flags.add("checkpoints.interval=1s");
        flags.add("event_time.idleness=1s");
        flags.add("event_time.max_out_of_orderness=1s");
        flags.add("elasticsearch.bulk_max_time_in_buffer=200ms");
        flags.add("parallelism=1");
        flags.addAll(overrides);
        // No NEWSPULSE_* variables of the machine: the test's settings only.
        NewspulseConfig cfg = NewspulseConfig.load(Optional.empty(), jobEnv, flags);
        NewspulseConfig.Topics t = cfg.topics();
        kafka.createTopics(1, t.raw(), t.enriched(), t.alerts(), t.dlq());
        Pipeline p =
                new Pipeline(
                        name,
                        cfg,
                        flinkConf,
                        NewspulseConfig.load(Optional.empty(), setupEnv, flags).elasticsearch());
        IndexTemplates.install(p.es, cfg.elasticsearch(), false);
        return p;
    }

    static Pipeline create(String name, String... overrides) throws IOException {
        return create(name, List.of(overrides), new Configuration());
    }

    // ------------------------------------------------------------------ the jobs

    /** Builds both jobs as their main() does and submits them as one Flink job. */
    void start() throws Exception {
        start(null);
    }

    /** Like {@link #start()}, restoring state from a checkpoint or savepoint when given. */
    void start(String restorePath) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, cfg);
        env.configure(flinkConf, Pipeline.class.getClassLoader());
        EnrichmentJob.build(
                env, cfg, EnrichmentJob.source(cfg), EnrichmentJob.productionSinks(cfg));
        SignalsJob.build(env, cfg, SignalsJob.source(cfg), SignalsJob.productionSinks(cfg));
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName("newspulse-it-" + name);
        if (restorePath != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(restorePath, false));
        }
        job = env.executeAsync(graph);
    }

    JobClient job() {
        return job;
    }

    /** Cancels the job and waits until it is gone, so that its slot is free. */
    void cancel() throws Exception {
        if (job == null) {
            return;
        }
        JobStatus status = job.getJobStatus().get(30, TimeUnit.SECONDS);
        if (!status.isGloballyTerminalState()) {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
        awaitTerminal("to stop", DEADLINE);
        job = null;
    }

    private void awaitTerminal(String what, Duration deadline) throws Exception {
        await(
                "job " + job.getJobID() + " " + what,
                () -> job.getJobStatus().get(30, TimeUnit.SECONDS),
                JobStatus::isGloballyTerminalState,
                false,
                deadline);
    }

    /**
     * Waits until the job has ended (it is expected to fail on its own) and returns its failure, or
     * null when it ended without one.
     */
    Throwable awaitEnd(Duration deadline) throws Exception {
        awaitTerminal("to end", deadline);
        try {
            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** Fails with the job's failure cause when the job is no longer running. */
    private void checkJob() throws Exception {
        if (job == null) {
            return;
        }
        JobStatus status = job.getJobStatus().get(30, TimeUnit.SECONDS);
        if (status.isGloballyTerminalState()) {
            Throwable cause = null;
            try {
                job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                cause = e;
            }
            throw new AssertionError("the pipeline job ended: " + status, cause);
        }
    }

    // ------------------------------------------------------------------ input

    /** Sends records to {@code news.raw} in order and waits for the broker's acknowledgements. */
    List<RecordMetadata> produce(List<Raw> records) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Raw r : records) {
            sent.add(
                    producer.send(
                            new ProducerRecord<>(
                                    cfg.topics().raw(),
                                    null,
                                    r.timestamp(),
                                    r.key() == null
                                            ? null
                                            : r.key().getBytes(StandardCharsets.UTF_8),
                                    r.value())));
        }
        producer.flush();
        List<RecordMetadata> out = new ArrayList<>();
        for (var f : sent) {
            out.add(f.get(30, TimeUnit.SECONDS));
        }
        return out;
    }

    List<RecordMetadata> produce(Raw... records) throws Exception {
        return produce(List.of(records));
    }

    /**
     * One {@code news.raw} message.
     *
     * @param key Kafka key, or null
     * @param value value bytes, or null (a tombstone)
     * @param timestamp Kafka timestamp, or null for the producer's clock
     */
    record Raw(String key, byte[] value, Long timestamp) {
        static Raw of(String key, String value) {
            return new Raw(
                    key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** A valid article keyed by its id. */
    static Raw article(String id, String source, Instant published, String title, String body) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", id);
        n.put("source", source);
        n.put("url", "https://news.example/" + source + "/" + id);
        n.put("published_at", published.toString());
        n.put("title", title);
        n.put("body", body);
        try {
            return Raw.of(id, Json.mapper().writeValueAsString(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ Kafka read back

    /**
     * Everything on {@code topic} so far, read from the beginning with {@code read_committed}
     * isolation by a consumer kept for the test.
     */
    List<ConsumerRecord<String, String>> records(String topic) {
        KafkaConsumer<String, String> c = readers.computeIfAbsent(topic, this::newReader);
        List<ConsumerRecord<String, String>> all =
                read.computeIfAbsent(topic, t -> new ArrayList<>());
        c.poll(POLL).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * Whether both jobs have checkpointed all their input: the enrichment job's committed offset is
     * the end of {@code news.raw} and the signals job's the end of {@code news.enriched}. The
     * output of a record can still follow (a window fires on the watermark after it).
     */
    boolean drained() throws Exception {
        String prefix = cfg.kafka().groupIdPrefix();
        try (Admin admin = Admin.create(SharedServices.kafkaProperties())) {
            return committed(admin, prefix + "-enrichment", cfg.topics().raw())
                            >= endOffset(admin, cfg.topics().raw())
                    && committed(admin, prefix + "-signals", cfg.topics().enriched())
                            >= endOffset(admin, cfg.topics().enriched());
        }
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        OffsetAndMetadata o =
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS)
                        .get(new TopicPartition(topic, 0));
        return o == null ? 0 : o.offset();
    }

    private static long endOffset(Admin admin, String topic) throws Exception {
        TopicPartition tp = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest()))
                .partitionResult(tp)
                .get(30, TimeUnit.SECONDS)
                .offset();
    }

    /** Waits until the records of {@code topic} satisfy {@code done}; returns them. */
    List<ConsumerRecord<String, String>> awaitRecords(
            String topic, String what, Predicate<List<ConsumerRecord<String, String>>> done)
            throws Exception {
        return await(what + " on " + topic, () -> records(topic), done);
    }

    /** The values of the records as JSON. */
    static List<JsonNode> json(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> parse(r.value())).collect(Collectors.toList());
    }

    private KafkaConsumer<String, String> newReader(String topic) {
        Properties props = SharedServices.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> c =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        // One partition per topic (see create()).
        TopicPartition tp = new TopicPartition(topic, 0);
        c.assign(List.of(tp));
        c.seekToBeginning(List.of(tp));
        return c;
    }

    // ------------------------------------------------------------------ Elasticsearch read back
    // An index name here is the configured one: the sinks write its monthly indices
    // (MonthlyIndex), so every read covers all months.

    /** Documents matching {@code query} (JSON), after a refresh; empty when the index is absent. */
    List<JsonNode> search(String index, String query) throws IOException {
        refresh(index);
        JsonNode r =
                call(
                        "POST",
                        "/" + MonthlyIndex.pattern(index) + "/_search",
                        "{\"size\":10000,\"version\":true,\"query\":" + query + "}");
        List<JsonNode> hits = new ArrayList<>();
        if (r != null) {
            r.path("hits").path("hits").forEach(hits::add);
        }
        return hits;
    }

    List<JsonNode> searchAll(String index) throws IOException {
        return search(index, "{\"match_all\":{}}");
    }

    /** {@code _count} of {@code query} after a refresh; 0 when the index is absent. */
    long count(String index, String query) throws IOException {
        refresh(index);
        JsonNode r =
                call(
                        "POST",
                        "/" + MonthlyIndex.pattern(index) + "/_count",
                        "{\"query\":" + query + "}");
        return r == null ? 0 : r.path("count").asLong();
    }

    long count(String index) throws IOException {
        return count(index, "{\"match_all\":{}}");
    }

    /**
     * A document by id (with {@code _index}, {@code _version} and {@code _source}), or null when
     * absent. A search by id across the months, failing if the id is in more than one.
     */
    JsonNode get(String index, String id) throws IOException {
        List<JsonNode> hits =
                search(
                        index,
                        "{\"ids\":{\"values\":[" + Json.mapper().writeValueAsString(id) + "]}}");
        if (hits.size() > 1) {
            throw new AssertionError("document " + id + " is in more than one index: " + hits);
        }
        return hits.isEmpty() ? null : hits.get(0);
    }

    /**
     * Top-level fields of the index mapping that documents carry in their source: field aliases and
     * {@code copy_to} targets (filled from other fields, never in the source) excluded.
     */
    List<String> mappedFields(String index) throws IOException {
        JsonNode r = call("GET", "/" + MonthlyIndex.pattern(index) + "/_mapping", null);
        // One mapping per month, all from the same template: the first one stands for all.
        JsonNode props = r.elements().next().path("mappings").path("properties");
        List<String> copyTargets = new ArrayList<>();
        for (JsonNode targets : props.findValues("copy_to")) {
            // A list in the mapping Elasticsearch returns; a string in a template.
            (targets.isArray() ? targets : List.of(targets))
                    .forEach(t -> copyTargets.add(t.asText()));
        }
        List<String> out = new ArrayList<>();
        props.fieldNames()
                .forEachRemaining(
                        f -> {
                            if (!"alias".equals(props.path(f).path("type").asText())
                                    && !copyTargets.contains(f)) {
                                out.add(f);
                            }
                        });
        return out;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private void refresh(String index) throws IOException {
        call("POST", "/" + MonthlyIndex.pattern(index) + "/_refresh", null);
    }

    private JsonNode call(String method, String path, String body) throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        try {
            Response response = es.performRequest(request);
            return Json.mapper().readTree(response.getEntity().getContent());
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            // 404: not created yet; 503: just created, its shard not started yet.
            if (status == 404 || status == 503) {
                return null;
            }
            throw e;
        }
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ waiting

    /**
     * Polls {@code probe} until {@code done} holds, failing after {@link #DEADLINE} with the last
     * value, or at once when the job ended.
     */
    <T> T await(String what, Callable<T> probe, Predicate<T> done) throws Exception {
        return await(what, probe, done, true, DEADLINE);
    }

    /** Like {@link #await(String, Callable, Predicate)}, with a deadline of its own. */
    <T> T await(String what, Callable<T> probe, Predicate<T> done, Duration deadline)
            throws Exception {
        return await(what, probe, done, true, deadline);
    }

    /** {@code jobMustRun} false: also while the job fails or ends (a test that expects it to). */
    <T> T await(
            String what,
            Callable<T> probe,
            Predicate<T> done,
            boolean jobMustRun,
            Duration deadline)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T last = probe.call();
            if (done.test(last)) {
                return last;
            }
            if (jobMustRun) {
                checkJob();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(
                        "waited " + deadline + " for " + what + "; last seen: " + last);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            cancel();
        } finally {
            producer.close(Duration.ofSeconds(5));
            readers.values().forEach(KafkaConsumer::close);
            es.close();
        }
    }
}
