package io.newspulse.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewspulseConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        NewspulseConfig c = NewspulseConfig.defaults();
        assertThat(c.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.topics().raw()).isEqualTo("news.raw");
        assertThat(c.windows().size()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.story().ttl()).isEqualTo(Duration.ofHours(48));
        assertThat(c.alerts().kafkaGuarantee()).isEqualTo(NewspulseConfig.Guarantee.EXACTLY_ONCE);
        assertThat(c.checkpoints().stateBackend()).isEqualTo(NewspulseConfig.StateBackend.HASHMAP);
        assertThat(c.parallelism()).isNull();
        assertThat(c.elasticsearch().enabled()).isTrue();
        assertThat(c.elasticsearch().caCertificate()).isNull();
        assertThat(c.elasticsearch().caFingerprint()).isNull();
        assertThat(c.eventTime().minPublishedAt()).isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
    }

    @Test
    void theEventTimeFloorIsAnInstantNotBefore1970() {
        NewspulseConfig lowered =
                NewspulseConfig.load(
                        Optional.empty(),
                        Map.of(),
                        List.of("event_time.min_published_at=1970-01-01T00:00:00+00:00"));
        assertThat(lowered.eventTime().minPublishedAt()).isEqualTo(Instant.EPOCH);
        assertThatThrownBy(
                        () ->
                                NewspulseConfig.load(
                                        Optional.empty(),
                                        Map.of(),
                                        List.of(
                                                "event_time.min_published_at=1900-01-01T00:00:00Z")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must not be before 1970");
        assertThatThrownBy(
                        () ->
                                NewspulseConfig.load(
                                        Optional.empty(),
                                        Map.of(),
                                        List.of("event_time.min_published_at=1990")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void fileThenEnvironmentThenFlags(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prod.yaml");
        Files.writeString(
                file,
                "kafka:\n  bootstrap_servers: file:9092\nwindows:\n  size: 5m\nparallelism: 4\n");
        NewspulseConfig c =
                NewspulseConfig.load(
                        Optional.of(file),
                        Map.of(
                                "NEWSPULSE_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                                "NEWSPULSE_CHECKPOINTS_STATE_BACKEND", "rocksdb"),
                        List.of("windows.size=2m"));
        assertThat(c.kafka().bootstrapServers()).isEqualTo("env:9092");
        assertThat(c.windows().size()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.parallelism()).isEqualTo(4);
        assertThat(c.checkpoints().stateBackend()).isEqualTo(NewspulseConfig.StateBackend.ROCKSDB);
    }

    @Test
    void errorsNameTheKeyTheValueAndItsSource(@TempDir Path dir) throws IOException {
        assertThatThrownBy(
                        () ->
                                NewspulseConfig.load(
                                        Optional.empty(), Map.of(), List.of("windows.size=soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "windows.size = 'soon' (from --set) must be a duration such as 500ms, 30s, 5m,"
                                + " 48h or 7d");
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "kafka:\n  bootstrap_server: x:1\n");
        assertThatThrownBy(() -> NewspulseConfig.load(Optional.of(file), Map.of(), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key 'kafka.bootstrap_server'");
        assertThatThrownBy(
                        () ->
                                NewspulseConfig.load(
                                        Optional.empty(),
                                        Map.of("NEWSPULSE_ALERTS_KAFKA_GUARANTEE", "sometimes"),
                                        List.of()))
                .hasMessageContaining("from environment NEWSPULSE_ALERTS_KAFKA_GUARANTEE")
                .hasMessageContaining("must be one of exactly_once, at_least_once");
        assertThatThrownBy(
                        () ->
                                NewspulseConfig.load(
                                        Optional.empty(),
                                        Map.of(),
                                        List.of("alerts.transaction_timeout=1h")))
                .hasMessageContaining("transaction.max.timeout.ms");
    }

    @Test
    void elasticsearchTrustIsACaCertificateOrAFingerprintOverHttps() {
        NewspulseConfig c =
                NewspulseConfig.load(
                        Optional.empty(),
                        Map.of("NEWSPULSE_ELASTICSEARCH_CA_FINGERPRINT", "AB:CD"),
                        List.of("elasticsearch.hosts=https://es:9200"));
        assertThat(c.elasticsearch().caFingerprint()).isEqualTo("AB:CD");
        assertThat(c.elasticsearch().caCertificate()).isNull();
        String https = "elasticsearch.hosts=https://es:9200";
        String ca = "elasticsearch.ca_certificate=/certs/ca.crt";
        assertThat(withFlags(https, ca).elasticsearch().caCertificate()).isEqualTo("/certs/ca.crt");
        assertThatThrownBy(() -> withFlags(https, ca, "elasticsearch.ca_fingerprint=ab"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("elasticsearch.ca_fingerprint")
                .hasMessageContaining("use one of them");
        assertThatThrownBy(() -> withFlags(ca))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("elasticsearch.hosts")
                .hasMessageContaining("https://");
    }

    private static NewspulseConfig withFlags(String... sets) {
        return NewspulseConfig.load(Optional.empty(), Map.of(), List.of(sets));
    }

    @Test
    void secretsComeFromTheEnvironmentAndNeverPrint() {
        NewspulseConfig c =
                NewspulseConfig.load(
                        Optional.empty(),
                        Map.of(
                                "NEWSPULSE_ES_USERNAME", "writer",
                                "NEWSPULSE_ES_PASSWORD", "s3cret-es",
                                "NEWSPULSE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                                "NEWSPULSE_KAFKA_SASL_USERNAME", "svc",
                                "NEWSPULSE_KAFKA_SASL_PASSWORD", "s3cret-kafka"),
                        List.of());
        assertThat(c.elasticsearch().username()).isEqualTo("writer");
        assertThat(c.kafka().clientProperties())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .hasEntrySatisfying(
                        "sasl.jaas.config",
                        v -> assertThat(v).contains("ScramLoginModule").contains("s3cret-kafka"));
        assertThat(c.toString()).doesNotContain("s3cret-es").doesNotContain("s3cret-kafka");
        assertThatThrownBy(
                        () ->
                                NewspulseConfig.load(
                                        Optional.empty(),
                                        Map.of("NEWSPULSE_ES_USERNAME", "x"),
                                        List.of()))
                .hasMessageContaining("set both NEWSPULSE_ES_USERNAME and NEWSPULSE_ES_PASSWORD");
    }

    @Test
    void aTruststoreForSaslSslComesFromTheEnvironmentToo() {
        Map<String, String> env =
                Map.of(
                        "NEWSPULSE_ES_USERNAME", "writer",
                        "NEWSPULSE_ES_PASSWORD", "s3cret-es",
                        "NEWSPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "NEWSPULSE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
                        "NEWSPULSE_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                        "NEWSPULSE_KAFKA_SSL_TRUSTSTORE_PASSWORD", "s3cret-store");
        NewspulseConfig c = NewspulseConfig.load(Optional.empty(), env, List.of());
        assertThat(c.kafka().clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "s3cret-store");
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThat(Secrets.from(env).toString()).doesNotContain("s3cret").contains("writer");
        assertThatThrownBy(
                        () -> Secrets.from(Map.of("NEWSPULSE_KAFKA_SSL_TRUSTSTORE_PASSWORD", "x")))
                .hasMessageContaining("NEWSPULSE_KAFKA_SSL_TRUSTSTORE_LOCATION");
    }
}
