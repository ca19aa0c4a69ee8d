package io.newspulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.cli.NewspulseCli;
import io.newspulse.cli.setup.ElasticsearchSetup;
import io.newspulse.cli.setup.ElasticsearchSetup.Outcome;
import io.newspulse.cli.setup.ElasticsearchSetup.Report;
import io.newspulse.cli.setup.ElasticsearchSetupException;
import io.newspulse.cli.setup.EsClients;
import io.newspulse.cli.setup.SecurityRoles;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.e2e.testing.FileRealm;
import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.local.LocalElasticsearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code es setup} against real Elasticsearch nodes: a node of its own with security on (file-realm
 * superuser; the integration-test distribution has no ILM and no native role or user store), and
 * the shared node with security off. The roles are then exercised for real: file-realm users
 * holding them (roles.yml written from {@link SecurityRoles#rolesYml}) write and read, or are
 * refused.
 */
class ElasticsearchSetupITCase {
    private static final String ADMIN = "np-admin";
    private static final String ADMIN_PASSWORD = "np-admin-secret";
    private static final String WRITER = "np-writer";
    private static final String READER = "np-reader";
    private static final String PASSWORD = "np-user-secret";

    private static LocalElasticsearch node;
    private static NewspulseConfig.Elasticsearch es;
    private static RestClient admin;

    @BeforeAll
    static void startSecuredNode() throws Exception {
        node = FileRealm.startNode(ADMIN, ADMIN_PASSWORD);
        es = config(ADMIN, ADMIN_PASSWORD);
        admin = EsClients.restClient(es);
        // What a file-realm-only cluster does instead of the role API: roles.yml plus file users.
        FileRealm.writeRoles(node, SecurityRoles.rolesYml(es));
        FileRealm.addUser(node, WRITER, PASSWORD, SecurityRoles.WRITER);
        FileRealm.addUser(node, READER, PASSWORD, SecurityRoles.READER);
        FileRealm.awaitLogin(node, WRITER, PASSWORD);
        FileRealm.awaitLogin(node, READER, PASSWORD);
    }

    @AfterAll
    static void stopSecuredNode() throws IOException {
        if (admin != null) {
            admin.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void installsTemplatesSkipsIlmAndReportsTheRoleStore() throws IOException {
        Report report = ElasticsearchSetup.run(admin, es, ElasticsearchSetup.Options.defaults());

        assertThat(report.step("ilm").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.step("ilm").message()).contains("no index lifecycle management");
        assertThat(report.step("templates").outcome()).isEqualTo(Outcome.DONE);
        JsonNode template = json(admin, "GET", "/_index_template/newspulse-articles");
        JsonNode installed = template.path("index_templates").get(0).path("index_template");
        assertThat(installed.path("index_patterns").get(0).asText())
                .isEqualTo("newspulse-articles*");
        assertThat(installed.at("/template/settings/index/lifecycle").isMissingNode()).isTrue();
        // Entity and sector names together, for the dashboards' drill-down filter.
        assertThat(installed.at("/template/mappings/properties/entity_name/type").asText())
                .isEqualTo("keyword");

        ElasticsearchSetup.Step roles = report.step("roles");
        if (roles.outcome() == Outcome.DONE) {
            // A distribution with a native role store.
            assertThat(
                            json(admin, "GET", "/_security/role/" + SecurityRoles.WRITER)
                                    .has(SecurityRoles.WRITER))
                    .isTrue();
        } else {
            assertThat(roles.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(roles.message())
                    .contains("native role store")
                    .contains("roles.yml")
                    .contains("--no-roles");
            assertThat(report.succeeded()).isFalse();
        }
    }

    @Test
    void withRolesInRolesYmlSetupSucceedsAndChecksTheFileRealmWriter() throws IOException {
        Report report =
                ElasticsearchSetup.run(
                        admin,
                        es,
                        new ElasticsearchSetup.Options(7, false, WRITER, "unused-secret"));

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(report.step("ilm").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.step("roles").message()).contains("--no-roles");
        ElasticsearchSetup.Step user = report.step("user");
        if (user.message().contains("native user")) {
            assertThat(user.outcome()).isEqualTo(Outcome.DONE);
        } else {
            assertThat(user.outcome()).isEqualTo(Outcome.DONE);
            assertThat(user.message())
                    .contains("file realm")
                    .contains(SecurityRoles.WRITER)
                    .contains("unchanged");
        }
    }

    @Test
    void reportsFileRealmUsersThatCannotServeAsWriter() throws IOException {
        Report withoutRole =
                ElasticsearchSetup.run(
                        admin,
                        es,
                        new ElasticsearchSetup.Options(7, false, READER, "unused-secret"));
        Report missing =
                ElasticsearchSetup.run(
                        admin,
                        es,
                        new ElasticsearchSetup.Options(7, false, "np-ghost", "unused-secret"));

        if (withoutRole.step("user").message().contains("native user")) {
            return; // A distribution with a native realm stores the users instead.
        }
        assertThat(withoutRole.step("user").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(withoutRole.step("user").message())
                .contains("without role " + SecurityRoles.WRITER);
        assertThat(missing.step("user").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(missing.step("user").message()).contains("elasticsearch-users useradd np-ghost");
        assertThat(missing.succeeded()).isFalse();
    }

    @Test
    void writerRoleWritesTheNewspulseIndicesOnly() throws IOException {
        try (RestClient writer = EsClients.restClient(config(WRITER, PASSWORD))) {
            assertThat(status(writer, "PUT", "/newspulse-articles-x/_doc/a1", "{\"id\":\"a1\"}"))
                    .isEqualTo(201);
            assertThat(
                            status(
                                    writer,
                                    "POST",
                                    "/newspulse-alerts-x/_bulk",
                                    "{\"index\":{\"_id\":\"x1\"}}\n{\"alert_id\":\"x1\"}\n"))
                    .isEqualTo(200);
            assertThat(status(writer, "PUT", "/other-x/_doc/a1", "{\"id\":\"a1\"}")).isEqualTo(403);
            assertThat(status(writer, "DELETE", "/newspulse-articles-x", null)).isEqualTo(403);
            // Least privilege: the sinks only index; nothing they call reads or monitors.
            assertThat(status(writer, "GET", "/newspulse-articles-x/_search", null)).isEqualTo(403);
            assertThat(status(writer, "GET", "/_cluster/health", null)).isEqualTo(403);
            // Templates are the administrator's (`newspulse es setup`), not the jobs'.
            assertThat(
                            status(
                                    writer,
                                    "PUT",
                                    "/_index_template/newspulse-x",
                                    "{\"index_patterns\":[\"newspulse-x*\"]}"))
                    .isEqualTo(403);
        }
    }

    @Test
    void readerRoleSearchesButCannotWrite() throws IOException {
        assertThat(
                        status(
                                admin,
                                "PUT",
                                "/newspulse-aggregates-r/_doc/k1?refresh=true",
                                "{\"key\":\"tencent\"}"))
                .isEqualTo(201);
        assertThat(status(admin, "PUT", "/other-r/_doc/k1?refresh=true", "{\"key\":\"tencent\"}"))
                .isEqualTo(201);
        try (RestClient reader = EsClients.restClient(config(READER, PASSWORD))) {
            JsonNode hits = json(reader, "GET", "/newspulse-aggregates-r/_search");
            assertThat(hits.at("/hits/total/value").asInt()).isEqualTo(1);
            assertThat(status(reader, "PUT", "/newspulse-aggregates-r/_doc/k2", "{\"key\":\"x\"}"))
                    .isEqualTo(403);
            assertThat(status(reader, "GET", "/other-r/_search", null)).isEqualTo(403);
            assertThat(
                            status(
                                    reader,
                                    "PUT",
                                    "/_index_template/newspulse-r",
                                    "{\"index_patterns\":[\"newspulse-r*\"]}"))
                    .isEqualTo(403);
        }
    }

    @Test
    void rejectedCredentialsStopTheSetup() throws IOException {
        NewspulseConfig.Elasticsearch wrong = config(ADMIN, "not-the-password");
        try (RestClient client = EsClients.restClient(wrong)) {
            assertThatThrownBy(
                            () ->
                                    ElasticsearchSetup.run(
                                            client, wrong, ElasticsearchSetup.Options.defaults()))
                    .isInstanceOf(ElasticsearchSetupException.class)
                    .hasMessageContaining("rejected the credentials")
                    .hasMessageContaining("NEWSPULSE_ES_USERNAME");
        }
    }

    @Test
    void cliSetupOnAClusterWithoutSecuritySkipsIlmAndRoles() throws IOException {
        LocalElasticsearch shared = SharedServices.elasticsearch();
        String prefix = SharedServices.uniqueName("setup");
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            status =
                    NewspulseCli.run(
                            "es",
                            "setup",
                            "--retention-days",
                            "3",
                            "--set",
                            "elasticsearch.hosts=" + shared.url(),
                            "--set",
                            "elasticsearch.index_articles=" + prefix + "-articles",
                            "--set",
                            "elasticsearch.index_aggregates=" + prefix + "-aggregates",
                            "--set",
                            "elasticsearch.index_alerts=" + prefix + "-alerts");
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed)
                .contains("ilm: skipped: this cluster has no index lifecycle management")
                .contains("templates: installed index templates " + prefix + "-articles")
                .contains("roles: skipped: security is disabled");
        try (RestClient client = EsClients.restClient(List.of(shared.url()), null, null)) {
            assertThat(status(client, "GET", "/_index_template/" + prefix + "-alerts", null))
                    .isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------

    private static NewspulseConfig.Elasticsearch config(String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSPULSE_ES_USERNAME", user);
        env.put("NEWSPULSE_ES_PASSWORD", password);
        return NewspulseConfig.load(
                        Optional.empty(), env, List.of("elasticsearch.hosts=" + node.url()))
                .elasticsearch();
    }

    private static int status(RestClient client, String method, String path, String body)
            throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(
                    new NStringEntity(
                            body,
                            path.endsWith("_bulk")
                                    ? ContentType.create("application/x-ndjson")
                                    : ContentType.APPLICATION_JSON));
        }
        try {
            Response response = client.performRequest(request);
            if (path.endsWith("_bulk")) {
                JsonNode result =
                        Json.mapper().readTree(EntityUtils.toString(response.getEntity()));
                assertThat(result.path("errors").asBoolean()).as(result.toString()).isFalse();
            }
            return response.getStatusLine().getStatusCode();
        } catch (ResponseException e) {
            int code = e.getResponse().getStatusLine().getStatusCode();
            if (code != 403 && code != 404) {
                System.err.println(method + " " + path + " -> " + code + ": " + e.getMessage());
            }
            return code;
        }
    }

    private static JsonNode json(RestClient client, String method, String path) throws IOException {
        Response response = client.performRequest(new Request(method, path));
        return Json.mapper().readTree(EntityUtils.toString(response.getEntity()));
    }
}
