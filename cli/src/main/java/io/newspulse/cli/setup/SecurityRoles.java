package io.newspulse.cli.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.indexing.MonthlyIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two Elasticsearch roles of newspulse (deploy/elasticsearch/roles, embedded in the jar), with
 * their index patterns following the configured index names ({@code <name>*}):
 *
 * <ul>
 *   <li>{@value #WRITER}: the Flink sinks (create and write the indices) and the templates the jobs
 *       install at start;
 *   <li>{@value #READER}: traders (search the indices, read Kibana in the default space).
 * </ul>
 *
 * <p>{@code newspulse es setup} stores them through the role API; clusters without a native role
 * store (file realm only) take {@link #rolesYml} in their {@code roles.yml}.
 */
public final class SecurityRoles {
    /** The role of the Flink sinks. */
    public static final String WRITER = "newspulse_writer";

    /** The role of people reading the indices and dashboards. */
    public static final String READER = "newspulse_reader";

    private static final String RESOURCE_DIR = "newspulse/elasticsearch/roles/";

    private SecurityRoles() {}

    /** The index patterns both roles cover: one per configured index. */
    public static List<String> indexPatterns(NewspulseConfig.Elasticsearch es) {
        return List.of(
                MonthlyIndex.pattern(es.indexArticles()),
                MonthlyIndex.pattern(es.indexAggregates()),
                MonthlyIndex.pattern(es.indexAlerts()));
    }

    /** Role name to role body (the role API's request body), writer first. */
    public static Map<String, ObjectNode> forConfig(NewspulseConfig.Elasticsearch es) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(WRITER, load(WRITER, es));
        out.put(READER, load(READER, es));
        return out;
    }

    /** The roles as a {@code roles.yml} document, for clusters that only have the file realm. */
    public static String rolesYml(NewspulseConfig.Elasticsearch es) {
        ObjectNode all = Json.mapper().createObjectNode();
        forConfig(es).forEach(all::set);
        YAMLMapper yaml =
                new YAMLMapper(
                        YAMLFactory.builder()
                                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                                .build());
        try {
            return yaml.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode load(String role, NewspulseConfig.Elasticsearch es) {
        String file = RESOURCE_DIR + role + ".json";
        try (InputStream in = SecurityRoles.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("role missing from the jar: " + file);
            }
            ObjectNode body = (ObjectNode) Json.mapper().readTree(in);
            for (JsonNode grant : body.path("indices")) {
                ArrayNode names = ((ObjectNode) grant).putArray("names");
                indexPatterns(es).forEach(names::add);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
