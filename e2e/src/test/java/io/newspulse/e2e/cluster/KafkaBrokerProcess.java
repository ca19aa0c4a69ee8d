package io.newspulse.e2e.cluster;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka broker in a process of its own ({@code kafka.Kafka server.properties}, combined KRaft
 * broker and controller on 127.0.0.1), so that a test can stop and restart it mid-stream: {@link
 * #stop()} and {@link #start()} keep the log dir, the cluster id and both ports, as an operator's
 * rolling restart does. The broker runs on this JVM's classpath (kafka_2.13 and its dependencies
 * come with the Kafka test kit); its output goes to {@code dir/broker-N.out}.
 */
final class KafkaBrokerProcess implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);

    private final Path dir;
    private final Path config;
    private final int port;
    private final Path log4j;
    private final Thread reaper;
    private Process process;
    private int starts;

    private KafkaBrokerProcess(Path dir, int port, int controllerPort, Path log4j)
            throws IOException {
        this.dir = dir;
        this.port = port;
        this.log4j = log4j;
        this.config = dir.resolve("server.properties");
        Path logs = Files.createDirectories(dir.resolve("data"));
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:"
                                + port
                                + ",CONTROLLER://127.0.0.1:"
                                + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "log.dirs=" + logs,
                        "num.partitions=1",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "transaction.state.log.num.partitions=1",
                        "min.insync.replicas=1",
                        "default.replication.factor=1",
                        "group.initial.rebalance.delay.ms=0",
                        ""));
        this.reaper =
                new Thread(
                        () -> {
                            if (process != null) {
                                process.destroyForcibly();
                            }
                        },
                        "kafka-broker-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Formats a log dir under {@code dir} and starts the broker; waits until it answers. */
    static KafkaBrokerProcess start(Path dir, Path log4j) throws IOException {
        Files.createDirectories(dir);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, freePort(), freePort(), log4j);
        broker.format();
        broker.start();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void format() throws IOException {
        List<String> command = java();
        command.addAll(
                List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        clusterId(),
                        "-c",
                        config.toString()));
        Path out = dir.resolve("format.out");
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("formatting the broker's log dir failed:\n" + tail(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted formatting the log dir");
        }
    }

    /** Starts the broker (again) on the same port and log dir; waits until it answers. */
    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker already running");
        }
        starts++;
        List<String> command = java();
        command.addAll(List.of("kafka.Kafka", config.toString()));
        Path out = dir.resolve("broker-" + starts + ".out");
        process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        awaitReady(out);
    }

    /**
     * Stops the broker with SIGTERM (a controlled shutdown: logs flushed, leadership given up) and
     * waits until the process is gone.
     */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
    }

    private void awaitReady(Path out) throws IOException {
        long end = System.nanoTime() + READY.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("the broker exited:\n" + tail(out));
            }
            if (portOpen()) {
                try (Admin admin = Admin.create(props)) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // Listener bound, broker not registered yet.
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for the broker");
            }
        }
        throw new IOException("the broker did not answer within " + READY + ":\n" + tail(out));
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> java() {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xms256m",
                                "-Xmx512m",
                                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                                "-cp",
                                System.getProperty("java.class.path")));
        return command;
    }

    /** A cluster id as {@code kafka-storage.sh random-uuid} prints it (URL-safe base64). */
    private static String clusterId() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    private static String tail(Path out) {
        try {
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
