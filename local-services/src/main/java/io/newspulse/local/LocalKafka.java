package io.newspulse.local;

import io.newspulse.common.model.RecordSizes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker inside this JVM: one combined KRaft broker and controller from Kafka's {@code
 * KafkaClusterTestKit}, for {@code bin/newspulse demo} and the integration tests.
 *
 * <p>The client listener is bound to {@code 127.0.0.1}, either on a free port ({@link #start()}) or
 * on a fixed one ({@link #start(int)}, e.g. 9092 for the demo). The controller listener is internal
 * to the kit, which pre-binds it on a free port of the wildcard address. The offsets and
 * transaction-state topics have replication factor and min ISR 1 (one partition each, so the first
 * consumer group and the first transaction do not wait for 50 partitions); {@code
 * transaction.max.timeout.ms} keeps its default of 15 minutes. Log and metadata dirs live in a
 * temporary directory that {@link #close()} deletes.
 *
 * <p>The kit comes from {@code org.apache.kafka:kafka-test-common-runtime}, which must have the
 * same version as {@code kafka-clients}. It is not in the shaded job jar; local runs find it in
 * {@code cli/target/lib}.
 */
public final class LocalKafka implements AutoCloseable {
    private static final String MAX_MESSAGE_BYTES = Integer.toString(RecordSizes.MAX_MESSAGE_BYTES);

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final ListenerName CLIENT_LISTENER = new ListenerName("CLIENT");

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private boolean closed;

    private LocalKafka(KafkaClusterTestKit cluster, String bootstrapServers) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker whose client listener is on a free port of 127.0.0.1. */
    public static LocalKafka start() throws IOException {
        return start(0);
    }

    /**
     * Starts a broker whose client listener is on {@code 127.0.0.1:port} (0 picks a free port).
     *
     * @throws IOException if the broker cannot start, e.g. because the port is taken
     */
    public static LocalKafka start(int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        long started = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes =
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build();
            String brokerListener = nodes.brokerListenerName().value();
            String controllerListener = nodes.controllerListenerName().value();
            // The kit pre-binds its own listeners on free ports of the wildcard address and ignores
            // their configured ports, so clients get a listener of their own, bound as asked.
            KafkaClusterTestKit.Builder builder =
                    new KafkaClusterTestKit.Builder(nodes)
                            .setDeleteOnClose(true)
                            .setConfigProp(
                                    "listeners",
                                    brokerListener
                                            + "://localhost:0,"
                                            + controllerListener
                                            + "://localhost:0,"
                                            + CLIENT_LISTENER.value()
                                            + "://127.0.0.1:"
                                            + port)
                            .setConfigProp(
                                    "listener.security.protocol.map",
                                    brokerListener
                                            + ":"
                                            + nodes.brokerListenerProtocol().name
                                            + ","
                                            + controllerListener
                                            + ":"
                                            + nodes.controllerListenerProtocol().name
                                            + ","
                                            + CLIENT_LISTENER.value()
                                            + ":PLAINTEXT");
            brokerSettings().forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            int boundPort = cluster.brokers().values().iterator().next().boundPort(CLIENT_LISTENER);
            LocalKafka kafka = new LocalKafka(cluster, "127.0.0.1:" + boundPort);
            LOG.info(
                    "Kafka ready at {} in {} ms",
                    kafka.bootstrapServers,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return kafka;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(cluster);
            throw new InterruptedIOException("interrupted while starting Kafka");
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IOException(
                    "Kafka did not start"
                            + (port == 0 ? "" : " on 127.0.0.1:" + port + " (is it taken?)")
                            + ": "
                            + e,
                    e);
        }
    }

    private static Map<String, String> brokerSettings() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "1",
                "min.insync.replicas", "1",
                "default.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                // Topics created on first use accept the largest record too.
                "message.max.bytes", MAX_MESSAGE_BYTES);
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics with the given number of partitions and replication factor 1, accepting
     * records as large as the jobs write ({@link RecordSizes#MAX_MESSAGE_BYTES}); topics that
     * already exist are left as they are.
     */
    public void createTopics(int partitions, String... topics) throws IOException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        if (topics.length == 0) {
            return;
        }
        List<NewTopic> newTopics =
                Arrays.stream(topics)
                        .map(
                                t ->
                                        new NewTopic(t, partitions, (short) 1)
                                                .configs(
                                                        Map.of(
                                                                "max.message.bytes",
                                                                MAX_MESSAGE_BYTES)))
                        .toList();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IOException(
                                "could not create topic " + result.getKey(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IOException("timed out creating topic " + result.getKey(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while creating topics");
        }
    }

    /** Stops the broker and deletes its log dirs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(cluster);
        LOG.info("Kafka at {} stopped", bootstrapServers);
    }

    @Override
    public String toString() {
        return "LocalKafka{" + bootstrapServers + "}";
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Error while stopping Kafka", e);
        }
    }
}
