package io.newspulse.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newspulse.common.config.NewspulseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ILM policy, roles and lifecycle-aware templates that {@code es setup} installs. */
class SetupResourcesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static NewspulseConfig.Elasticsearch es(String... sets) {
        return NewspulseConfig.load(Optional.empty(), Map.of(), List.of(sets)).elasticsearch();
    }

    @Test
    void rolesCoverTheConfiguredIndicesOnly() {
        Map<String, ObjectNode> roles =
                SecurityRoles.forConfig(
                        es(
                                "elasticsearch.index_articles=desk-articles",
                                "elasticsearch.index_alerts=desk-alerts"));

        assertThat(roles).containsOnlyKeys(SecurityRoles.WRITER, SecurityRoles.READER);
        for (ObjectNode role : roles.values()) {
            assertThat(role.path("indices")).hasSize(1);
            assertThat(role.path("indices").get(0).path("names"))
                    .extracting(JsonNode::asText)
                    .containsExactly("desk-articles*", "newspulse-aggregates*", "desk-alerts*");
        }
        ObjectNode writer = roles.get(SecurityRoles.WRITER);
        assertThat(writer.path("cluster")).isEmpty();
        assertThat(writer.path("indices").get(0).path("privileges"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("create_index", "index");
        ObjectNode reader = roles.get(SecurityRoles.READER);
        assertThat(reader.path("indices").get(0).path("privileges"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("read", "view_index_metadata");
        assertThat(reader.path("applications").get(0).path("application").asText())
                .isEqualTo("kibana-.kibana");
    }

    /**
     * Least privilege, from what the code calls: the sinks send {@code _bulk} index operations
     * (auto-creating each month's index); templates are installed by {@code newspulse es setup} as
     * an administrator; readers search. Nothing needs cluster privileges, reads by the writer,
     * deletes or index management.
     */
    @Test
    void rolesGrantOnlyWhatTheirUsersCall() {
        Map<String, ObjectNode> roles = SecurityRoles.forConfig(es());
        Map<String, List<String>> allowedCluster =
                Map.of(
                        SecurityRoles.WRITER, List.of(),
                        SecurityRoles.READER, List.of());
        Map<String, List<String>> allowedIndex =
                Map.of(
                        SecurityRoles.WRITER,
                                List.of("create_index", "auto_configure", "index", "create_doc"),
                        SecurityRoles.READER, List.of("read", "view_index_metadata"));
        roles.forEach(
                (name, role) -> {
                    assertThat(role.path("cluster"))
                            .as(name + " cluster privileges")
                            .extracting(JsonNode::asText)
                            .isSubsetOf(allowedCluster.get(name));
                    for (JsonNode grant : role.path("indices")) {
                        assertThat(grant.path("privileges"))
                                .as(name + " index privileges")
                                .extracting(JsonNode::asText)
                                .isSubsetOf(allowedIndex.get(name));
                        assertThat(grant.path("names"))
                                .as(name + " index names")
                                .extracting(JsonNode::asText)
                                .allMatch(
                                        n ->
                                                n.startsWith("newspulse-")
                                                        && !n.equals("newspulse-*"));
                    }
                    assertThat(role.has("run_as")).as(name + " run_as").isFalse();
                });
        // Readers get Kibana read access in the default space, nothing more.
        for (JsonNode app : roles.get(SecurityRoles.READER).path("applications")) {
            assertThat(app.path("privileges"))
                    .extracting(JsonNode::asText)
                    .containsExactly("space_read");
        }
        assertThat(roles.get(SecurityRoles.WRITER).has("applications")).isFalse();
    }

    @Test
    void deployedRolesYmlMatchesTheRolesForTheDefaultIndexNames() throws IOException {
        // Surefire runs in the jobs module directory.
        Path file = Path.of("..", "deploy", "elasticsearch", "roles.yml");
        JsonNode deployed = YAML.readTree(Files.readString(file));
        JsonNode generated = YAML.readTree(SecurityRoles.rolesYml(es()));

        assertThat(deployed).isEqualTo(generated);
        assertThat(
                        generated
                                .path(SecurityRoles.WRITER)
                                .path("indices")
                                .get(0)
                                .path("names")
                                .get(0)
                                .asText())
                .isEqualTo("newspulse-articles*");
    }

    @Test
    void lifecyclePolicyKeepsEveryDocumentOfAMonthlyIndexTheRetentionDays() {
        ObjectNode policy = LifecyclePolicy.withRetentionDays(7);

        // A month's index gets documents for up to 31 days after its creation.
        assertThat(policy.at("/policy/phases/delete/min_age").asText()).isEqualTo("38d");
        assertThat(policy.at("/policy/phases/delete/actions/delete").isObject()).isTrue();
        assertThat(policy.at("/policy/phases/hot").isObject()).isTrue();
        assertThat(policy.at("/policy/phases/hot/actions/rollover").isMissingNode()).isTrue();
        assertThatThrownBy(() -> LifecyclePolicy.withRetentionDays(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void templatesNameThePolicyOnlyWhenAsked() {
        for (ObjectNode template : IndexTemplates.forConfig(es()).values()) {
            assertThat(template.at("/template/settings/index.lifecycle.name").isMissingNode())
                    .isTrue();
        }
        Map<String, ObjectNode> withPolicy = IndexTemplates.forConfig(es(), LifecyclePolicy.NAME);
        assertThat(withPolicy)
                .containsOnlyKeys("newspulse-articles", "newspulse-aggregates", "newspulse-alerts");
        for (ObjectNode template : withPolicy.values()) {
            assertThat(
                            template.path("template")
                                    .path("settings")
                                    .path("index.lifecycle.name")
                                    .asText())
                    .isEqualTo("newspulse");
        }
    }

    @Test
    void setupOptionsCheckTheWriterUser() {
        assertThatThrownBy(() -> new ElasticsearchSetup.Options(30, true, "writer", null))
                .hasMessageContaining("NEWSPULSE_ES_WRITER_PASSWORD");
        assertThatThrownBy(() -> new ElasticsearchSetup.Options(30, true, "bad name", "secret123"))
                .hasMessageContaining("writer user name");
        assertThatThrownBy(() -> new ElasticsearchSetup.Options(0, true, null, null))
                .hasMessageContaining("retention days");
        assertThat(new ElasticsearchSetup.Options(30, true, "w", "secret123").toString())
                .doesNotContain("secret123");
    }
}
