package io.newspulse.e2e.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalKafka;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * One real Kafka broker and one real Elasticsearch node per test JVM, started on first use and
 * stopped by a JVM shutdown hook (failsafe runs all {@code *ITCase} classes in one JVM, and an
 * Elasticsearch start costs 10-20 s). Tests isolate themselves with {@link #uniqueName(String)}
 * topics and indices instead of restarting servers.
 *
 * <p>A server that failed to start is not retried: later calls rethrow the first failure.
 */
public final class SharedServices {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration POLL = Duration.ofMillis(200);

    private static LocalKafka kafka;
    private static LocalElasticsearch elasticsearch;
    private static ElasticsearchClient elasticsearchClient;
    private static RuntimeException kafkaFailure;
    private static RuntimeException elasticsearchFailure;
    private static boolean shutdownHookInstalled;

    private SharedServices() {}

    /** The shared broker, started on first use. */
    public static synchronized LocalKafka kafka() {
        if (kafkaFailure != null) {
            throw kafkaFailure;
        }
        if (kafka == null) {
            installShutdownHook();
            // A broker error during shutdown must not halt the test JVM under the test runner.
            Exit.setExitProcedure(
                    (code, message) ->
                            System.err.println("Kafka asked to exit(" + code + "): " + message));
            Exit.setHaltProcedure(
                    (code, message) ->
                            System.err.println("Kafka asked to halt(" + code + "): " + message));
            try {
                kafka = LocalKafka.start();
            } catch (IOException | RuntimeException e) {
                kafkaFailure = new IllegalStateException("shared Kafka did not start", e);
                throw kafkaFailure;
            }
        }
        return kafka;
    }

    /** The shared Elasticsearch node (default options, security off), started on first use. */
    public static synchronized LocalElasticsearch elasticsearch() {
        if (elasticsearchFailure != null) {
            throw elasticsearchFailure;
        }
        if (elasticsearch == null) {
            installShutdownHook();
            try {
                elasticsearch = LocalElasticsearch.start();
            } catch (IOException | RuntimeException e) {
                elasticsearchFailure =
                        new IllegalStateException("shared Elasticsearch did not start", e);
                throw elasticsearchFailure;
            }
        }
        return elasticsearch;
    }

    /** A client for the shared node; shared too, closed by the shutdown hook. */
    public static synchronized ElasticsearchClient elasticsearchClient() {
        if (elasticsearchClient == null) {
            elasticsearchClient = newElasticsearchClient(elasticsearch());
        }
        return elasticsearchClient;
    }

    /**
     * A new client for any local node (with the superuser's basic auth when its security is on);
     * the caller closes it.
     */
    public static ElasticsearchClient newElasticsearchClient(LocalElasticsearch node) {
        RestClientBuilder rest = RestClient.builder(new HttpHost("127.0.0.1", node.port(), "http"));
        node.basicAuthHeader()
                .ifPresent(
                        header ->
                                rest.setDefaultHeaders(
                                        new BasicHeader[] {
                                            new BasicHeader("Authorization", header)
                                        }));
        return new ElasticsearchClient(
                new RestClientTransport(rest.build(), new JacksonJsonpMapper()));
    }

    /**
     * A fresh name for a topic or index: the prefix lower-cased (Elasticsearch indices must be),
     * characters outside {@code [a-z0-9._-]} replaced, plus a counter and a random suffix.
     */
    public static String uniqueName(String prefix) {
        String clean =
                prefix.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9._-]", "-")
                        .replaceAll("^[-_.]+", "");
        if (clean.isEmpty()) {
            clean = "test";
        }
        return clean
                + "-"
                + COUNTER.incrementAndGet()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Client properties for the shared broker (bootstrap servers only). */
    public static Properties kafkaProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        return props;
    }

    /** Producer properties for the shared broker: String key and value, acks=all, idempotent. */
    public static Properties producerProperties() {
        Properties props = kafkaProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    /**
     * Reads a topic of the shared broker from the beginning of every partition, with {@code
     * read_committed} isolation (transactional sinks' output counts only once committed), until
     * {@code expected} records arrived or {@code deadline} passed. Returns what was read, so a
     * test's size assertion shows the records on failure; records of different partitions are in
     * arrival order.
     */
    public static List<ConsumerRecord<String, String>> readAll(
            String topic, int expected, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        Properties props = kafkaProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < end) {
                partitions =
                        consumer.partitionsFor(topic, POLL).stream()
                                .map(p -> new TopicPartition(p.topic(), p.partition()))
                                .collect(Collectors.toList());
            }
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < expected && System.nanoTime() < end) {
                consumer.poll(POLL).forEach(records::add);
            }
        } catch (TimeoutException e) {
            // Metadata for a topic that does not exist yet; report what was read.
        }
        return records;
    }

    /** Partition count of a topic of the shared broker, for assertions. */
    public static int partitionCount(String topic) {
        Properties props = kafkaProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            return partitions.size();
        }
    }

    private static void installShutdownHook() {
        if (shutdownHookInstalled) {
            return;
        }
        shutdownHookInstalled = true;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(SharedServices::stopAll, "shared-services-shutdown"));
    }

    /**
     * Stops the services. Called when the JUnit launcher session closes (see {@link
     * StopSharedServices}), so that they stop while the test JVM is still fully alive; the shutdown
     * hook is only the fallback.
     */
    static synchronized void stopAll() {
        if (elasticsearchClient != null) {
            try {
                elasticsearchClient.close();
            } catch (IOException | RuntimeException e) {
                // Exiting anyway.
            }
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        elasticsearchClient = null;
        elasticsearch = null;
        kafka = null;
    }
}
