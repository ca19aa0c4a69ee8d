package io.newspulse.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.common.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The MiniCluster's REST API: checkpoint sizes, TaskManager heap and operator histograms. */
final class FlinkRest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String jobId;

    private FlinkRest(String base, String jobId) {
        this.base = base;
        this.jobId = jobId;
    }

    /** Finds the port of the REST endpoint that serves {@code jobId} in a range. */
    static FlinkRest find(String jobId, int fromPort, int toPort) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (int port = fromPort; port <= toPort; port++) {
                FlinkRest rest = new FlinkRest("http://localhost:" + port, jobId);
                if (rest.tryGet("/jobs/" + jobId).isPresent()) {
                    return rest;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "no Flink REST endpoint on ports " + fromPort + "-" + toPort + " knows " + jobId);
    }

    /** The job's latest completed checkpoint ({@code latest.completed} of /checkpoints). */
    Optional<JsonNode> latestCheckpoint() {
        return tryGet("/jobs/" + jobId + "/checkpoints")
                .map(n -> n.path("latest").path("completed"))
                .filter(n -> !n.isMissingNode() && !n.isNull());
    }

    /** {@code Status.JVM.Memory.Heap.Used} of the (only) TaskManager, bytes. */
    Optional<Long> taskManagerHeapUsed() {
        Optional<JsonNode> tms = tryGet("/taskmanagers");
        if (tms.isEmpty() || tms.get().path("taskmanagers").isEmpty()) {
            return Optional.empty();
        }
        String id = tms.get().path("taskmanagers").get(0).path("id").asText();
        return tryGet("/taskmanagers/" + id + "/metrics?get=Status.JVM.Memory.Heap.Used")
                .filter(n -> n.size() > 0)
                .map(n -> n.get(0).path("value").asLong());
    }

    /**
     * Operator metrics whose name ends with one of {@code suffixes} (e.g. {@code
     * pipeline_latency_ms_p99}), the largest value over subtasks, by suffix.
     */
    Map<String, Double> operatorMetrics(List<String> suffixes) {
        Map<String, Double> out = new LinkedHashMap<>();
        Optional<JsonNode> job = tryGet("/jobs/" + jobId);
        if (job.isEmpty()) {
            return out;
        }
        for (JsonNode vertex : job.get().path("vertices")) {
            String path = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/metrics";
            List<String> wanted = new ArrayList<>();
            for (JsonNode m : tryGet(path).orElse(Json.mapper().createArrayNode())) {
                String name = m.path("id").asText();
                if (suffixes.stream().anyMatch(s -> name.endsWith("." + s))) {
                    wanted.add(name);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            for (JsonNode m :
                    tryGet(path + "?get=" + String.join(",", wanted))
                            .orElse(Json.mapper().createArrayNode())) {
                String name = m.path("id").asText();
                String suffix = name.substring(name.lastIndexOf('.') + 1);
                double v = m.path("value").asDouble(Double.NaN);
                if (!Double.isNaN(v)) {
                    out.merge(suffix, v, Math::max);
                }
            }
        }
        return out;
    }

    private String counterPath;

    /**
     * The sum over subtasks of an operator counter, e.g. {@code parse-enriched.enriched_in}; 0
     * until the metric is reported. The REST endpoint refreshes metrics every {@code
     * metrics.fetcher.update-interval}.
     */
    long counterSum(String operatorMetric) {
        if (counterPath == null) {
            Optional<JsonNode> job = tryGet("/jobs/" + jobId);
            for (JsonNode vertex : job.map(j -> j.path("vertices")).orElse(null)) {
                String path =
                        "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/metrics";
                List<String> names = new ArrayList<>();
                for (JsonNode m : tryGet(path).orElse(Json.mapper().createArrayNode())) {
                    if (m.path("id").asText().endsWith("." + operatorMetric)) {
                        names.add(m.path("id").asText());
                    }
                }
                if (!names.isEmpty()) {
                    counterPath = path + "?get=" + String.join(",", names);
                    break;
                }
            }
            if (counterPath == null) {
                return 0;
            }
        }
        long sum = 0;
        for (JsonNode m : tryGet(counterPath).orElse(Json.mapper().createArrayNode())) {
            sum += m.path("value").asLong();
        }
        return sum;
    }

    private Optional<JsonNode> tryGet(String path) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200
                    ? Optional.of(Json.mapper().readTree(r.body()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
