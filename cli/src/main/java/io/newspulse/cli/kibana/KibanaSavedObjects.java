package io.newspulse.cli.kibana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.indexing.MonthlyIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The bundled Kibana saved objects (deploy/kibana/newspulse.ndjson: data views of the three
 * indices, Lens visualizations, saved searches and the "Market news pulse" and "Company drill-down"
 * dashboards).
 */
public final class KibanaSavedObjects {

    static final String RESOURCE = "newspulse/kibana/newspulse.ndjson";

    /** Ids of the dashboards, for links after an import. */
    public static final List<String> DASHBOARDS =
            List.of("newspulse-dashboard-market-pulse", "newspulse-dashboard-company-drilldown");

    /** Data view id to the config key of the index it shows. */
    private static final Map<String, String> DATA_VIEWS =
            Map.of(
                    "newspulse-dv-articles", "articles",
                    "newspulse-dv-aggregates", "aggregates",
                    "newspulse-dv-alerts", "alerts");

    private KibanaSavedObjects() {}

    /** The bundled saved objects as NDJSON, data view titles set to the configured index names. */
    public static byte[] ndjson(NewspulseConfig.Elasticsearch es) {
        Map<String, String> titles =
                Map.of(
                        "articles", MonthlyIndex.pattern(es.indexArticles()),
                        "aggregates", MonthlyIndex.pattern(es.indexAggregates()),
                        "alerts", MonthlyIndex.pattern(es.indexAlerts()));
        StringBuilder out = new StringBuilder();
        try (InputStream in =
                KibanaSavedObjects.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Kibana saved objects missing from the jar: " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode object = (ObjectNode) Json.mapper().readTree(line);
                String index = DATA_VIEWS.get(object.path("id").asText());
                if (index != null && object.path("type").asText().equals("index-pattern")) {
                    ((ObjectNode) object.path("attributes")).put("title", titles.get(index));
                }
                out.append(Json.mapper().writeValueAsString(object)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
