package io.newspulse.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.cli.setup.EsClients;
import io.newspulse.cli.setup.IndexTemplates;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.evaluation.corpus.MixedNewsCorpus;
import io.newspulse.jobs.JobEnvironment;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.signals.SignalsJob;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Runs the measurements of {@code newspulse bench}: each on fresh topics (and indices), with both
 * jobs in one Flink job on a local MiniCluster (one JVM, as {@code newspulse demo} runs them).
 */
final class EndToEndBench {
    /** The jobs' histograms read at the end of a latency run. */
    static final List<String> FLINK_HISTOGRAMS =
            List.of(
                    "pipeline_latency_ms_p50",
                    "pipeline_latency_ms_p99",
                    "pipeline_latency_ms_p999",
                    "window_latency_ms_p50",
                    "window_latency_ms_p99");

    /** The signals job's counter of {@code news.enriched} records read. */
    static final String SIGNALS_READ = "parse-enriched.enriched_in";

    /**
     * Sizes and settings of a run.
     *
     * @param window {@code windows.size} (10s by default: several windows close per run)
     * @param outOfOrderness {@code event_time.max_out_of_orderness}
     */
    record Settings(
            int articles,
            Duration checkpointInterval,
            Duration window,
            Duration outOfOrderness,
            int uiPort,
            Duration timeout) {}

    private final LocalKafka kafka;
    private final LocalElasticsearch es;
    private final Path home;
    private final MixedNewsCorpus corpus;
    private final Settings settings;
    private final PrintWriter log;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    EndToEndBench(
            LocalKafka kafka,
            LocalElasticsearch es,
            Path home,
            MixedNewsCorpus corpus,
            Settings settings,
            PrintWriter log) {
        this.kafka = kafka;
        this.es = es;
        this.home = home;
        this.corpus = corpus;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Pre-loads {@code settings.articles} articles, then runs the jobs until all have gone through
     * both; with {@code state}, also reads the checkpoint size and heap after them.
     */
    BenchResults.Throughput throughput(boolean withEs, boolean state) throws Exception {
        String label = withEs ? "kafka-es" : "kafka";
        Scenario sc =
                scenario(
                        "t-" + label,
                        withEs,
                        NewspulseConfig.Guarantee.EXACTLY_ONCE,
                        settings.checkpointInterval());
        int n = settings.articles();
        BenchArticles articles = new BenchArticles(corpus.documents(), sc.name());
        try (BenchKafka client = new BenchKafka(kafka.bootstrapServers())) {
            long t = System.nanoTime();
            client.preload(sc.cfg().topics().raw(), articles, n, Duration.ofMillis(1));
            log.printf("%s: %,d articles pre-loaded in %.1f s%n", label, n, secondsSince(t));
            log.flush();
            long submit = System.currentTimeMillis();
            try (Running job = start(sc)) {
                long first = 0;
                long cpuAtFirst = 0;
                long enrichedAll = 0;
                long done = 0;
                long cpuDone = 0;
                long lastReport = submit;
                String enriched = sc.cfg().topics().enriched();
                long deadline = submit + settings.timeout().toMillis();
                while (done == 0) {
                    long now = System.currentTimeMillis();
                    if (now > deadline) {
                        throw new IllegalStateException(
                                label
                                        + ": not done after "
                                        + settings.timeout().toSeconds()
                                        + " s");
                    }
                    long out = client.endOffset(enriched);
                    if (first == 0 && out > 0) {
                        first = now;
                        cpuAtFirst = processCpuNanos();
                    }
                    if (enrichedAll == 0 && out >= n) {
                        enrichedAll = now;
                    }
                    boolean signalsDone = out >= n && job.rest().counterSum(SIGNALS_READ) >= n;
                    if (signalsDone && (!withEs || indexed(sc) >= n)) {
                        done = now;
                        cpuDone = processCpuNanos();
                    }
                    if (now - lastReport >= 10_000) {
                        log.printf("%s: %,d of %,d in news.enriched%n", label, out, n);
                        log.flush();
                        lastReport = now;
                    }
                    Thread.sleep(200);
                }
                long checkpoint = -1;
                long heap = -1;
                if (state) {
                    checkpoint = checkpointAfter(job.rest(), done);
                    System.gc();
                    // The REST endpoint caches metrics: wait for a value taken after the GC.
                    Thread.sleep(3_000);
                    heap = job.rest().taskManagerHeapUsed().orElse(-1L);
                }
                return new BenchResults.Throughput(
                        label,
                        withEs,
                        n,
                        (first - submit) / 1000.0,
                        (enrichedAll - first) / 1000.0,
                        (done - first) / 1000.0,
                        (cpuDone - cpuAtFirst) / 1e9,
                        checkpoint,
                        heap,
                        loadAverage());
            }
        }
    }

    /**
     * Paces articles at {@code perSecond} for {@code duration} into running jobs and traces every
     * enriched article and every alert back to its article's append time.
     */
    BenchResults.Latency latency(
            NewspulseConfig.Guarantee guarantee, int perSecond, Duration duration, boolean withEs)
            throws Exception {
        String g = guarantee.name().toLowerCase(Locale.ROOT);
        Scenario sc =
                scenario(
                        "l-" + perSecond + "-" + g.replace('_', '-'),
                        withEs,
                        guarantee,
                        settings.checkpointInterval());
        BenchArticles articles = new BenchArticles(corpus.documents(), sc.name());
        NewspulseConfig cfg = sc.cfg();
        String bootstrap = kafka.bootstrapServers();
        try (BenchKafka client = new BenchKafka(bootstrap);
                Running job = start(sc)) {
            int warmUp = warmUp(client, cfg, articles);
            FeedLog feed = new FeedLog();
            AlertTrace trace = new AlertTrace(feed, cfg.eventTime().maxOutOfOrderness().toMillis());
            LatencySample enrichedLatency = new LatencySample();
            int sent;
            long started;
            double seconds;
            try (TopicTail alerts =
                            new TopicTail(
                                    bootstrap,
                                    cfg.topics().alerts(),
                                    1,
                                    (r, at) -> traceAlert(trace, r.value(), at));
                    TopicTail enriched =
                            new TopicTail(
                                    bootstrap,
                                    cfg.topics().enriched(),
                                    1,
                                    (r, at) ->
                                            feed.appendTime(
                                                            new String(
                                                                    r.key(),
                                                                    java.nio.charset
                                                                            .StandardCharsets
                                                                            .UTF_8))
                                                    .ifPresent(t -> enrichedLatency.add(at - t)))) {
                started = System.nanoTime();
                sent = client.paced(cfg.topics().raw(), articles, 1_000, perSecond, duration, feed);
                seconds = secondsSince(started);
                long deadline = System.currentTimeMillis() + settings.timeout().toMillis();
                while (client.endOffset(cfg.topics().enriched()) < warmUp + sent
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                // Exactly-once alerts become visible when the next checkpoint commits them.
                Thread.sleep(Math.max(5_000, 2 * settings.checkpointInterval().toMillis() + 2_000));
            }
            Map<String, Double> flink = job.rest().operatorMetrics(FLINK_HISTOGRAMS);
            return new BenchResults.Latency(
                    g,
                    perSecond,
                    sent / seconds,
                    sent,
                    withEs,
                    enrichedLatency.percentiles(),
                    trace.priceMoves().percentiles(),
                    trace.windows().percentiles(),
                    trace.records(),
                    trace.unmatchedByType(),
                    flink,
                    loadAverage());
        }
    }

    /** Sends an article every 500 ms until one is enriched (the knowledge base is loaded). */
    private int warmUp(BenchKafka client, NewspulseConfig cfg, BenchArticles articles)
            throws Exception {
        long deadline = System.currentTimeMillis() + settings.timeout().toMillis();
        int sent = 0;
        while (client.endOffset(cfg.topics().enriched()) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the jobs enriched nothing in the time allowed");
            }
            client.sendNow(cfg.topics().raw(), articles, sent++);
            Thread.sleep(500);
        }
        long enriched;
        while ((enriched = client.endOffset(cfg.topics().enriched())) < sent) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000);
        return (int) Math.max(enriched, sent);
    }

    private static void traceAlert(AlertTrace trace, byte[] value, long readAt) {
        try {
            JsonNode a = Json.mapper().readTree(value);
            List<String> evidence = new ArrayList<>();
            a.path("evidence").forEach(e -> evidence.add(e.path("article_id").asText()));
            trace.add(
                    a.path("alert_id").asText(),
                    a.path("type").asText(),
                    Instant.parse(a.path("window_end").asText()).toEpochMilli(),
                    evidence,
                    readAt);
        } catch (IOException | RuntimeException e) {
            // not an alert of the contract: left out
        }
    }

    private long checkpointAfter(FlinkRest rest, long doneMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<JsonNode> c = rest.latestCheckpoint();
            if (c.isPresent() && c.get().path("trigger_timestamp").asLong() > doneMillis) {
                return c.get().path("state_size").asLong(-1);
            }
            Thread.sleep(500);
        }
        return -1;
    }

    private long indexed(Scenario sc) throws IOException {
        try (RestClient client = EsClients.restClient(sc.cfg().elasticsearch())) {
            Request r =
                    new Request("GET", "/" + sc.cfg().elasticsearch().indexArticles() + "*/_count");
            r.addParameter("ignore_unavailable", "true");
            r.addParameter("allow_no_indices", "true");
            return Json.mapper()
                    .readTree(client.performRequest(r).getEntity().getContent())
                    .path("count")
                    .asLong();
        }
    }

    /** One measurement's configuration, topics and indices, named after it. */
    record Scenario(String name, NewspulseConfig cfg) {}

    private Scenario scenario(
            String label,
            boolean withEs,
            NewspulseConfig.Guarantee guarantee,
            Duration checkpointInterval)
            throws IOException {
        String name = "bench-" + runId + "-" + label;
        Path checkpoints = home.resolve("bench-checkpoints").resolve(name);
        Files.createDirectories(checkpoints);
        List<String> sets =
                List.of(
                        "kafka.bootstrap_servers=" + kafka.bootstrapServers(),
                        "kafka.group_id_prefix=" + name,
                        "kafka.transactional_id_prefix=" + name,
                        "topics.raw=" + name + ".news.raw",
                        "topics.enriched=" + name + ".news.enriched",
                        "topics.alerts=" + name + ".signals.alerts",
                        "topics.dlq=" + name + ".news.dlq",
                        "elasticsearch.enabled=" + withEs,
                        "elasticsearch.hosts=" + (es == null ? "http://localhost:9200" : es.url()),
                        "elasticsearch.index_articles=" + name + "-articles",
                        "elasticsearch.index_aggregates=" + name + "-aggregates",
                        "elasticsearch.index_alerts=" + name + "-alerts",
                        "elasticsearch.bulk_max_time_in_buffer=1s",
                        "alerts.kafka_guarantee=" + guarantee.name().toLowerCase(Locale.ROOT),
                        "checkpoints.interval=" + checkpointInterval.toMillis() + "ms",
                        "checkpoints.dir=" + checkpoints.toUri(),
                        "windows.size=" + settings.window().toMillis() + "ms",
                        "event_time.max_out_of_orderness="
                                + settings.outOfOrderness().toMillis()
                                + "ms",
                        "event_time.idleness=5s",
                        "alerts.spike_min_history=5",
                        "alerts.tone_min_history=5");
        NewspulseConfig cfg = NewspulseConfig.load(Optional.empty(), Map.of(), sets);
        kafka.createTopics(2, cfg.topics().raw());
        kafka.createTopics(1, cfg.topics().enriched(), cfg.topics().alerts(), cfg.topics().dlq());
        if (withEs) {
            try (RestClient client = EsClients.restClient(cfg.elasticsearch())) {
                IndexTemplates.install(client, cfg.elasticsearch(), true);
            }
        }
        return new Scenario(name, cfg);
    }

    /** Both jobs of a scenario, running on their own MiniCluster until closed. */
    record Running(JobClient client, FlinkRest rest) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            client.cancel().get();
        }
    }

    private Running start(Scenario sc) throws Exception {
        Configuration conf =
                Configuration.fromMap(Map.of("metrics.fetcher.update-interval", "500 ms"));
        int port = settings.uiPort();
        conf.set(RestOptions.BIND_PORT, port + "-" + (port + 20));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        JobEnvironment.configure(env, sc.cfg());
        EnrichmentJob.build(
                env,
                sc.cfg(),
                EnrichmentJob.source(sc.cfg()),
                EnrichmentJob.productionSinks(sc.cfg()));
        SignalsJob.build(
                env, sc.cfg(), SignalsJob.source(sc.cfg()), SignalsJob.productionSinks(sc.cfg()));
        JobClient client = env.executeAsync("newspulse-bench-" + sc.name());
        try {
            return new Running(
                    client, FlinkRest.find(client.getJobID().toHexString(), port, port + 20));
        } catch (RuntimeException | InterruptedException e) {
            client.cancel().get();
            throw e;
        }
    }

    /** CPU time of this JVM, all threads, ns. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The three numbers of /proc/loadavg, or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
