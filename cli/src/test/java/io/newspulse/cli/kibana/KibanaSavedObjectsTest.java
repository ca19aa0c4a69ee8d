package io.newspulse.cli.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.common.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks deploy/kibana/newspulse.ndjson (as embedded in the jar) against itself and against the
 * index templates: every reference resolves inside the file, and every field a data view, Lens
 * column, query, saved search or control uses is mapped by the template of its index, with a type
 * that fits the operation.
 */
class KibanaSavedObjectsTest {
    private static final String NDJSON = "newspulse/kibana/newspulse.ndjson";
    private static final String TEMPLATES = "newspulse/elasticsearch/templates/";
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*:");
    private static final Set<String> NUMERIC =
            Set.of("long", "integer", "short", "byte", "double", "float", "half_float");

    private static final Map<String, JsonNode> objects = new LinkedHashMap<>();

    /** Data view id to its template's fields (path to mapping type, aliases resolved). */
    private static final Map<String, Map<String, String>> dataViewFields = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (String line : resource(NDJSON).split("\n")) {
            if (!line.isBlank()) {
                JsonNode o = Json.mapper().readTree(line);
                assertThat(objects.put(o.path("type").asText() + "/" + o.path("id").asText(), o))
                        .as("duplicate object " + o.path("id"))
                        .isNull();
            }
        }
        for (JsonNode o : objects.values()) {
            if (o.path("type").asText().equals("index-pattern")) {
                String title = o.path("attributes").path("title").asText();
                assertThat(title).matches("newspulse-(articles|aggregates|alerts)\\*");
                String file = title.substring("newspulse-".length(), title.length() - 1) + ".json";
                JsonNode template = Json.mapper().readTree(resource(TEMPLATES + file));
                dataViewFields.put(o.path("id").asText(), fields(template));
            }
        }
    }

    @Test
    void containsTheDataViewsAndBothDashboards() {
        assertThat(dataViewFields).hasSize(3);
        assertThat(titles("dashboard"))
                .containsExactlyInAnyOrder("Market news pulse", "Company drill-down");
        Map<String, String> timeFields = new HashMap<>();
        for (JsonNode o : ofType("index-pattern")) {
            timeFields.put(
                    o.path("attributes").path("title").asText(),
                    o.path("attributes").path("timeFieldName").asText());
        }
        assertThat(timeFields)
                .containsEntry("newspulse-articles*", "event_time")
                .containsEntry("newspulse-aggregates*", "window_start")
                .containsEntry("newspulse-alerts*", "created_at");
    }

    @Test
    void everyReferenceResolvesInsideTheFile() {
        for (JsonNode o : objects.values()) {
            for (JsonNode ref : o.path("references")) {
                String key = ref.path("type").asText() + "/" + ref.path("id").asText();
                assertThat(objects).as(o.path("id") + " references " + key).containsKey(key);
            }
        }
    }

    @Test
    void dataViewTimeFieldsAndFormatsUseMappedFields() throws IOException {
        for (JsonNode o : ofType("index-pattern")) {
            Map<String, String> fields = dataViewFields.get(o.path("id").asText());
            assertThat(fields.get(o.path("attributes").path("timeFieldName").asText()))
                    .isEqualTo("date");
            JsonNode formats =
                    Json.mapper().readTree(o.path("attributes").path("fieldFormatMap").asText());
            formats.fieldNames().forEachRemaining(f -> assertThat(fields).containsKey(f));
        }
    }

    @Test
    void lensColumnsQueriesAndAccessorsUseMappedFieldsOfTheirDataView() {
        List<JsonNode> lenses = ofType("lens");
        assertThat(lenses).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode lens : lenses) {
            String name = lens.path("attributes").path("title").asText();
            JsonNode state = lens.path("attributes").path("state");
            Set<String> columnIds = new HashSet<>();
            Set<String> dataViews = new HashSet<>();
            var layers = state.path("datasourceStates").path("formBased").path("layers").fields();
            assertThat(layers.hasNext()).as(name + " has a layer").isTrue();
            while (layers.hasNext()) {
                var layer = layers.next();
                String dv = referenceId(lens, "indexpattern-datasource-layer-" + layer.getKey());
                assertThat(dv).as(name + " layer " + layer.getKey() + " data view").isNotNull();
                dataViews.add(dv);
                Map<String, String> fields = dataViewFields.get(dv);
                List<String> order = new ArrayList<>();
                layer.getValue().path("columnOrder").forEach(c -> order.add(c.asText()));
                List<String> declared = new ArrayList<>();
                layer.getValue().path("columns").fieldNames().forEachRemaining(declared::add);
                assertThat(order)
                        .as(name + " column order")
                        .containsExactlyInAnyOrderElementsOf(declared);
                columnIds.addAll(declared);
                var columns = layer.getValue().path("columns").fields();
                while (columns.hasNext()) {
                    var column = columns.next();
                    checkColumn(name, column.getKey(), column.getValue(), fields, declared);
                }
            }
            assertThat(dataViews).as(name + " uses one data view").hasSize(1);
            Map<String, String> fields = dataViewFields.get(dataViews.iterator().next());
            checkKql(name, state.path("query").path("query").asText(), fields);
            for (String accessor : accessors(state.path("visualization"))) {
                assertThat(columnIds).as(name + " accessor").contains(accessor);
            }
        }
    }

    @Test
    void savedSearchesShowMappedFields() throws IOException {
        List<JsonNode> searches = ofType("search");
        assertThat(searches).hasSize(2);
        for (JsonNode search : searches) {
            JsonNode attributes = search.path("attributes");
            String name = attributes.path("title").asText();
            JsonNode source =
                    Json.mapper()
                            .readTree(
                                    attributes
                                            .path("kibanaSavedObjectMeta")
                                            .path("searchSourceJSON")
                                            .asText());
            String dv = referenceId(search, source.path("indexRefName").asText());
            assertThat(dv).as(name + " data view").isNotNull();
            Map<String, String> fields = dataViewFields.get(dv);
            attributes
                    .path("columns")
                    .forEach(c -> assertThat(fields).as(name).containsKey(c.asText()));
            attributes
                    .path("sort")
                    .forEach(s -> assertThat(fields.get(s.get(0).asText())).isEqualTo("date"));
            checkKql(name, source.path("query").path("query").asText(), fields);
        }
        assertThat(titles("search")).contains("Alert feed", "Latest stories");
        JsonNode stories = objects.get("search/newspulse-search-latest-stories");
        assertThat(stories.path("attributes").path("columns").toString())
                .contains("\"title\"", "\"url\"");
        JsonNode alerts = objects.get("search/newspulse-search-alerts");
        assertThat(alerts.path("attributes").path("columns").toString())
                .contains("\"severity\"", "\"reason\"");
    }

    @Test
    void dashboardPanelsAndControlsResolve() throws IOException {
        for (JsonNode dashboard : ofType("dashboard")) {
            JsonNode attributes = dashboard.path("attributes");
            String name = attributes.path("title").asText();
            JsonNode panels = Json.mapper().readTree(attributes.path("panelsJSON").asText());
            assertThat(panels.size()).as(name + " panels").isGreaterThanOrEqualTo(5);
            Set<String> indexes = new HashSet<>();
            for (JsonNode panel : panels) {
                String index = panel.path("panelIndex").asText();
                assertThat(indexes.add(index)).as(name + " unique panel " + index).isTrue();
                assertThat(panel.path("gridData").path("i").asText()).isEqualTo(index);
                int x = panel.path("gridData").path("x").asInt();
                int w = panel.path("gridData").path("w").asInt();
                assertThat(x + w)
                        .as(name + " panel " + index + " fits 48 columns")
                        .isLessThanOrEqualTo(48);
                String refName = index + ":" + panel.path("panelRefName").asText();
                JsonNode ref = reference(dashboard, refName);
                assertThat(ref).as(name + " reference " + refName).isNotNull();
                assertThat(ref.path("type").asText()).isEqualTo(panel.path("type").asText());
                assertThat(objects)
                        .containsKey(ref.path("type").asText() + "/" + ref.path("id").asText());
            }
            JsonNode controls = attributes.path("controlGroupInput");
            if (!controls.isMissingNode()) {
                var entries = Json.mapper().readTree(controls.path("panelsJSON").asText()).fields();
                while (entries.hasNext()) {
                    var control = entries.next();
                    String dv =
                            referenceId(
                                    dashboard,
                                    "controlGroup_" + control.getKey() + ":optionsListDataView");
                    assertThat(dv).as(name + " control data view").isNotNull();
                    String field =
                            control.getValue().path("explicitInput").path("fieldName").asText();
                    assertThat(dataViewFields.get(dv).get(field))
                            .as(name + " control field")
                            .isEqualTo("keyword");
                    // The control filters every panel: each index must map the field.
                    for (Map<String, String> fields : dataViewFields.values()) {
                        assertThat(fields).as("control field " + field).containsKey(field);
                    }
                }
            }
        }
        JsonNode drilldown = objects.get("dashboard/newspulse-dashboard-company-drilldown");
        assertThat(drilldown.path("attributes").path("controlGroupInput").isObject()).isTrue();
    }

    /**
     * Lens nests its bucket aggregations in column order. A terms split placed after the date
     * histogram ranks its top terms per time bucket, so the legend changes from bar to bar; placed
     * first it ranks them over the whole time range.
     */
    @Test
    void termsSplitsRankOverallBeforeTheDateHistogram() {
        int checked = 0;
        for (JsonNode lens : ofType("lens")) {
            String name = lens.path("attributes").path("title").asText();
            var layers =
                    lens.path("attributes")
                            .path("state")
                            .path("datasourceStates")
                            .path("formBased")
                            .path("layers")
                            .fields();
            while (layers.hasNext()) {
                JsonNode layer = layers.next().getValue();
                List<String> order = new ArrayList<>();
                layer.path("columnOrder").forEach(c -> order.add(c.asText()));
                int firstHistogram = Integer.MAX_VALUE;
                int lastTerms = -1;
                for (int i = 0; i < order.size(); i++) {
                    String op =
                            layer.path("columns").path(order.get(i)).path("operationType").asText();
                    if (op.equals("date_histogram")) {
                        firstHistogram = Math.min(firstHistogram, i);
                    } else if (op.equals("terms")) {
                        lastTerms = i;
                    }
                }
                if (lastTerms >= 0 && firstHistogram != Integer.MAX_VALUE) {
                    checked++;
                    assertThat(lastTerms)
                            .as(name + ": terms before the date histogram in " + order)
                            .isLessThan(firstHistogram);
                }
            }
        }
        assertThat(checked).as("panels with a terms split over time").isGreaterThanOrEqualTo(2);
    }

    /**
     * Elasticsearch flattens an array of (non-nested) objects into one array per field, so a panel
     * that buckets by one field of such an array and measures or filters another pairs values from
     * different elements (one entity with another entity's move). Every panel uses at most one
     * field under any object of its data view's mapping.
     */
    @Test
    void noPanelCombinesTwoFieldsOfANonNestedObject() {
        for (JsonNode lens : ofType("lens")) {
            String name = lens.path("attributes").path("title").asText();
            JsonNode state = lens.path("attributes").path("state");
            var layers = state.path("datasourceStates").path("formBased").path("layers").fields();
            while (layers.hasNext()) {
                var layer = layers.next();
                String dv = referenceId(lens, "indexpattern-datasource-layer-" + layer.getKey());
                Map<String, String> fields = dataViewFields.get(dv);
                Set<String> used =
                        new HashSet<>(kqlFields(state.path("query").path("query").asText()));
                layer.getValue()
                        .path("columns")
                        .forEach(
                                c -> {
                                    String field = c.path("sourceField").asText("");
                                    if (!field.isEmpty() && !field.equals("___records___")) {
                                        used.add(field);
                                    }
                                    used.addAll(
                                            kqlFields(c.path("filter").path("query").asText("")));
                                    c.path("params")
                                            .path("filters")
                                            .forEach(
                                                    f ->
                                                            used.addAll(
                                                                    kqlFields(
                                                                            f.path("input")
                                                                                    .path("query")
                                                                                    .asText())));
                                });
                Map<String, String> byObject = new HashMap<>();
                for (String field : used) {
                    for (int dot = field.indexOf('.'); dot > 0; dot = field.indexOf('.', dot + 1)) {
                        String parent = field.substring(0, dot);
                        if (!"object".equals(fields.get(parent))) {
                            continue;
                        }
                        String other = byObject.putIfAbsent(parent, field);
                        assertThat(other == null || other.equals(field))
                                .as(
                                        name
                                                + " combines "
                                                + other
                                                + " and "
                                                + field
                                                + " of the non-nested object "
                                                + parent)
                                .isTrue();
                    }
                }
            }
        }
    }

    /**
     * The drill-down's control offers companies and sectors: every panel must show a picked sector
     * too. The control field holds the key's own name in the aggregates and alerts, and every
     * entity and sector name of an article in the articles index; no panel keeps only entities.
     */
    @Test
    void drilldownWorksForAnEntityOrASector() throws IOException {
        JsonNode drilldown = objects.get("dashboard/newspulse-dashboard-company-drilldown");
        String field =
                Json.mapper()
                        .readTree(
                                drilldown
                                        .path("attributes")
                                        .path("controlGroupInput")
                                        .path("panelsJSON")
                                        .asText())
                        .path("newspulse-control-entity")
                        .path("explicitInput")
                        .path("fieldName")
                        .asText();
        assertThat(field).isEqualTo("entity_name");
        JsonNode aggregates = Json.mapper().readTree(resource(TEMPLATES + "aggregates.json"));
        assertThat(aggregates.at("/template/mappings/properties/entity_name/path").asText())
                .as("aggregates: the name of the key, entity or sector")
                .isEqualTo("name");
        JsonNode articles =
                Json.mapper()
                        .readTree(resource(TEMPLATES + "articles.json"))
                        .at("/template/mappings/properties");
        assertThat(articles.at("/entity_name/type").asText()).isEqualTo("keyword");
        for (String object : List.of("entities", "sectors")) {
            assertThat(articles.at("/" + object + "/properties/name/copy_to").asText())
                    .as("articles: " + object + ".name goes into " + field)
                    .isEqualTo(field);
        }
        JsonNode alerts = Json.mapper().readTree(resource(TEMPLATES + "alerts.json"));
        assertThat(alerts.at("/template/mappings/properties/entity_name/type").asText())
                .isEqualTo("keyword");
        for (JsonNode ref : drilldown.path("references")) {
            JsonNode panel = objects.get(ref.path("type").asText() + "/" + ref.path("id").asText());
            if (panel == null || !ref.path("type").asText().equals("lens")) {
                continue;
            }
            String query =
                    panel.path("attributes").path("state").path("query").path("query").asText();
            assertThat(query)
                    .as(panel.path("attributes").path("title").asText() + " keeps sectors")
                    .doesNotContain("key_kind");
        }
    }

    private static List<String> kqlFields(String query) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(:|>|<)").matcher(query);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void checkColumn(
            String lens,
            String id,
            JsonNode column,
            Map<String, String> fields,
            List<String> columns) {
        String op = column.path("operationType").asText();
        String field = column.path("sourceField").asText(null);
        String what = lens + " column " + id + " (" + op + " " + field + ")";
        switch (op) {
            case "count" -> assertThat(field).as(what).isEqualTo("___records___");
            case "date_histogram" -> assertThat(fields.get(field)).as(what).isEqualTo("date");
            case "sum", "average", "max", "min", "median" ->
                    assertThat(NUMERIC).as(what).contains(fields.get(field));
            case "terms" -> {
                assertThat(fields.get(field)).as(what).isIn("keyword", "boolean");
                assertThat(columns)
                        .as(what + " order column")
                        .contains(column.path("params").path("orderBy").path("columnId").asText());
            }
            case "filters" ->
                    column.path("params")
                            .path("filters")
                            .forEach(
                                    f ->
                                            checkKql(
                                                    what,
                                                    f.path("input").path("query").asText(),
                                                    fields));
            default -> throw new AssertionError(what + ": operation not checked by this test");
        }
        checkKql(what, column.path("filter").path("query").asText(""), fields);
    }

    private static void checkKql(String what, String query, Map<String, String> fields) {
        Matcher m = KQL_FIELD.matcher(query);
        while (m.find()) {
            assertThat(fields).as(what + " query field in: " + query).containsKey(m.group(1));
        }
        if (query.contains(">")) {
            Matcher range = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*>").matcher(query);
            while (range.find()) {
                assertThat(fields).as(what + " range field").containsKey(range.group(1));
            }
        }
    }

    /** Column ids a Lens visualization state points at. */
    private static List<String> accessors(JsonNode visualization) {
        List<String> out = new ArrayList<>();
        for (String key :
                List.of(
                        "xAccessor",
                        "yAccessor",
                        "valueAccessor",
                        "metricAccessor",
                        "splitAccessor")) {
            if (visualization.hasNonNull(key)) {
                out.add(visualization.get(key).asText());
            }
        }
        visualization.path("columns").forEach(c -> out.add(c.path("columnId").asText()));
        for (JsonNode layer : visualization.path("layers")) {
            out.addAll(accessors(layer));
            layer.path("accessors").forEach(a -> out.add(a.asText()));
            layer.path("primaryGroups").forEach(a -> out.add(a.asText()));
            layer.path("metrics").forEach(a -> out.add(a.asText()));
        }
        return out;
    }

    /** Field path to mapping type; aliases take their target's type, multi-fields are included. */
    static Map<String, String> fields(JsonNode template) {
        Map<String, String> out = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        collect("", template.path("template").path("mappings").path("properties"), out, aliases);
        aliases.forEach(
                (alias, target) -> {
                    assertThat(out).as("alias " + alias + " target").containsKey(target);
                    out.put(alias, out.get(target));
                });
        return out;
    }

    private static void collect(
            String prefix,
            JsonNode properties,
            Map<String, String> out,
            Map<String, String> aliases) {
        properties
                .fields()
                .forEachRemaining(
                        e -> {
                            String path = prefix + e.getKey();
                            JsonNode mapping = e.getValue();
                            if (mapping.has("properties")) {
                                // "object" or "nested": which fields aggregate together.
                                out.put(path, mapping.path("type").asText("object"));
                                collect(path + ".", mapping.get("properties"), out, aliases);
                            } else if ("alias".equals(mapping.path("type").asText())) {
                                aliases.put(path, mapping.path("path").asText());
                            } else {
                                out.put(path, mapping.path("type").asText("object"));
                            }
                            mapping.path("fields")
                                    .fields()
                                    .forEachRemaining(
                                            sub ->
                                                    out.put(
                                                            path + "." + sub.getKey(),
                                                            sub.getValue().path("type").asText()));
                        });
    }

    private static JsonNode reference(JsonNode object, String name) {
        for (JsonNode ref : object.path("references")) {
            if (ref.path("name").asText().equals(name)) {
                return ref;
            }
        }
        return null;
    }

    private static String referenceId(JsonNode object, String name) {
        JsonNode ref = reference(object, name);
        if (ref == null || !ref.path("type").asText().equals("index-pattern")) {
            return null;
        }
        String id = ref.path("id").asText();
        return dataViewFields.containsKey(id) ? id : null;
    }

    private static List<JsonNode> ofType(String type) {
        return objects.values().stream().filter(o -> o.path("type").asText().equals(type)).toList();
    }

    private static List<String> titles(String type) {
        return ofType(type).stream().map(o -> o.path("attributes").path("title").asText()).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in =
                KibanaSavedObjectsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
