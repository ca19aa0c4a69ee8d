package io.newspulse.cli;

import io.newspulse.cli.bench.BenchRun;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newspulse bench}: end-to-end throughput, latency and state of both jobs on this machine.
 *
 * <p>Starts a real Kafka broker (in process) and a real Elasticsearch node as {@code newspulse
 * demo} does, and runs both jobs on a local Flink MiniCluster (one JVM) over mixed Chinese, Arabic
 * and English news from the research corpora, each measurement on fresh topics and indices:
 *
 * <ol>
 *   <li>throughput with the Elasticsearch sinks off, then on: {@code --articles} articles
 *       pre-loaded into {@code news.raw}, timed from the first record in {@code news.enriched}
 *       until every article is there, the signals job has committed the end of {@code
 *       news.enriched} and (sinks on) every article is indexed; after the first, the checkpointed
 *       state size and the TaskManager heap;
 *   <li>latency at each of {@code --loads} articles/s for {@code --duration}, alerts at-least-once
 *       and exactly-once: from each article's append time to its enriched record, to the {@code
 *       PRICE_MOVE} alert it triggered, and from the window's closing article to a window alert.
 * </ol>
 *
 * Prints tables, then one JSON line. See docs/performance.md, "End to end".
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Measure end-to-end throughput, latency and state on local Kafka, Elasticsearch"
                        + " and a Flink MiniCluster.")
final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--articles",
            paramLabel = "N",
            description =
                    "Articles per throughput run; state is read after them (default 1000000).")
    int articles = 1_000_000;

    @Option(
            names = "--loads",
            split = ",",
            paramLabel = "N,N",
            description = "Offered loads of the latency runs, articles/s (default 200,1000).")
    List<Integer> loads = List.of(200, 1_000);

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "Paced sending per latency run (default 60).")
    int durationSeconds = 60;

    @Option(
            names = "--guarantees",
            split = ",",
            paramLabel = "G,G",
            description =
                    "alerts.kafka_guarantee values of the latency runs (default"
                            + " at_least_once,exactly_once).")
    List<String> guarantees = List.of("at_least_once", "exactly_once");

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "SECONDS",
            description = "checkpoints.interval of every run (default 10).")
    int checkpointSeconds = 10;

    @Option(
            names = "--skip-es",
            description = "No Elasticsearch node: throughput and latency with its sinks off only.")
    boolean skipEs;

    @Option(names = "--skip-throughput", description = "Run the latency runs only.")
    boolean skipThroughput;

    @Option(names = "--skip-latency", description = "Run the throughput runs only.")
    boolean skipLatency;

    @Option(
            names = "--corpora",
            paramLabel = "DIR",
            description =
                    "Research corpora (default ../shared/corpora); 'synthetic' for generated text.")
    String corpora = "../shared/corpora";

    @Option(
            names = "--corpus-bytes",
            paramLabel = "N",
            description = "UTF-8 bytes of text per language, repeated as needed (default 1000000).")
    int corpusBytes = 1_000_000;

    @Option(
            names = "--ui-port",
            paramLabel = "PORT",
            description = "First port of the Flink web UI (default 8081; up to 20 above if taken).")
    int uiPort = 8081;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Give up on one run after this long (default 3600).")
    int timeoutSeconds = 3_600;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (articles < 1 || durationSeconds < 1 || checkpointSeconds < 1 || loads.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--articles, --duration, --checkpoint-interval must be positive and --loads"
                            + " not empty");
        }
        for (int load : loads) {
            if (load < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--loads must be positive: " + load);
            }
        }
        List<NewspulseConfig.Guarantee> chosen = BenchRun.guarantees(guarantees);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = DemoCommand.home();
        BenchRun.Text text = BenchRun.text(corpora, corpusBytes, err);
        err.println("starting Kafka ...");
        List<AutoCloseable> services = new ArrayList<>();
        // Ctrl-C must not leave the Elasticsearch process behind.
        Thread hook = new Thread(() -> closeAll(services), "newspulse-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LocalKafka kafka = DemoCommand.quietly(LocalKafka::start);
                LocalElasticsearch es = skipEs ? null : elasticsearch(home, err)) {
            synchronized (services) {
                services.add(kafka);
                if (es != null) {
                    services.add(es);
                }
            }
            BenchRun.Options o =
                    new BenchRun.Options(
                            articles,
                            loads,
                            Duration.ofSeconds(durationSeconds),
                            chosen,
                            Duration.ofSeconds(checkpointSeconds),
                            skipThroughput,
                            skipLatency,
                            uiPort,
                            Duration.ofSeconds(timeoutSeconds));
            BenchRun.run(o, kafka, es, home, text, out, err);
        } finally {
            closeAll(services);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return 0;
    }

    private static void closeAll(List<AutoCloseable> services) {
        synchronized (services) {
            for (AutoCloseable s : services) {
                try {
                    s.close();
                } catch (Exception e) {
                    // keep closing the rest
                }
            }
            services.clear();
        }
    }

    private static LocalElasticsearch elasticsearch(Path home, PrintWriter err) throws IOException {
        err.println("starting Elasticsearch (first run unpacks it) ...");
        err.flush();
        return DemoCommand.elasticsearch(home);
    }
}
