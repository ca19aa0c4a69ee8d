package io.newspulse.cli.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.indexing.MonthlyIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The composable index templates of the three indices (deploy/elasticsearch/templates, embedded in
 * the jar). Index patterns follow the configured index names ({@code <name>*}), covering every
 * monthly index the sinks write ({@link MonthlyIndex}).
 */
public final class IndexTemplates {
    private static final String RESOURCE_DIR = "newspulse/elasticsearch/templates/";

    private IndexTemplates() {}

    /** Template name to template body, for the configured index names. */
    public static Map<String, ObjectNode> forConfig(NewspulseConfig.Elasticsearch es) {
        return forConfig(es, null);
    }

    /**
     * Template name to template body, for the configured index names.
     *
     * @param lifecyclePolicy the ILM policy the indices follow ({@code index.lifecycle.name}), or
     *     null for none: only clusters with ILM accept the setting
     */
    public static Map<String, ObjectNode> forConfig(
            NewspulseConfig.Elasticsearch es, String lifecyclePolicy) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(es.indexArticles(), load("articles.json", es.indexArticles()));
        out.put(es.indexAggregates(), load("aggregates.json", es.indexAggregates()));
        out.put(es.indexAlerts(), load("alerts.json", es.indexAlerts()));
        if (lifecyclePolicy != null) {
            for (ObjectNode template : out.values()) {
                template.withObject("/template/settings")
                        .put("index.lifecycle.name", lifecyclePolicy);
            }
        }
        return out;
    }

    /**
     * Installs the templates.
     *
     * @param overwrite replace existing templates ({@code newspulse es setup}); otherwise only
     *     absent ones are installed (job start)
     * @return the names of the templates written
     */
    public static List<String> install(
            RestClient client, NewspulseConfig.Elasticsearch es, boolean overwrite)
            throws IOException {
        return install(client, es, overwrite, null);
    }

    /**
     * Installs the templates, naming an ILM policy in their settings.
     *
     * @param lifecyclePolicy see {@link #forConfig(NewspulseConfig.Elasticsearch, String)}
     * @return the names of the templates written
     */
    public static List<String> install(
            RestClient client,
            NewspulseConfig.Elasticsearch es,
            boolean overwrite,
            String lifecyclePolicy)
            throws IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> t : forConfig(es, lifecyclePolicy).entrySet()) {
            String path = "/_index_template/" + t.getKey();
            if (!overwrite && exists(client, path)) {
                continue;
            }
            Request put = new Request("PUT", path);
            put.setEntity(
                    new NStringEntity(
                            Json.mapper().writeValueAsString(t.getValue()),
                            ContentType.APPLICATION_JSON));
            client.performRequest(put);
            written.add(t.getKey());
        }
        return written;
    }

    private static boolean exists(RestClient client, String path) throws IOException {
        try {
            Response r = client.performRequest(new Request("HEAD", path));
            return r.getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static ObjectNode load(String file, String indexName) {
        try (InputStream in =
                IndexTemplates.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("index template missing from the jar: " + file);
            }
            ObjectNode node = (ObjectNode) Json.mapper().readTree(in);
            node.putArray("index_patterns").add(MonthlyIndex.pattern(indexName));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
