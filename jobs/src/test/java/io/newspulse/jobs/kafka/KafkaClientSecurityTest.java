package io.newspulse.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.connector.elasticsearch.ElasticsearchSink;
import io.newspulse.jobs.enrichment.EnrichmentJob;
import io.newspulse.jobs.indexing.KafkaDeadLetterHandler;
import io.newspulse.jobs.signals.SignalsJob;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.SinkTransformation;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.junit.jupiter.api.Test;

/**
 * The Kafka security settings of the environment (SASL_SSL with SCRAM and a private CA's
 * truststore) reach every Kafka client both jobs build: the two sources, the four Kafka sinks and
 * the dead-letter producers of the three Elasticsearch sinks.
 */
class KafkaClientSecurityTest {
    private static final Map<String, String> ENV =
            Map.of(
                    "NEWSPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                    "NEWSPULSE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                    "NEWSPULSE_KAFKA_SASL_USERNAME", "newspulse",
                    "NEWSPULSE_KAFKA_SASL_PASSWORD", "kafka-s3cret",
                    "NEWSPULSE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.pem",
                    "NEWSPULSE_KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");

    @Test
    void everyKafkaClientOfBothJobsGetsTheSaslSslSettings() throws Exception {
        NewspulseConfig cfg = NewspulseConfig.load(Optional.empty(), ENV, List.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EnrichmentJob.build(
                env, cfg, EnrichmentJob.source(cfg), EnrichmentJob.productionSinks(cfg));
        SignalsJob.build(env, cfg, SignalsJob.source(cfg), SignalsJob.productionSinks(cfg));

        List<Properties> sources = new ArrayList<>();
        List<Properties> sinks = new ArrayList<>();
        List<Properties> deadLetterProducers = new ArrayList<>();
        for (Transformation<?> t : allTransformations(env)) {
            if (t instanceof SourceTransformation<?, ?, ?> s
                    && s.getSource() instanceof KafkaSource<?> k) {
                sources.add(sourceProperties(k));
            } else if (t instanceof SinkTransformation<?, ?> s) {
                if (s.getSink() instanceof KafkaSink<?> k) {
                    sinks.add(producerProperties(k));
                } else if (s.getSink() instanceof ElasticsearchSink<?> es) {
                    deadLetterProducers.add(
                            ((KafkaDeadLetterHandler) es.getFailureHandler()).producerProperties());
                }
            }
        }

        assertThat(sources).hasSize(2);
        assertThat(sinks).hasSize(4);
        assertThat(deadLetterProducers).hasSize(3);
        List<Properties> all = new ArrayList<>(sources);
        all.addAll(sinks);
        all.addAll(deadLetterProducers);
        assertThat(all)
                .allSatisfy(
                        p -> {
                            assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
                            assertThat(p.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
                            assertThat(p.getProperty("sasl.jaas.config"))
                                    .isEqualTo(
                                            "org.apache.kafka.common.security.scram.ScramLoginModule"
                                                    + " required username=\"newspulse\""
                                                    + " password=\"kafka-s3cret\";");
                            assertThat(p.getProperty("ssl.truststore.location"))
                                    .isEqualTo("/etc/kafka/ca.pem");
                            assertThat(p.getProperty("ssl.truststore.type")).isEqualTo("PEM");
                        });
        // Not configuration keys: nothing of them in the effective configuration the web UI shows.
        assertThat(cfg.effective().toString())
                .doesNotContain("kafka-s3cret")
                .doesNotContain("SCRAM");
        assertThat(cfg.toString()).doesNotContain("kafka-s3cret");
    }

    private static Set<Transformation<?>> allTransformations(StreamExecutionEnvironment env) {
        Set<Transformation<?>> all = new LinkedHashSet<>();
        for (Transformation<?> t : env.getTransformations()) {
            all.addAll(t.getTransitivePredecessors());
        }
        return all;
    }

    /** The properties the source hands its consumers (a package-private accessor of the source). */
    private static Properties sourceProperties(KafkaSource<?> source) throws Exception {
        Method m = KafkaSource.class.getDeclaredMethod("getConfiguration");
        m.setAccessible(true);
        Configuration c = (Configuration) m.invoke(source);
        Properties p = new Properties();
        p.putAll(c.toMap());
        return p;
    }

    /** The producer properties of the sink (a protected accessor of the sink). */
    private static Properties producerProperties(KafkaSink<?> sink) throws Exception {
        Method m = KafkaSink.class.getDeclaredMethod("getKafkaProducerConfig");
        m.setAccessible(true);
        return (Properties) m.invoke(sink);
    }
}
