package io.newspulse.cli.bench;

import java.util.Map;

/** What one {@code newspulse bench} run measured. */
final class BenchResults {
    private BenchResults() {}

    /**
     * Articles/s from {@code news.raw} through both jobs back to Kafka.
     *
     * @param label what was measured
     * @param elasticsearch whether the Elasticsearch sinks were on
     * @param articles articles pre-loaded into {@code news.raw}
     * @param startupSeconds job submission to the first record in {@code news.enriched} (job start,
     *     knowledge base load)
     * @param enrichedSeconds first to last record in {@code news.enriched}
     * @param seconds first record in {@code news.enriched} to done: every article in {@code
     *     news.enriched}, read by the signals job ({@code enriched_in}) and, with Elasticsearch,
     *     indexed
     * @param cpuSeconds CPU time of this JVM (jobs, Kafka broker, the bench's clients; not
     *     Elasticsearch) over those {@code seconds}
     * @param checkpointBytes state size of the first checkpoint completed after done, or -1
     * @param heapUsedBytes TaskManager heap used after done and a full GC, or -1
     * @param loadAverage /proc/loadavg at the end
     */
    record Throughput(
            String label,
            boolean elasticsearch,
            int articles,
            double startupSeconds,
            double enrichedSeconds,
            double seconds,
            double cpuSeconds,
            long checkpointBytes,
            long heapUsedBytes,
            String loadAverage) {
        double perSecond() {
            return seconds > 0 ? articles / seconds : 0;
        }

        /** Articles per CPU-second of this JVM: what one fully available core would sustain. */
        double perCpuSecond() {
            return cpuSeconds > 0 ? articles / cpuSeconds : 0;
        }

        double enrichedPerSecond() {
            return enrichedSeconds > 0 ? articles / enrichedSeconds : 0;
        }
    }

    /**
     * Latency at one offered load and alerts guarantee.
     *
     * @param guarantee {@code alerts.kafka_guarantee}
     * @param offered articles/s asked of the paced producer
     * @param achieved articles/s it sent
     * @param sent articles sent
     * @param elasticsearch whether the Elasticsearch sinks were on
     * @param enriched append time in {@code news.raw} to read from {@code news.enriched}, per
     *     article
     * @param priceMoves append time of the triggering article to read from the alerts topic
     * @param windows append time of the window's closing article to read from the alerts topic
     * @param records alert records read, by type
     * @param unmatched alert records not traced to an article of the paced feed, by type
     * @param flink the jobs' own histograms at the end ({@code pipeline_latency_ms_p99} ...)
     * @param loadAverage /proc/loadavg at the end
     */
    record Latency(
            String guarantee,
            int offered,
            double achieved,
            int sent,
            boolean elasticsearch,
            Percentiles enriched,
            Percentiles priceMoves,
            Percentiles windows,
            Map<String, Integer> records,
            Map<String, Integer> unmatched,
            Map<String, Double> flink,
            String loadAverage) {}
}
