package io.newspulse.cli.deploy;

import static io.newspulse.cli.deploy.DeployFiles.SECRETS_TEMPLATE;
import static io.newspulse.cli.deploy.DeployFiles.commentedDocuments;
import static io.newspulse.cli.deploy.DeployFiles.kubernetesDocuments;
import static io.newspulse.cli.deploy.DeployFiles.savepointDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.common.config.NewspulseConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes/: operator resources that deploy both jobs safely. */
class KubernetesDeployTest {
    /** Secrets the manifests may use without defining them: ECK creates this one. */
    private static final Set<String> GENERATED_SECRETS = Set.of("newspulse-es-elastic-user");

    private static List<JsonNode> flinkDeployments() {
        return kubernetesDocuments("FlinkDeployment");
    }

    @Test
    void everyDocumentIsAKubernetesObject() {
        assertThat(kubernetesDocuments()).isNotEmpty();
        for (JsonNode doc : kubernetesDocuments()) {
            assertThat(doc.path("apiVersion").asText()).as(doc.toString()).isNotEmpty();
            assertThat(doc.path("kind").asText()).as(doc.toString()).isNotEmpty();
            assertThat(doc.path("metadata").path("name").asText()).as(doc.toString()).isNotEmpty();
        }
    }

    @Test
    void oneFlinkDeploymentPerJob() {
        assertThat(flinkDeployments())
                .extracting(d -> d.path("spec").path("job").path("entryClass").asText())
                .containsExactlyInAnyOrder(
                        "io.newspulse.jobs.enrichment.EnrichmentJob",
                        "io.newspulse.jobs.signals.SignalsJob");
        for (JsonNode d : flinkDeployments()) {
            assertThat(d.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
            assertThat(d.path("spec").path("flinkVersion").asText()).isEqualTo("v2_2");
        }
    }

    @Test
    void jobsUpgradeWithSavepointsUnderKubernetesHa() {
        for (JsonNode d : flinkDeployments()) {
            String name = d.path("metadata").path("name").asText();
            JsonNode job = d.path("spec").path("job");
            JsonNode conf = d.path("spec").path("flinkConfiguration");
            assertThat(job.path("upgradeMode").asText()).as(name).isEqualTo("savepoint");
            assertThat(job.path("state").asText()).as(name).isEqualTo("running");
            assertThat(job.path("parallelism").asInt()).as(name).isPositive();
            assertThat(conf.path("high-availability.type").asText())
                    .as(name)
                    .isEqualTo("kubernetes");
            for (String key :
                    List.of(
                            "execution.checkpointing.dir",
                            "execution.checkpointing.savepoint-dir",
                            "high-availability.storageDir")) {
                // Durable, shared storage: never a pod-local file:// path.
                assertThat(conf.path(key).asText())
                        .as(name + " " + key)
                        .matches("(s3|s3a|gs|abfss|hdfs)://.+");
            }
            for (String part : List.of("jobManager", "taskManager")) {
                JsonNode resource = d.path("spec").path(part).path("resource");
                assertThat(resource.path("memory").asText()).as(name + " " + part).isNotEmpty();
                assertThat(resource.path("cpu").isMissingNode()).as(name + " " + part).isFalse();
            }
        }
    }

    /** The {@code --set} values of a deployment's job arguments. */
    private static List<String> jobSets(JsonNode deployment) {
        List<String> args = new ArrayList<>();
        deployment.path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            assertThat(args.get(i)).as("argument %d", i).isEqualTo("--set");
            sets.add(args.get(++i));
        }
        return sets;
    }

    @Test
    void jobArgumentsFormAValidConfiguration() {
        for (JsonNode d : flinkDeployments()) {
            List<String> sets = jobSets(d);
            Map<String, String> env = new HashMap<>();
            envNames(d).forEach(n -> env.put(n, "x"));
            env.put("NEWSPULSE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            NewspulseConfig cfg = NewspulseConfig.load(Optional.empty(), env, sets);
            assertThat(cfg.warnings()).as("no deprecated or removed keys").isEmpty();
            // job.parallelism applies only when newspulse's own key is left empty.
            assertThat(cfg.parallelism()).isNull();
            assertThat(cfg.checkpoints().dir()).isNull();
        }
    }

    @Test
    void secretsComeFromSecretsThatTheTemplatesDefine() {
        Map<String, Set<String>> defined = new LinkedHashMap<>();
        List<JsonNode> secrets = new ArrayList<>(kubernetesDocuments("Secret"));
        Set<String> options = new HashSet<>();
        for (JsonNode option : commentedDocuments(SECRETS_TEMPLATE)) {
            secrets.add(option);
            options.add(option.path("metadata").path("name").asText());
        }
        for (JsonNode secret : secrets) {
            Set<String> keys = new HashSet<>();
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            defined.put(secret.path("metadata").path("name").asText(), keys);
            secret.path("stringData")
                    .fields()
                    .forEachRemaining(
                            e -> {
                                if (e.getKey().contains("password")
                                        || e.getKey().contains("SECRET")) {
                                    assertThat(e.getValue().asText())
                                            .as(e.getKey())
                                            .startsWith("CHANGE-ME");
                                }
                            });
        }
        List<JsonNode> refs = new ArrayList<>();
        kubernetesDocuments().forEach(doc -> doc.findParents("secretKeyRef").forEach(refs::add));
        assertThat(refs).isNotEmpty();
        for (JsonNode valueFrom : refs) {
            JsonNode ref = valueFrom.path("secretKeyRef");
            String name = ref.path("name").asText();
            if (GENERATED_SECRETS.contains(name)) {
                continue;
            }
            assertThat(defined).as("secret of " + ref).containsKey(name);
            assertThat(defined.get(name)).as(name).contains(ref.path("key").asText());
            if (options.contains(name)) {
                // A commented-out Secret is absent unless the operator opts in.
                assertThat(ref.path("optional").asBoolean()).as("optional " + ref).isTrue();
            }
        }
    }

    @Test
    void secretTemplateDefaultsMatchThePlainSetup() {
        // Applied as shipped: only the writer account; Kafka stays PLAINTEXT and S3 access
        // comes from the service account, as the README's prerequisites describe.
        List<JsonNode> active = kubernetesDocuments("Secret");
        assertThat(active)
                .extracting(s -> s.path("metadata").path("name").asText())
                .containsExactly("newspulse-es-writer");
        for (JsonNode secret : active) {
            Set<String> keys = new HashSet<>();
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("username", "password");
        }
        for (JsonNode d : flinkDeployments()) {
            assertThat(String.join(" ", jobSets(d)))
                    .contains("kafka.bootstrap_servers=newspulse-kafka-bootstrap.kafka.svc:9092");
        }
        // The options are there to uncomment, complete and valid.
        Map<String, JsonNode> options = new LinkedHashMap<>();
        for (JsonNode option : commentedDocuments(SECRETS_TEMPLATE)) {
            assertThat(option.path("kind").asText()).isEqualTo("Secret");
            options.put(option.path("metadata").path("name").asText(), option.path("stringData"));
        }
        assertThat(options).containsOnlyKeys("newspulse-kafka-client", "newspulse-s3");
        JsonNode kafka = options.get("newspulse-kafka-client");
        assertThat(kafka.path("security_protocol").asText()).isEqualTo("SASL_SSL");
        assertThat(kafka.path("sasl_mechanism").asText()).isNotEmpty();
        assertThat(kafka.path("sasl_password").asText()).startsWith("CHANGE-ME");
        assertThat(options.get("newspulse-s3").path("AWS_ACCESS_KEY_ID").asText())
                .startsWith("CHANGE-ME");
        String readme = DeployFiles.read(DeployFiles.KUBERNETES_README);
        assertThat(readme).contains("PLAINTEXT", "SASL_SSL", "newspulse-s3");
    }

    @Test
    void savepointsAreFlinkStateSnapshotsOfTheDeployments() {
        Set<String> deployments = new HashSet<>();
        flinkDeployments().forEach(d -> deployments.add(d.path("metadata").path("name").asText()));
        List<JsonNode> snapshots = savepointDocuments();
        assertThat(snapshots).hasSameSizeAs(flinkDeployments());
        Set<String> targets = new HashSet<>();
        for (JsonNode s : snapshots) {
            assertThat(s.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
            assertThat(s.path("kind").asText()).isEqualTo("FlinkStateSnapshot");
            // Created on demand: every `kubectl create` makes a new snapshot resource.
            assertThat(s.path("metadata").path("generateName").asText()).endsWith("-");
            assertThat(s.path("metadata").path("namespace").asText()).isEqualTo("newspulse");
            JsonNode job = s.path("spec").path("jobReference");
            assertThat(job.path("kind").asText()).isEqualTo("FlinkDeployment");
            targets.add(job.path("name").asText());
            assertThat(s.path("spec").path("savepoint").isObject()).isTrue();
            assertThat(s.path("spec").has("checkpoint")).isFalse();
        }
        assertThat(targets).isEqualTo(deployments);
        // The nonce fields are deprecated since operator 1.10: nothing may rely on them.
        for (JsonNode d : flinkDeployments()) {
            JsonNode job = d.path("spec").path("job");
            assertThat(job.has("savepointTriggerNonce")).isFalse();
            assertThat(job.has("checkpointTriggerNonce")).isFalse();
            assertThat(job.has("initialSavepointPath")).isFalse();
        }
        String readme = DeployFiles.read(DeployFiles.KUBERNETES_README);
        assertThat(readme).contains("kubectl create -f deploy/kubernetes/savepoints/");
        for (String line : readme.split("\n")) {
            if (line.contains("savepointTriggerNonce") || line.contains("initialSavepointPath")) {
                assertThat(line).as("README").contains("deprecated");
            }
        }
    }

    @Test
    void elasticsearchNodesGetTheirVirtualMemoryLimit() {
        for (JsonNode es : kubernetesDocuments("Elasticsearch")) {
            for (JsonNode nodeSet : es.path("spec").path("nodeSets")) {
                String name = nodeSet.path("name").asText();
                // mmap stays on (upstream's production advice), so every node needs the sysctl.
                assertThat(nodeSet.path("config").path("node.store.allow_mmap").asBoolean(true))
                        .as(name)
                        .isTrue();
                List<JsonNode> sysctl = new ArrayList<>();
                nodeSet.path("podTemplate")
                        .path("spec")
                        .path("initContainers")
                        .forEach(
                                c -> {
                                    if (c.path("command").toString().contains("vm.max_map_count")) {
                                        sysctl.add(c);
                                    }
                                });
                assertThat(sysctl).as(name + " sysctl init container").hasSize(1);
                JsonNode init = sysctl.get(0);
                assertThat(init.path("securityContext").path("privileged").asBoolean()).isTrue();
                Matcher value =
                        Pattern.compile("vm\\.max_map_count=(\\d+)")
                                .matcher(init.path("command").toString());
                assertThat(value.find()).isTrue();
                assertThat(Long.parseLong(value.group(1))).isGreaterThanOrEqualTo(1_048_576L);
            }
        }
        String readme = DeployFiles.read(DeployFiles.KUBERNETES_README);
        String prerequisites =
                readme.substring(readme.indexOf("## Prerequisites"), readme.indexOf("## Apply"));
        assertThat(prerequisites).contains("vm.max_map_count", "1048576", "DaemonSet");
    }

    @Test
    void jobPodsGetTheEsAndKafkaSecretsFromTheEnvironment() {
        for (JsonNode d : flinkDeployments()) {
            assertThat(envNames(d))
                    .contains(
                            "NEWSPULSE_ES_USERNAME",
                            "NEWSPULSE_ES_PASSWORD",
                            "NEWSPULSE_KAFKA_SECURITY_PROTOCOL",
                            "NEWSPULSE_KAFKA_SASL_MECHANISM",
                            "NEWSPULSE_KAFKA_SASL_USERNAME",
                            "NEWSPULSE_KAFKA_SASL_PASSWORD");
            // Secrets never appear as literal values in the manifests.
            d.findValues("env")
                    .forEach(
                            list ->
                                    list.forEach(
                                            e -> {
                                                String name = e.path("name").asText();
                                                if (DeployFiles.documentedSecretEnvNames()
                                                        .contains(name)) {
                                                    assertThat(
                                                                    e.path("valueFrom")
                                                                            .path("secretKeyRef")
                                                                            .isObject())
                                                            .as(name)
                                                            .isTrue();
                                                }
                                            }));
        }
    }

    @Test
    void kafkaTopicsAreTheFourTopicsOfTheJobs() {
        NewspulseConfig.Topics topics = NewspulseConfig.defaults().topics();
        List<JsonNode> kafkaTopics = kubernetesDocuments("KafkaTopic");
        assertThat(kafkaTopics)
                .extracting(
                        t ->
                                t.path("spec").has("topicName")
                                        ? t.path("spec").path("topicName").asText()
                                        : t.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder(
                        topics.raw(), topics.enriched(), topics.alerts(), topics.dlq());
        for (JsonNode t : kafkaTopics) {
            // Strimzi 1.0 serves only v1; v1beta2 fails with "no matches for kind KafkaTopic".
            assertThat(t.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
            // The v1 KafkaTopic schema: a required spec with these fields only.
            assertThat(t.path("spec").isObject()).isTrue();
            List<String> fields = new ArrayList<>();
            t.path("spec").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).isSubsetOf("partitions", "replicas", "config", "topicName");
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isNotEmpty();
            assertThat(t.path("spec").path("partitions").asInt()).isPositive();
            assertThat(t.path("spec").path("replicas").asInt()).isPositive();
        }
    }

    @Test
    void elasticsearchAndKibanaAreTheSameEightNineteenRelease() {
        List<JsonNode> es = kubernetesDocuments("Elasticsearch");
        List<JsonNode> kibana = kubernetesDocuments("Kibana");
        assertThat(es).hasSize(1);
        assertThat(kibana).hasSize(1);
        String version = es.get(0).path("spec").path("version").asText();
        assertThat(version).matches("8\\.19\\.\\d+");
        assertThat(kibana.get(0).path("spec").path("version").asText()).isEqualTo(version);
        assertThat(kibana.get(0).path("spec").path("elasticsearchRef").path("name").asText())
                .isEqualTo(es.get(0).path("metadata").path("name").asText());
    }

    private static Set<String> envNames(JsonNode doc) {
        Set<String> names = new HashSet<>();
        doc.findValues("env")
                .forEach(list -> list.forEach(e -> names.add(e.path("name").asText())));
        return names;
    }
}
