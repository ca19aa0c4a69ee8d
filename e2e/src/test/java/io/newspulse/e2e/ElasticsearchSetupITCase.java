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
import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalElasticsearchOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        node =
                LocalElasticsearch.start(
                        LocalElasticsearchOptions.builder()
                                .security(ADMIN, ADMIN_PASSWORD)
                                .build());
        es = config(ADMIN, ADMIN_PASSWORD);
        admin = EsClients.restClient(es);
        // What a file-realm-only cluster does instead of the role API: roles.yml plus file users.
        Path config = node.nodeDir().resolve("config");
        Files.writeString(config.resolve("roles.yml"), SecurityRoles.rolesYml(es));
        fileRealmUser(WRITER, SecurityRoles.WRITER);
        fileRealmUser(READER, SecurityRoles.READER);
        awaitLogin(WRITER);
        awaitLogin(READER);
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

    /**
     * Adds a file-realm user with {@code elasticsearch-users}, as the node's own (unprivileged)
     * user.
     */
    private static void fileRealmUser(String user, String role)
            throws IOException, InterruptedException {
        Path install = node.installDir();
        Path nodeDir = node.nodeDir();
        List<String> command = new ArrayList<>();
        int owner = (Integer) Files.getAttribute(nodeDir, "unix:uid");
        if (owner != currentUid()) {
            command.addAll(
                    List.of("setpriv", "--reuid=" + owner, "--regid=" + owner, "--clear-groups"));
        }
        command.addAll(
                List.of(
                        install.resolve("bin").resolve("elasticsearch-users").toString(),
                        "useradd",
                        user,
                        "-p",
                        PASSWORD,
                        "-r",
                        role));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(nodeDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", nodeDir.resolve("config").toString());
        env.put("ES_TMPDIR", nodeDir.resolve("tmp").toString());
        env.put("CLI_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        for (String leak :
                List.of(
                        "JAVA_HOME",
                        "JAVA_TOOL_OPTIONS",
                        "_JAVA_OPTIONS",
                        "JAVA_OPTS",
                        "ES_JAVA_OPTS")) {
            env.remove(leak);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as("elasticsearch-users: " + output).isZero();
    }

    private static int currentUid() throws IOException {
        Path probe = Files.createTempFile("uid", ".probe");
        try {
            return (Integer) Files.getAttribute(probe, "unix:uid");
        } finally {
            Files.delete(probe);
        }
    }

    /** The node reloads the file realm every few seconds. */
    private static void awaitLogin(String user) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (RestClient client = EsClients.restClient(config(user, PASSWORD))) {
            while (true) {
                int status = status(client, "GET", "/_security/_authenticate", null);
                if (status == 200) {
                    return;
                }
                assertThat(System.nanoTime())
                        .as(user + " cannot log in: HTTP " + status)
                        .isLessThan(deadline);
                Thread.sleep(500);
            }
        }
    }
}
