package io.newspulse.cli.deploy;

import static io.newspulse.cli.deploy.DeployFiles.COMPOSE;
import static io.newspulse.cli.deploy.DeployFiles.ENV_EXAMPLE;
import static io.newspulse.cli.deploy.DeployFiles.composeServices;
import static io.newspulse.cli.deploy.DeployFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker-compose.yml and deploy/.env.example: complete, consistent, startable in order. */
class ComposeDeployTest {
    private static final Pattern INTERPOLATION =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    /** KEY=VALUE lines of .env.example. */
    static Map<String, String> envExample() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : read(ENV_EXAMPLE).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            assertThat(eq).as(".env.example line '%s' is KEY=VALUE", l).isPositive();
            vars.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return vars;
    }

    /** ${VAR} names the compose file interpolates (not $$ escapes). */
    static Set<String> interpolatedVariables() {
        Set<String> vars = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(read(COMPOSE));
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    /** A compose value with ${VAR} / ${VAR:-default} resolved against .env.example. */
    static String interpolate(String value) {
        return interpolate(value, envExample());
    }

    /** A compose value with ${VAR} / ${VAR:-default} resolved against {@code env}. */
    static String interpolate(String value, Map<String, String> env) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if ((v == null || v.isEmpty()) && m.group(2) != null && m.group(2).endsWith("-")) {
                v = m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void envExampleDefinesEveryVariableTheComposeFileUses() {
        assertThat(envExample().keySet()).containsAll(interpolatedVariables());
    }

    @Test
    void envExampleHasNoVariableTheComposeFileIgnores() {
        assertThat(interpolatedVariables()).containsAll(envExample().keySet());
    }

    @Test
    void envExampleHoldsPlaceholdersNotPasswords() {
        envExample().entrySet().stream()
                .filter(e -> e.getKey().contains("PASSWORD") || e.getKey().contains("KEY"))
                .forEach(e -> assertThat(e.getValue()).as(e.getKey()).startsWith("CHANGE-ME"));
    }

    @Test
    void hasTheWholeStack() {
        assertThat(composeServices())
                .containsKeys(
                        "kafka",
                        "topics",
                        "elasticsearch",
                        "kibana",
                        "jobmanager",
                        "taskmanager",
                        "init",
                        "replay");
    }

    @Test
    void dependenciesNameServicesAndValidConditions() {
        Map<String, Map<String, Object>> services = composeServices();
        services.forEach(
                (name, service) -> {
                    Object deps = service.get("depends_on");
                    if (deps == null) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> byName =
                            (Map<String, Map<String, Object>>) deps;
                    byName.forEach(
                            (dep, spec) -> {
                                assertThat(services).as(name + " depends on").containsKey(dep);
                                Object condition = spec.get("condition");
                                assertThat(condition)
                                        .as(name + " -> " + dep)
                                        .isIn(
                                                "service_started",
                                                "service_healthy",
                                                "service_completed_successfully");
                                if ("service_healthy".equals(condition)) {
                                    assertThat(services.get(dep))
                                            .as(dep + " needs a healthcheck")
                                            .containsKey("healthcheck");
                                }
                            });
                });
    }

    @Test
    void everyServiceHasARestartPolicyAndServersHaveHealthchecks() {
        composeServices()
                .forEach(
                        (name, service) -> {
                            assertThat(service).as(name).containsKey("restart");
                            if ("unless-stopped".equals(service.get("restart"))
                                    && !List.of("taskmanager", "replay").contains(name)) {
                                assertThat(service).as(name).containsKey("healthcheck");
                            }
                        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void namedVolumesAreDeclaredAndFlinkStateIsOnOne() {
        Map<String, Object> declared = (Map<String, Object>) DeployFiles.compose().get("volumes");
        composeServices()
                .forEach(
                        (name, service) -> {
                            for (Object v :
                                    (List<Object>) service.getOrDefault("volumes", List.of())) {
                                String source = v.toString().split(":")[0];
                                if (!source.startsWith(".") && !source.startsWith("/")) {
                                    assertThat(declared).as(name + " volume").containsKey(source);
                                } else {
                                    assertThat(COMPOSE.getParent().resolve(source).normalize())
                                            .as(name + " bind mount")
                                            .exists();
                                }
                            }
                        });
        for (String flink : List.of("jobmanager", "taskmanager")) {
            Map<String, Object> service = composeServices().get(flink);
            assertThat((List<Object>) service.get("volumes")).contains("flink-data:/flink-data");
            String props =
                    ((Map<String, Object>) service.get("environment"))
                            .get("FLINK_PROPERTIES")
                            .toString();
            assertThat(props)
                    .contains("execution.checkpointing.dir: file:///flink-data/")
                    .contains("execution.checkpointing.savepoint-dir: file:///flink-data/");
        }
    }

    @Test
    void kafkaRunsInKraftMode() {
        @SuppressWarnings("unchecked")
        Map<String, Object> env =
                (Map<String, Object>) composeServices().get("kafka").get("environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env).containsKeys("KAFKA_CONTROLLER_QUORUM_VOTERS", "CLUSTER_ID");
        assertThat(env).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void elasticsearchHasSecurityOnAndPasswordsFromTheEnvFile() {
        Map<String, Object> es =
                (Map<String, Object>) composeServices().get("elasticsearch").get("environment");
        assertThat(es.get("xpack.security.enabled")).isEqualTo("true");
        assertThat(es.get("ELASTIC_PASSWORD")).isEqualTo("${ELASTIC_PASSWORD}");
        Map<String, Object> kibana =
                (Map<String, Object>) composeServices().get("kibana").get("environment");
        assertThat(kibana.get("ELASTICSEARCH_PASSWORD")).isEqualTo("${KIBANA_SYSTEM_PASSWORD}");
        Map<String, Object> init =
                (Map<String, Object>) composeServices().get("init").get("environment");
        assertThat(init.get("NEWSPULSE_ES_USERNAME")).isEqualTo("${NEWSPULSE_ES_USERNAME}");
        assertThat(init.get("NEWSPULSE_ES_PASSWORD")).isEqualTo("${NEWSPULSE_ES_PASSWORD}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jobSettingsInTheInitEnvironmentFormAValidConfiguration() {
        Map<String, Object> env =
                (Map<String, Object>) composeServices().get("init").get("environment");
        Map<String, String> resolved = new LinkedHashMap<>();
        env.forEach((k, v) -> resolved.put(k, interpolate(String.valueOf(v))));
        NewspulseConfig cfg = NewspulseConfig.load(Optional.empty(), resolved, List.of());
        assertThat(cfg.elasticsearch().username())
                .isEqualTo(envExample().get("NEWSPULSE_ES_USERNAME"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kibanaKeepsItsKeysAndIsHealthyOnlyWhenAvailable() {
        Map<String, Object> kibana = composeServices().get("kibana");
        Map<String, Object> env = (Map<String, Object>) kibana.get("environment");
        Set<String> keys = new TreeSet<>();
        for (String setting :
                List.of(
                        "XPACK_SECURITY_ENCRYPTIONKEY",
                        "XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY",
                        "XPACK_REPORTING_ENCRYPTIONKEY")) {
            String value = String.valueOf(env.get(setting));
            // From deploy/.env, never a literal in the compose file.
            assertThat(value).as(setting).matches("\\$\\{[A-Z_]+}");
            String example = interpolate(value);
            assertThat(example.length())
                    .as(setting + " in .env.example")
                    .isGreaterThanOrEqualTo(32);
            keys.add(example);
        }
        assertThat(keys).as("three different keys").hasSize(3);
        List<Object> test =
                (List<Object>) ((Map<String, Object>) kibana.get("healthcheck")).get("test");
        String check = String.join(" ", test.stream().map(String::valueOf).toList());
        // A login prompt (401) or a degraded Kibana (503) is not healthy.
        assertThat(check).contains("curl -f").contains("\"level\":\"available\"");
        assertThat(check).doesNotContain("401");
        assertThat(env.get("STATUS_ALLOWANONYMOUS")).isEqualTo("true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTaskManagerHasSlotsForBothJobs() {
        String props =
                ((Map<String, Object>) composeServices().get("taskmanager").get("environment"))
                        .get("FLINK_PROPERTIES")
                        .toString();
        Map<String, Object> init =
                (Map<String, Object>) composeServices().get("init").get("environment");
        // With the values of .env.example and with the compose file's own defaults.
        for (Map<String, String> env : List.of(envExample(), Map.<String, String>of())) {
            Map<String, Integer> conf = new LinkedHashMap<>();
            for (String line : interpolate(props, env).split("\n")) {
                String[] kv = line.split(":\\s*", 2);
                if (kv.length == 2 && kv[1].matches("\\d+")) {
                    conf.put(kv[0].strip(), Integer.parseInt(kv[1]));
                }
            }
            int slots = conf.get("taskmanager.numberOfTaskSlots");
            int submitted =
                    Integer.parseInt(interpolate(init.get("FLINK_PARALLELISM").toString(), env));
            assertThat(slots)
                    .as("slots for two jobs, " + env)
                    .isGreaterThanOrEqualTo(2 * submitted);
            assertThat(slots)
                    .as("slots for two jobs at parallelism.default, " + env)
                    .isGreaterThanOrEqualTo(2 * conf.get("parallelism.default"));
        }
        // Other values are the user's: init.sh checks the free slots before submitting.
        assertThat(DeployFiles.shellCode(read(DeployFiles.INIT_SCRIPT)))
                .contains("slots-available")
                .contains("exit 1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void replayFeedsTheRawTopicOfTheBroker() {
        List<Object> command = (List<Object>) composeServices().get("replay").get("command");
        assertThat(command)
                .startsWith("newspulse", "replay", "--synthetic")
                .containsSequence("--rate", "5")
                .containsSequence("--topic", NewspulseConfig.defaults().topics().raw())
                .containsSequence("--bootstrap", "kafka:9092");
    }

    @Test
    void jobImageServicesBuildTheDockerfile() {
        composeServices()
                .forEach(
                        (name, service) -> {
                            if (!String.valueOf(service.get("image"))
                                    .startsWith("newspulse-job:")) {
                                return;
                            }
                            @SuppressWarnings("unchecked")
                            Map<String, Object> build = (Map<String, Object>) service.get("build");
                            assertThat(build).as(name + " build").isNotNull();
                            assertThat(
                                            Files.isRegularFile(
                                                    COMPOSE.getParent()
                                                            .resolve(
                                                                    build.get("context").toString())
                                                            .resolve(
                                                                    build.get("dockerfile")
                                                                            .toString())
                                                            .normalize()))
                                    .as(name + " dockerfile")
                                    .isTrue();
                        });
    }
}
