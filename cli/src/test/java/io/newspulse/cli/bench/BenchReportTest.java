package io.newspulse.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.common.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    @Test
    void theLastLineIsTheJsonOfTheTables() throws Exception {
        BenchResults.Throughput t =
                new BenchResults.Throughput(
                        "kafka",
                        false,
                        20_000,
                        12.5,
                        8.0,
                        10.0,
                        16.0,
                        3_000_000,
                        400_000_000,
                        "1 2 3");
        BenchResults.Latency l =
                new BenchResults.Latency(
                        "at_least_once",
                        1_000,
                        998.7,
                        30_000,
                        true,
                        new Percentiles(30_000, 40, 300, 900, 1_200),
                        new Percentiles(12, 50, 400, 400, 400),
                        new Percentiles(0, -1, -1, -1, -1),
                        Map.of("PRICE_MOVE", 15),
                        Map.of("PRICE_MOVE", 3),
                        Map.of("pipeline_latency_ms_p99", 310.0),
                        "4 5 6");
        StringWriter s = new StringWriter();
        BenchReport.print(new PrintWriter(s), "real zh/ar/en news", List.of(t), List.of(l));
        String[] lines = s.toString().strip().split("\n");
        assertThat(s.toString()).contains("MISSED >=5000").contains("2,000");
        JsonNode json = Json.mapper().readTree(lines[lines.length - 1]);
        assertThat(json.path("throughput").get(0).path("articles_per_s").asLong()).isEqualTo(2_000);
        assertThat(json.path("throughput").get(0).path("startup_s").asDouble()).isEqualTo(12.5);
        assertThat(json.path("throughput").get(0).path("articles_per_cpu_s").asLong())
                .isEqualTo(1_250);
        JsonNode latency = json.path("latency").get(0);
        assertThat(latency.path("price_move_ms").path("p99").asLong()).isEqualTo(400);
        assertThat(latency.path("window_ms").path("n").asInt()).isZero();
        assertThat(latency.path("untraced_alert_records").path("PRICE_MOVE").asInt()).isEqualTo(3);
        assertThat(latency.path("flink_ms").path("pipeline_latency_ms_p99").asDouble())
                .isEqualTo(310.0);
        assertThat(latency.path("sent_per_s").asLong()).isEqualTo(999);
    }
}
