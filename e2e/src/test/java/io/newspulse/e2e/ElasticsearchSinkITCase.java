package io.newspulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.newspulse.connector.elasticsearch.BulkItemFailure;
import io.newspulse.connector.elasticsearch.BulkItemFailureHandler;
import io.newspulse.connector.elasticsearch.ElasticsearchSink;
import io.newspulse.connector.elasticsearch.ElasticsearchSinkBuilder;
import io.newspulse.connector.elasticsearch.ElasticsearchSinkException;
import io.newspulse.connector.elasticsearch.JsonDocumentConverter;
import io.newspulse.e2e.testing.SharedServices;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs bounded jobs on a MiniCluster that write through {@link ElasticsearchSink} into fresh
 * indices of the shared real Elasticsearch node, and reads the indices back.
 */
class ElasticsearchSinkITCase {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
                            .build());

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** Failures seen by {@link RecordingFailureHandler}, per index (one index per test). */
    private static final Map<String, Queue<BulkItemFailure>> FAILURES = new ConcurrentHashMap<>();

    private static ElasticsearchClient es;
    private static String esUrl;

    /** A test document; the id is part of the data, as in the real jobs. */
    public record Doc(String id, String title, long n) {}

    @BeforeAll
    static void startElasticsearch() {
        esUrl = SharedServices.elasticsearch().url();
        es = SharedServices.elasticsearchClient();
    }

    @Test
    void writesEveryDocumentOnceAndAReplayOverwrites() throws Exception {
        String index = SharedServices.uniqueName("es-sink-exactly-once");
        List<Doc> docs = docs(500);

        runToCompletion(docs, index);
        assertThat(count(index)).isEqualTo(500);

        runToCompletion(docs, index);
        assertThat(count(index)).isEqualTo(500);
        GetResponse<Doc> doc = es.get(g -> g.index(index).id("doc-42"), Doc.class);
        assertThat(doc.source()).isEqualTo(docs.get(42));
        assertThat(doc.version()).isEqualTo(2L);
    }

    @Test
    void documentRejectedByStrictMappingReachesTheFailureHandler() throws Exception {
        String index = SharedServices.uniqueName("es-sink-strict");
        es.indices()
                .create(
                        c ->
                                c.index(index)
                                        .mappings(
                                                m ->
                                                        m.dynamic(DynamicMapping.Strict)
                                                                .properties(
                                                                        "id",
                                                                        p -> p.keyword(k -> k))
                                                                .properties(
                                                                        "title",
                                                                        p -> p.text(t -> t))
                                                                .properties(
                                                                        "n",
                                                                        p -> p.long_(l -> l))));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Doc doc : docs(20)) {
            docs.add(new HashMap<>(Map.of("id", doc.id(), "title", doc.title(), "n", doc.n())));
        }
        docs.get(7).put("extra", "not in the mapping");

        StreamExecutionEnvironment env = environment();
        env.fromData(docs, TypeInformation.of(new TypeHint<Map<String, Object>>() {}))
                .sinkTo(
                        sinkBuilder(
                                        JsonDocumentConverter.<Map<String, Object>>toIndex(
                                                index, m -> (String) m.get("id")))
                                .setFailureHandler(new RecordingFailureHandler(index))
                                .build())
                .name("elasticsearch");
        env.execute("strict mapping");

        assertThat(count(index)).isEqualTo(19);
        assertThat(FAILURES.get(index)).hasSize(1);
        BulkItemFailure failure = FAILURES.get(index).peek();
        assertThat(failure.request().id()).isEqualTo("doc-7");
        assertThat(failure.request().index()).isEqualTo(index);
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.reason()).contains("strict").contains("[extra]");
        assertThat(failure.request().documentAsString()).contains("not in the mapping");
    }

    @Test
    void defaultHandlerFailsTheJobNamingTheDocument() throws Exception {
        String index = SharedServices.uniqueName("es-sink-default-handler");
        es.indices()
                .create(c -> c.index(index).mappings(m -> m.properties("n", p -> p.long_(l -> l))));
        List<Map<String, Object>> docs = List.of(new HashMap<>(Map.of("id", "bad", "n", "many")));

        StreamExecutionEnvironment env = environment();
        env.fromData(docs, TypeInformation.of(new TypeHint<Map<String, Object>>() {}))
                .sinkTo(
                        sinkBuilder(
                                        JsonDocumentConverter.<Map<String, Object>>toIndex(
                                                index, m -> (String) m.get("id")))
                                .build())
                .name("elasticsearch");

        assertThatThrownBy(() -> env.execute("default handler"))
                .satisfies(
                        e ->
                                assertThat(
                                                ExceptionUtils.findThrowable(
                                                        e, ElasticsearchSinkException.class))
                                        .hasValueSatisfying(
                                                cause ->
                                                        assertThat(cause.getMessage())
                                                                .contains("index=" + index)
                                                                .contains("id=bad")
                                                                .contains("status=400")
                                                                .contains("[n]")));
    }

    @Test
    void retriesWhileTheIndexIsBlockedAndDeliversEverything() throws Exception {
        String index = SharedServices.uniqueName("es-sink-retry");
        es.indices().create(c -> c.index(index));
        setReadOnlyAllowDelete(index, true);

        StreamExecutionEnvironment env = environment();
        env.fromData(docs(300))
                .sinkTo(sinkBuilder(JsonDocumentConverter.<Doc>toIndex(index, Doc::id)).build())
                .name("elasticsearch");
        JobClient job = env.executeAsync("blocked index");
        try {
            // The block answers 429: wait until the writer has retried, then lift it.
            awaitTrue(() -> counterSum(job.getJobID(), ElasticsearchSink.METRIC_RETRIES) > 0);
            assertThat(count(index)).isZero();
            setReadOnlyAllowDelete(index, false);

            job.getJobExecutionResult().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            job.cancel();
        }

        assertThat(count(index)).isEqualTo(300);
        assertThat(counterSum(job.getJobID(), ElasticsearchSink.METRIC_INDEXED)).isEqualTo(300);
        assertThat(counterSum(job.getJobID(), ElasticsearchSink.METRIC_FAILURES)).isZero();
    }

    private static StreamExecutionEnvironment environment() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        return env;
    }

    private static void runToCompletion(List<Doc> docs, String index) throws Exception {
        StreamExecutionEnvironment env = environment();
        env.fromData(docs)
                .sinkTo(sinkBuilder(JsonDocumentConverter.<Doc>toIndex(index, Doc::id)).build())
                .name("elasticsearch");
        env.execute("write " + index);
    }

    private static <T> ElasticsearchSinkBuilder<T> sinkBuilder(JsonDocumentConverter<T> converter) {
        return ElasticsearchSink.<T>builder()
                .setHosts(esUrl)
                .setElementConverter(converter)
                .setMaxBatchSize(50)
                .setMaxBufferedRequests(200)
                .setMaxInFlightRequests(2)
                .setMaxTimeInBuffer(Duration.ofMillis(100))
                .setRetryBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    private static List<Doc> docs(int n) {
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Doc("doc-" + i, "headline " + i, i));
        }
        return docs;
    }

    private static long count(String index) throws IOException {
        es.indices().refresh(r -> r.index(index));
        return es.count(c -> c.index(index)).count();
    }

    private static void setReadOnlyAllowDelete(String index, boolean blocked) throws IOException {
        es.indices()
                .putSettings(
                        s ->
                                s.index(index)
                                        .settings(
                                                i ->
                                                        i.blocks(
                                                                b ->
                                                                        b.readOnlyAllowDelete(
                                                                                blocked))));
    }

    /** Sum of a writer counter over all subtasks of {@code job}. */
    private static long counterSum(JobID job, String name) {
        long sum = 0;
        for (Map.Entry<MetricGroup, Map<String, Metric>> group :
                REPORTER.getMetricsByGroup().entrySet()) {
            if (job.toString().equals(group.getKey().getAllVariables().get("<job_id>"))
                    && group.getValue().get(name) instanceof Counter counter) {
                sum += counter.getCount();
            }
        }
        return sum;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + DEADLINE);
            }
            Thread.sleep(50);
        }
    }

    /** Records failures into {@link #FAILURES} under the test's index. */
    static final class RecordingFailureHandler implements BulkItemFailureHandler {

        private static final long serialVersionUID = 1L;

        private final String key;

        RecordingFailureHandler(String key) {
            this.key = key;
        }

        @Override
        public void onFailure(BulkItemFailure failure) {
            FAILURES.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(failure);
        }
    }
}
