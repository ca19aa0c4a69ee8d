package io.newspulse.e2e.cluster;

import io.newspulse.e2e.testing.SharedServices;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both jobs on a real session cluster reading from and writing to a Kafka broker in a process of
 * its own, which is stopped (SIGTERM), kept down for 15 s and started again on the same port and
 * log dir while the 100,000-article stream is a third through. The source, the at-least-once sinks
 * and the transactional alerts sink must get over it (by retrying, or by a job restart from the
 * last checkpoint, which is reported); afterwards every count is exact and the alerts topic equals
 * the clean run's.
 */
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class KafkaBrokerRestartFaultCase {
    private static final Duration DOWN = Duration.ofSeconds(15);

    private static FlinkSessionCluster cluster;
    private static KafkaBrokerProcess broker;

    @BeforeAll
    static void start() throws Exception {
        cluster = FaultRun.startCluster("broker-restart");
        broker = KafkaBrokerProcess.start(cluster.workDir().resolve("kafka"), FaultRun.log4j());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void jobsGetOverABrokerRestart() throws Exception {
        String esUrl = SharedServices.elasticsearch().url();
        FaultRun.Outcome reference =
                FaultRun.reference(
                        cluster, FaultRun.SMALL, SharedServices.kafka().bootstrapServers(), esUrl);

        FaultRun run =
                new FaultRun(
                        cluster,
                        FaultRun.SMALL,
                        "broker-restart",
                        broker.bootstrapServers(),
                        esUrl);
        long started = System.nanoTime();
        try {
            run.submit();
            run.produce();
            long at = run.feed.size / 3;
            cluster.await(
                    "the enrichment job past record " + at,
                    run::committedInput,
                    c -> c >= at,
                    Duration.ofMinutes(15));
            long inputAtStop = run.committedInput();
            long restartsBefore = run.restarts(run.enrichmentJob) + run.restarts(run.signalsJob);
            Instant stopped = Instant.now();
            broker.stop();
            double stopSeconds = FaultRun.secondsSince(stopped);
            Thread.sleep(DOWN.toMillis());
            Instant restarted = Instant.now();
            broker.start();
            double brokerUp = FaultRun.secondsSince(restarted);
            run.awaitRunning(Duration.ofMinutes(3));
            run.awaitCheckpointAfter(restarted, Duration.ofMinutes(3));
            double recovered = FaultRun.secondsSince(restarted);
            long restartsAfter = run.restarts(run.enrichmentJob) + run.restarts(run.signalsJob);
            run.awaitDrained(Duration.ofMinutes(15));
            FaultRun.Outcome o = run.outcome();
            FaultRun.figure(
                    "broker-restart",
                    String.format(
                            "broker stopped at committed input %d (shutdown %.1f s), down %.1f s,"
                                    + " up %.1f s after start; job restarts %d; both jobs"
                                    + " checkpointing %.1f s after the broker start; %s; %d s in"
                                    + " all",
                            inputAtStop,
                            stopSeconds,
                            Duration.between(stopped, restarted).toMillis() / 1000.0,
                            brokerUp,
                            restartsAfter - restartsBefore,
                            recovered,
                            o.summary(reference),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
            FaultRun.checkAgainstReference("broker-restart", run.feed, o, reference);
        } catch (Throwable t) {
            System.err.println("KafkaBrokerRestartFaultCase failed; cluster output:");
            System.err.println(cluster.diagnostics());
            throw t;
        } finally {
            run.cancel();
        }
    }
}
