package io.newspulse.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.cli.demo.DemoFeed;
import io.newspulse.cli.demo.DemoMonitor;
import io.newspulse.cli.setup.EsClients;
import io.newspulse.cli.setup.IndexTemplates;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.JobEnvironment;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.signals.SignalsJob;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalElasticsearchOptions;
import io.newspulse.local.LocalKafka;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.elasticsearch.client.RestClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newspulse demo [--once]}: the whole pipeline on this machine.
 *
 * <p>Starts a real Kafka broker (in process) and a real Elasticsearch node (from the distribution
 * Maven fetched into cli/target/services; run as an unprivileged user when invoked as root),
 * creates the topics and index templates, runs both jobs on a local Flink MiniCluster with the web
 * UI, publishes the bundled sample feed (including invalid records and a burst that triggers
 * alerts), prints alerts as they arrive and a table of the top entities and sectors, and stops
 * everything on Ctrl-C. With {@code --once} it waits until the feed is fully processed and prints a
 * JSON summary as its last line. With {@code --feed FILE} it publishes the news JSON lines of
 * {@code FILE} instead of the sample feed, and only them, so that a historical wire is counted in
 * windows at its own timestamps (every run starts from empty topics, indices and job state; the
 * floor on {@code published_at}, {@code event_time.min_published_at}, is lowered to 1970 for it).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run the pipeline end to end on local Kafka, Elasticsearch and Flink.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--once", description = "Process the sample feed, print a JSON summary, exit.")
    boolean once;

    @Option(
            names = "--ui-port",
            paramLabel = "PORT",
            description = "Port of the Flink web UI (default 8081; the next free one if taken).")
    int uiPort = 8081;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "With --once: give up after this long (default 600).")
    int timeoutSeconds = 600;

    @Option(names = "--seed", description = "Seed of the sample feed (default 42).")
    long seed = 42;

    @Option(
            names = "--feed",
            paramLabel = "FILE",
            description =
                    "News JSON lines to publish instead of the sample feed, at their own"
                            + " published_at, back to 1970 (e.g. from newspulse reuters-feed).")
    Path feedFile;

    /** The event-time floor of a feed read from a file: the earliest a Kafka timestamp can be. */
    static final String HISTORICAL_FLOOR = "1970-01-01T00:00:00Z";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = home();
        err.println("newspulse demo: working directory " + home);
        List<AutoCloseable> resources = new ArrayList<>();
        Thread hook = new Thread(() -> closeAll(resources), "newspulse-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            err.println("starting Kafka ...");
            LocalKafka kafka = quietly(LocalKafka::start);
            resources.add(kafka);
            err.println("starting Elasticsearch (first run unpacks it) ...");
            LocalElasticsearch es = elasticsearch(home);
            resources.add(es);
            err.println("Kafka " + kafka.bootstrapServers() + ", Elasticsearch " + es.url());
            err.println("Elasticsearch data in " + es.nodeDir() + " (deleted on exit)");

            NewspulseConfig cfg = demoConfig(kafka, es, home, feedFile != null);
            kafka.createTopics(2, cfg.topics().raw());
            kafka.createTopics(
                    1, cfg.topics().enriched(), cfg.topics().alerts(), cfg.topics().dlq());
            try (RestClient client = EsClients.restClient(cfg.elasticsearch())) {
                IndexTemplates.install(client, cfg.elasticsearch(), true);
            }

            StreamExecutionEnvironment env = localEnvironment();
            JobEnvironment.configure(env, cfg);
            EnrichmentJob.build(
                    env, cfg, EnrichmentJob.source(cfg), EnrichmentJob.productionSinks(cfg));
            SignalsJob.build(env, cfg, SignalsJob.source(cfg), SignalsJob.productionSinks(cfg));
            JobClient job = env.executeAsync("newspulse-demo");
            resources.add(0, () -> job.cancel().get());
            err.println("Flink web UI: http://localhost:" + uiPort + " (or the next free port)");

            DemoFeed feed =
                    feedFile == null
                            ? DemoFeed.create(seed, Instant.now())
                            : DemoFeed.fromFile(feedFile);
            DemoMonitor monitor = new DemoMonitor(cfg, out, err);
            resources.add(0, monitor);
            monitor.start(!once);
            int sent = feed.publish(cfg);
            err.println(
                    "published "
                            + sent
                            + (feedFile == null ? " sample records to " : " records to ")
                            + cfg.topics().raw()
                            + (feedFile == null
                                    ? " (a burst about " + feed.burstEntityId() + " included)"
                                    : " from " + feedFile));
            if (once) {
                ObjectNode summary =
                        monitor.awaitComplete(
                                feed.expectation(), Duration.ofSeconds(timeoutSeconds));
                out.println(Json.mapper().writeValueAsString(summary));
                out.flush();
                return monitor.complete(summary, feed.expectation()) ? 0 : 1;
            }
            err.println("running; Ctrl-C stops everything");
            new CountDownLatch(1).await();
            return 0;
        } finally {
            closeAll(resources);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** A local Elasticsearch node with security off, its files under {@code home}. */
    static LocalElasticsearch elasticsearch(Path home) throws IOException {
        return LocalElasticsearch.start(
                LocalElasticsearchOptions.builder()
                        .workDir(home.resolve("elasticsearch"))
                        .securityDisabled()
                        .build());
    }

    /** Runs {@code start} with System.out muted: the broker's storage formatter prints to it. */
    static <T> T quietly(Callable<T> start) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return start.call();
        } finally {
            System.setOut(stdout);
        }
    }

    private static NewspulseConfig demoConfig(
            LocalKafka kafka, LocalElasticsearch es, Path home, boolean historicalFeed) {
        return demoConfig(kafka.bootstrapServers(), es.url(), home, historicalFeed);
    }

    /**
     * The demo's settings. For a feed read from a file, {@code published_at} before the default
     * floor of 1990 stays the event time (down to 1970, the earliest Kafka can carry), so that a
     * historical wire replays at its own timestamps instead of the time it is published.
     */
    static NewspulseConfig demoConfig(
            String bootstrapServers, String esUrl, Path home, boolean historicalFeed) {
        List<String> sets = new ArrayList<>();
        sets.addAll(
                List.of(
                        "kafka.bootstrap_servers=" + bootstrapServers,
                        "elasticsearch.hosts=" + esUrl,
                        "checkpoints.interval=5s",
                        "checkpoints.dir=" + home.resolve("checkpoints").toUri(),
                        "elasticsearch.bulk_max_time_in_buffer=1s",
                        "event_time.idleness=5s",
                        "event_time.max_out_of_orderness=5s",
                        "alerts.spike_min_history=5"));
        if (historicalFeed) {
            sets.add("event_time.min_published_at=" + HISTORICAL_FLOOR);
        }
        // The demo ignores NEWSPULSE_* settings of a real deployment on purpose.
        return NewspulseConfig.load(Optional.empty(), Map.of(), sets);
    }

    private StreamExecutionEnvironment localEnvironment() {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, uiPort + "-" + (uiPort + 20));
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    }

    static Path home() throws IOException {
        String h = System.getenv("NEWSPULSE_HOME");
        if (h == null || h.isBlank()) {
            h = System.getProperty("newspulse.home");
        }
        Path p =
                h == null || h.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".cache", "newspulse")
                        : Path.of(h);
        Files.createDirectories(p);
        return p;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        synchronized (resources) {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    // keep closing the rest
                }
            }
            resources.clear();
        }
    }
}
