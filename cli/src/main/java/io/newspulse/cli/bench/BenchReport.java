package io.newspulse.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import java.io.PrintWriter;
import java.util.List;

/** Prints a {@code newspulse bench} run: tables for people, then one JSON line. */
final class BenchReport {
    private BenchReport() {}

    static void print(
            PrintWriter out,
            String text,
            List<BenchResults.Throughput> throughput,
            List<BenchResults.Latency> latency) {
        out.println("Text: " + text);
        out.println(
                "MiniCluster: both jobs in one JVM with the Kafka broker and this command;"
                        + " Elasticsearch is a separate process.");
        if (!throughput.isEmpty()) {
            out.println();
            out.println("Throughput, pre-loaded news.raw through both jobs back to Kafka");
            out.println(
                    "(per CPU-s: articles per CPU-second of this JVM, jobs and broker, without"
                            + " Elasticsearch)");
            out.printf(
                    "%-9s %10s %10s %12s %12s %12s %14s %12s %10s  %s%n",
                    "sinks",
                    "articles",
                    "startup s",
                    "articles/s",
                    "enriched/s",
                    "per CPU-s",
                    "checkpoint MB",
                    "heap MB",
                    "target",
                    "load avg");
            for (BenchResults.Throughput t : throughput) {
                int target = t.elasticsearch() ? 2_000 : 5_000;
                out.printf(
                        "%-9s %,10d %10.1f %,12.0f %,12.0f %,12.0f %14s %12s %10s  %s%n",
                        t.label(),
                        t.articles(),
                        t.startupSeconds(),
                        t.perSecond(),
                        t.enrichedPerSecond(),
                        t.perCpuSecond(),
                        t.checkpointBytes() < 0 ? "-" : mb(t.checkpointBytes()),
                        t.heapUsedBytes() < 0 ? "-" : mb(t.heapUsedBytes()),
                        (t.perSecond() >= target ? "met " : "MISSED ") + ">=" + target,
                        t.loadAverage());
            }
        }
        if (!latency.isEmpty()) {
            out.println();
            out.println(
                    "Latency from the article's append time in news.raw, p50 / p99 / p99.9 / max");
            for (BenchResults.Latency l : latency) {
                out.printf(
                        "%s, offered %,d/s (sent %,.0f/s, %,d articles, Elasticsearch %s),"
                                + " load avg %s%n",
                        l.guarantee(),
                        l.offered(),
                        l.achieved(),
                        l.sent(),
                        l.elasticsearch() ? "on" : "off",
                        l.loadAverage());
                out.println("  to news.enriched          " + l.enriched().describe());
                out.println("  to PRICE_MOVE alert       " + l.priceMoves().describe());
                out.println("  closing article to window alert " + l.windows().describe());
                out.println(
                        "  alert records read "
                                + new java.util.TreeMap<>(l.records())
                                + ", not traced to a paced article "
                                + new java.util.TreeMap<>(l.unmatched()));
                if (!l.flink().isEmpty()) {
                    out.println("  jobs' histograms (ms)     " + l.flink());
                }
            }
        }
        out.println();
        out.println(json(text, throughput, latency));
        out.flush();
    }

    static ObjectNode json(
            String text,
            List<BenchResults.Throughput> throughput,
            List<BenchResults.Latency> latency) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("text", text);
        ArrayNode ts = root.putArray("throughput");
        for (BenchResults.Throughput t : throughput) {
            ObjectNode n = ts.addObject();
            n.put("sinks", t.label());
            n.put("articles", t.articles());
            n.put("startup_s", round(t.startupSeconds()));
            n.put("seconds", round(t.seconds()));
            n.put("articles_per_s", Math.round(t.perSecond()));
            n.put("enriched_per_s", Math.round(t.enrichedPerSecond()));
            n.put("cpu_s", round(t.cpuSeconds()));
            n.put("articles_per_cpu_s", Math.round(t.perCpuSecond()));
            n.put("checkpoint_bytes", t.checkpointBytes());
            n.put("heap_used_bytes", t.heapUsedBytes());
            n.put("load_avg", t.loadAverage());
        }
        ArrayNode ls = root.putArray("latency");
        for (BenchResults.Latency l : latency) {
            ObjectNode n = ls.addObject();
            n.put("guarantee", l.guarantee());
            n.put("offered_per_s", l.offered());
            n.put("sent_per_s", Math.round(l.achieved()));
            n.put("sent", l.sent());
            n.put("elasticsearch", l.elasticsearch());
            n.set("enriched_ms", percentiles(l.enriched()));
            n.set("price_move_ms", percentiles(l.priceMoves()));
            n.set("window_ms", percentiles(l.windows()));
            ObjectNode records = n.putObject("alert_records");
            new java.util.TreeMap<>(l.records()).forEach(records::put);
            ObjectNode unmatched = n.putObject("untraced_alert_records");
            new java.util.TreeMap<>(l.unmatched()).forEach(unmatched::put);
            ObjectNode f = n.putObject("flink_ms");
            l.flink().forEach(f::put);
            n.put("load_avg", l.loadAverage());
        }
        return root;
    }

    private static ObjectNode percentiles(Percentiles p) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("n", p.count());
        n.put("p50", p.p50());
        n.put("p99", p.p99());
        n.put("p999", p.p999());
        n.put("max", p.max());
        return n;
    }

    private static String mb(long bytes) {
        return String.format("%,.1f", bytes / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
