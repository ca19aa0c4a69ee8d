package io.newspulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalElasticsearchOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both jobs on a real session cluster writing to an Elasticsearch node of their own, which is
 * stopped for 70 s while the 100,000-article stream is a fifth through, then started again on the
 * same port with the same data. The sinks must hold their documents and back-pressure (the input
 * stalls) while the node is away, and afterwards every count is exact and the alerts topic equals
 * the clean run's. Whether the jobs failed and restarted during the outage is reported, not
 * forbidden: either way nothing may be lost or doubled.
 */
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class ElasticsearchOutageFaultCase {
    private static final Duration OUTAGE = Duration.ofSeconds(70);

    private static FlinkSessionCluster cluster;
    private static LocalElasticsearch node;
    private static LocalElasticsearchOptions nodeOptions;

    @BeforeAll
    static void start() throws Exception {
        cluster = FaultRun.startCluster("es-outage");
        nodeOptions =
                LocalElasticsearchOptions.builder()
                        .workDir(cluster.workDir().resolve("elasticsearch"))
                        .httpPort(freePort())
                        .keepData(true)
                        .build();
        node = LocalElasticsearch.start(nodeOptions);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void sinksWaitOutAnElasticsearchOutage() throws Exception {
        String bootstrap = SharedServices.kafka().bootstrapServers();
        FaultRun.Outcome reference =
                FaultRun.reference(
                        cluster, FaultRun.SMALL, bootstrap, SharedServices.elasticsearch().url());

        FaultRun run = new FaultRun(cluster, FaultRun.SMALL, "es-outage", bootstrap, node.url());
        long started = System.nanoTime();
        try {
            run.submit();
            run.produce();
            long at = run.feed.size / 5;
            cluster.await(
                    "the enrichment job past record " + at,
                    run::committedInput,
                    c -> c >= at,
                    Duration.ofMinutes(15));

            long inputAtStop = run.committedInput();
            long articlesAtStop = run.esCount(run.articlesIndex);
            Instant stopped = Instant.now();
            node.close();
            // Hold the node down; the jobs must not end (a restart is allowed and reported).
            cluster.await(
                    "the outage to last " + OUTAGE,
                    () -> {
                        run.checkJobs();
                        return Duration.between(stopped, Instant.now());
                    },
                    d -> d.compareTo(OUTAGE) >= 0,
                    OUTAGE.plusMinutes(2));
            long inputAtRestart = run.committedInput();
            long restartsDuringOutage =
                    run.restarts(run.enrichmentJob) + run.restarts(run.signalsJob);
            Instant restarted = Instant.now();
            node = LocalElasticsearch.start(nodeOptions);
            double nodeUp = FaultRun.secondsSince(restarted);
            run.awaitRunning(Duration.ofMinutes(3));
            run.awaitCheckpointAfter(restarted, Duration.ofMinutes(3));
            double recovered = FaultRun.secondsSince(restarted);
            run.awaitDrained(Duration.ofMinutes(15));
            FaultRun.Outcome o = run.outcome();
            long restarts = run.restarts(run.enrichmentJob) + run.restarts(run.signalsJob);
            FaultRun.figure(
                    "es-outage",
                    String.format(
                            "node down %.0f s at committed input %d (%d article docs); committed"
                                    + " input when it came back %d; job restarts during the"
                                    + " outage %d, in all %d; node up %.1f s after start,"
                                    + " both jobs checkpointing %.1f s after start; %s; %d s in"
                                    + " all",
                            Duration.between(stopped, restarted).toMillis() / 1000.0,
                            inputAtStop,
                            articlesAtStop,
                            inputAtRestart,
                            restartsDuringOutage,
                            restarts,
                            nodeUp,
                            recovered,
                            o.summary(reference),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
            FaultRun.checkAgainstReference("es-outage", run.feed, o, reference);
            // Back-pressure: the input did not run far ahead of what Elasticsearch could take.
            assertThat(inputAtRestart)
                    .as("input checkpointed while Elasticsearch was down")
                    .isLessThan(run.feed.size);
        } catch (Throwable t) {
            System.err.println("ElasticsearchOutageFaultCase failed; cluster output:");
            System.err.println(cluster.diagnostics());
            throw t;
        } finally {
            run.cancel();
        }
    }

    private void checkNotEnded(String job) {
        try {
            cluster.checkJobRunning(job);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
