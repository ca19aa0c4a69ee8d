package io.newspulse.cli.deploy;

import static io.newspulse.cli.deploy.DeployFiles.kubernetesDocuments;
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

    @Test
    void jobArgumentsFormAValidConfiguration() {
        for (JsonNode d : flinkDeployments()) {
            List<String> args = new ArrayList<>();
            d.path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                assertThat(args.get(i)).as("argument %d", i).isEqualTo("--set");
                sets.add(args.get(++i));
            }
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
        for (JsonNode secret : kubernetesDocuments("Secret")) {
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
        }
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
            assertThat(t.path("apiVersion").asText()).startsWith("kafka.strimzi.io/");
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
