package io.newspulse.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.cli.setup.EsClients;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.indexing.MonthlyIndex;
import io.newspulse.jobs.kafka.KafkaConnectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Watches the demo's output: reads {@code news.enriched}, {@code news.dlq} and {@code
 * signals.alerts} back from Kafka (read_committed), prints alerts as they arrive and, when live, a
 * table of the top entities and sectors from the aggregates index; counts everything for the {@code
 * --once} summary.
 */
public final class DemoMonitor implements AutoCloseable {
    /**
     * What a complete run of a feed produces at least.
     *
     * @param articles distinct valid articles
     * @param deadLetters invalid records
     * @param spikeEntity entity whose burst must raise a MENTION_SPIKE alert, or null
     */
    public record Expectation(int articles, int deadLetters, String spikeEntity) {}

    private static final Duration TABLE_EVERY = Duration.ofSeconds(10);

    private final NewspulseConfig cfg;
    private final PrintWriter out;
    private final PrintWriter err;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> enrichedIds = new HashSet<>();
    private final Set<String> alertIds = new HashSet<>();
    private final Set<String> alertKinds = ConcurrentHashMap.newKeySet();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong alertRecords = new AtomicLong();
    private Thread thread;

    public DemoMonitor(NewspulseConfig cfg, PrintWriter out, PrintWriter err) {
        this.cfg = cfg;
        this.out = out;
        this.err = err;
    }

    /** Starts reading the output topics; {@code live} also prints the top table regularly. */
    public void start(boolean live) {
        thread = new Thread(() -> run(live), "newspulse-demo-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(boolean live) {
        Properties p = KafkaConnectors.consumerProperties(cfg);
        p.setProperty("bootstrap.servers", cfg.kafka().bootstrapServers());
        p.setProperty("group.id", "newspulse-demo-monitor-" + System.nanoTime());
        p.setProperty("auto.offset.reset", "earliest");
        p.setProperty("isolation.level", "read_committed");
        long nextTable = System.nanoTime() + TABLE_EVERY.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(
                    List.of(cfg.topics().enriched(), cfg.topics().dlq(), cfg.topics().alerts()));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    handle(r);
                }
                if (live && System.nanoTime() > nextTable) {
                    printTable();
                    nextTable = System.nanoTime() + TABLE_EVERY.toNanos();
                }
            }
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running.get()) {
                err.println("demo monitor stopped: " + e);
            }
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        try {
            JsonNode n = Json.mapper().readTree(r.value());
            if (r.topic().equals(cfg.topics().enriched())) {
                synchronized (enrichedIds) {
                    enrichedIds.add(n.path("id").asText());
                }
            } else if (r.topic().equals(cfg.topics().dlq())) {
                deadLetters.incrementAndGet();
                err.println(
                        "[dead letter] "
                                + n.path("error").asText()
                                + ": "
                                + n.path("reason").asText());
            } else {
                alertRecords.incrementAndGet();
                alertKinds.add(n.path("type").asText() + ":" + n.path("entity_id").asText());
                boolean first;
                synchronized (alertIds) {
                    first = alertIds.add(n.path("alert_id").asText());
                }
                out.printf(
                        "[ALERT %s %s%s] %s%n",
                        n.path("severity").asText().toUpperCase(Locale.ROOT),
                        n.path("type").asText(),
                        first ? "" : " update",
                        n.path("reason").asText());
                out.flush();
            }
        } catch (IOException e) {
            err.println("unreadable record on " + r.topic() + ": " + e.getMessage());
        }
    }

    /** Prints the top entities and sectors by stories over all windows so far. */
    public void printTable() {
        try (RestClient client = EsClients.restClient(cfg.elasticsearch())) {
            StringBuilder sb =
                    new StringBuilder(
                            "\n  top entities                      stories | top sectors                       stories\n");
            List<String[]> entities = top(client, "entity");
            List<String[]> sectors = top(client, "sector");
            for (int i = 0; i < Math.max(entities.size(), sectors.size()); i++) {
                String[] e = i < entities.size() ? entities.get(i) : new String[] {"", ""};
                String[] s = i < sectors.size() ? sectors.get(i) : new String[] {"", ""};
                sb.append(String.format("  %-32s %7s | %-32s %7s%n", e[0], e[1], s[0], s[1]));
            }
            out.print(sb);
            out.flush();
        } catch (IOException e) {
            err.println("cannot read aggregates: " + e.getMessage());
        }
    }

    private List<String[]> top(RestClient client, String kind) throws IOException {
        Request r =
                new Request(
                        "POST",
                        "/"
                                + MonthlyIndex.pattern(cfg.elasticsearch().indexAggregates())
                                + "/_search");
        r.setJsonEntity(
                "{\"size\":0,\"query\":{\"bool\":{\"filter\":{\"term\":{\"key_kind\":\""
                        + kind
                        + "\"}}"
                        // Sectors named directly are entities too; the sector column has them.
                        + (kind.equals("entity")
                                ? ",\"must_not\":{\"term\":{\"entity_type\":\"sector\"}}"
                                : "")
                        + "}},"
                        + "\"aggs\":{\"k\":{\"terms\":{\"field\":\"name\",\"size\":8,"
                        + "\"order\":{\"s\":\"desc\"}},\"aggs\":{\"s\":{\"sum\":{\"field\":\"stories\"}}}}}}");
        JsonNode body;
        try {
            body =
                    Json.mapper()
                            .readTree(EntityUtils.toString(client.performRequest(r).getEntity()));
        } catch (ResponseException e) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        for (JsonNode b : body.path("aggregations").path("k").path("buckets")) {
            String name = b.path("key").asText();
            if (name.length() > 32) {
                name = name.substring(0, 31) + "…";
            }
            rows.add(new String[] {name, Long.toString(b.path("s").path("value").asLong())});
        }
        return rows;
    }

    /** The summary: counts read back from Kafka and Elasticsearch. */
    public ObjectNode summary() {
        ObjectNode n = Json.mapper().createObjectNode();
        synchronized (enrichedIds) {
            n.put("articles", enrichedIds.size());
        }
        n.put("dlq", deadLetters.get());
        synchronized (alertIds) {
            n.put("alerts", alertIds.size());
        }
        n.put("kafka_alerts", alertRecords.get());
        ObjectNode es = n.putObject("es");
        try (RestClient client = EsClients.restClient(cfg.elasticsearch())) {
            // Every month of each index (the sinks write one index per month).
            es.put(
                    "articles",
                    count(client, MonthlyIndex.pattern(cfg.elasticsearch().indexArticles())));
            es.put(
                    "aggregates",
                    count(client, MonthlyIndex.pattern(cfg.elasticsearch().indexAggregates())));
            es.put(
                    "alerts",
                    count(client, MonthlyIndex.pattern(cfg.elasticsearch().indexAlerts())));
        } catch (IOException e) {
            err.println("cannot count documents: " + e.getMessage());
        }
        return n;
    }

    private static long count(RestClient client, String index) throws IOException {
        try {
            client.performRequest(new Request("POST", "/" + index + "/_refresh"));
            JsonNode c =
                    Json.mapper()
                            .readTree(
                                    EntityUtils.toString(
                                            client.performRequest(
                                                            new Request(
                                                                    "GET", "/" + index + "/_count"))
                                                    .getEntity()));
            return c.path("count").asLong();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return 0;
            }
            throw e;
        }
    }

    /** Whether a summary shows the whole feed processed and every output filled. */
    public boolean complete(ObjectNode s, Expectation expected) {
        JsonNode es = s.path("es");
        return (expected.spikeEntity() == null
                        || alertKinds.contains("MENTION_SPIKE:" + expected.spikeEntity()))
                && s.path("articles").asLong() >= expected.articles()
                && s.path("dlq").asLong() >= expected.deadLetters()
                && s.path("kafka_alerts").asLong() > 0
                && es.path("articles").asLong() >= expected.articles()
                && es.path("aggregates").asLong() > 0
                && es.path("alerts").asLong() > 0;
    }

    /** Polls until {@link #complete} or the timeout; returns the last summary. */
    public ObjectNode awaitComplete(Expectation expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ObjectNode s = summary();
        while (!complete(s, expected) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            s = summary();
        }
        if (!complete(s, expected)) {
            err.println("demo: not everything arrived within " + timeout.toSeconds() + " s: " + s);
        }
        return s;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(5000);
        }
    }
}
