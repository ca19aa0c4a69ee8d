package io.newspulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.e2e.testing.SharedServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both jobs on a real session cluster while the TaskManager process is killed with SIGKILL three
 * times at random points of a 100,000-article stream, a new TaskManager started after each kill.
 * Afterwards: every article in the articles index exactly once, every aggregate document equal to
 * the count computed from the input, and the alerts topic (read_committed, exactly-once) equal
 * record for record to a clean run of the same feed. Each recovery (kill until both jobs run again
 * and have completed a checkpoint) is measured; see docs/reliability.md.
 */
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class TaskManagerFailoverFaultCase {
    private static final int KILLS = 3;
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    private static FlinkSessionCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = FaultRun.startCluster("tm-failover");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killedTaskManagersLoseAndDuplicateNothing() throws Exception {
        String bootstrap = SharedServices.kafka().bootstrapServers();
        String esUrl = SharedServices.elasticsearch().url();
        FaultRun.Outcome reference = FaultRun.reference(cluster, FaultRun.LARGE, bootstrap, esUrl);

        FaultRun run = new FaultRun(cluster, FaultRun.LARGE, "tm-kill", bootstrap, esUrl);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Double> recoveries = new ArrayList<>();
        long started = System.nanoTime();
        try {
            run.submit();
            run.produce();
            // Kill points: random fractions of the input, in three bands so that all three
            // fall inside the stream.
            for (int kill = 0; kill < KILLS; kill++) {
                double fraction = 0.1 + 0.25 * kill + 0.2 * random.nextDouble();
                long at = (long) (fraction * run.feed.size);
                cluster.await(
                        "the enrichment job past record " + at,
                        () -> {
                            run.checkJobs();
                            return run.committedInput();
                        },
                        c -> c >= at,
                        Duration.ofMinutes(15));
                // A random moment inside a checkpoint interval, not right after a commit.
                Thread.sleep(random.nextInt(2000));
                long input = run.committedInput();
                long[] restartsBefore = {
                    run.restarts(run.enrichmentJob), run.restarts(run.signalsJob)
                };
                Instant killed = Instant.now();
                cluster.killTaskManager();
                cluster.startTaskManager();
                // Until the JobManager noticed, the jobs still look RUNNING.
                cluster.await(
                        "both jobs restarting",
                        () ->
                                run.restarts(run.enrichmentJob) > restartsBefore[0]
                                        && run.restarts(run.signalsJob) > restartsBefore[1],
                        b -> b,
                        RECOVERY);
                run.awaitRunning(RECOVERY);
                double running = FaultRun.secondsSince(killed);
                run.awaitCheckpointAfter(killed, RECOVERY);
                double recovered = FaultRun.secondsSince(killed);
                recoveries.add(recovered);
                FaultRun.figure(
                        "tm-kill",
                        String.format(
                                "kill %d at committed input %d (seed %d): jobs RUNNING after"
                                        + " %.1f s, checkpointing again after %.1f s",
                                kill + 1, input, seed, running, recovered));
            }
            run.awaitDrained(Duration.ofMinutes(15));
            FaultRun.Outcome o = run.outcome();
            long restartsEnrichment = run.restarts(run.enrichmentJob);
            long restartsSignals = run.restarts(run.signalsJob);
            FaultRun.figure(
                    "tm-kill",
                    String.format(
                            "%d kills; restarts: enrichment %d, signals %d; %s; %d s in all",
                            KILLS,
                            restartsEnrichment,
                            restartsSignals,
                            o.summary(reference),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
            run.fencedTransactions();
            FaultRun.checkAgainstReference("tm-kill", run.feed, o, reference);
            assertThat(restartsEnrichment).isGreaterThanOrEqualTo(KILLS);
            assertThat(restartsSignals).isGreaterThanOrEqualTo(KILLS);
            assertThat(recoveries).hasSize(KILLS);
        } catch (Throwable t) {
            System.err.println("TaskManagerFailoverFaultCase failed; cluster output:");
            System.err.println(cluster.diagnostics());
            throw t;
        } finally {
            run.cancel();
        }
    }

    private void checkRunning(String job) {
        try {
            cluster.checkJobRunning(job);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
