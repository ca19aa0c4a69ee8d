package io.newspulse.local;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node's own configuration, written into its node dir on every start: a copy of the install's
 * config with {@code elasticsearch.yml} for a loopback single node, JVM options that keep the
 * node's files out of the shared install, and, with security on, a file-realm superuser.
 */
final class NodeConfiguration {

    private static final int TOOL_OUTPUT_LINES = 20;

    private NodeConfiguration() {}

    /**
     * Writes the node's config dir and empties its logs and temp dirs (a kept node keeps only its
     * data).
     *
     * @return the config dir, for {@code ES_PATH_CONF}
     */
    static Path write(
            Path installDir, Path nodeDir, int httpPort, LocalElasticsearchOptions options)
            throws IOException {
        Path configDir = nodeDir.resolve("config");
        if (Files.exists(configDir)) {
            FileTrees.deleteRecursively(configDir); // Kept nodes get a fresh config on every start.
        }
        Path dataDir = nodeDir.resolve("data");
        Path logsDir = nodeDir.resolve("logs");
        Path tmpDir = nodeDir.resolve("tmp");
        for (Path dir : List.of(configDir, configDir.resolve("jvm.options.d"), dataDir)) {
            Files.createDirectories(dir);
        }
        if (Files.exists(logsDir)) {
            FileTrees.deleteRecursively(logsDir);
        }
        if (Files.exists(tmpDir)) {
            FileTrees.deleteRecursively(tmpDir);
        }
        Files.createDirectories(logsDir);
        Files.createDirectories(tmpDir);

        try (DirectoryStream<Path> files = Files.newDirectoryStream(installDir.resolve("config"))) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, configDir.resolve(file.getFileName().toString()));
                }
            }
        }

        Path jvmOptions = configDir.resolve("jvm.options");
        Files.writeString(jvmOptions, jvmOptions(Files.readString(jvmOptions), logsDir));
        Path jvmOptionsDir = configDir.resolve("jvm.options.d");
        Files.writeString(jvmOptionsDir.resolve("heap.options"), heapOptions(options.heap()));
        Files.writeString(jvmOptionsDir.resolve("local.options"), localJvmOptions(logsDir));

        Files.writeString(
                configDir.resolve("elasticsearch.yml"),
                elasticsearchYml(
                        httpPort,
                        LocalElasticsearch.freePort(),
                        dataDir,
                        logsDir,
                        options.securityEnabled()));
        return configDir;
    }

    /**
     * The stock {@code jvm.options} with its GC log and crash files moved from the (shared) install
     * dir into {@code logsDir}.
     */
    static String jvmOptions(String stock, Path logsDir) {
        return stock.replace("file=gc.log", "file=" + logsDir.resolve("gc.log"))
                .replace(
                        "-XX:ErrorFile=hs_err_pid%p.log",
                        "-XX:ErrorFile=" + logsDir.resolve("hs_err_pid%p.log"));
    }

    /** Initial and maximum heap, both {@code heap}. */
    static String heapOptions(String heap) {
        return "-Xms" + heap + "\n-Xmx" + heap + "\n";
    }

    /** Quick start and heap dumps into {@code logsDir}. */
    static String localJvmOptions(Path logsDir) {
        // C1 only: on two busy cores it cuts the start from ~50 s to ~15 s; a local node needs no
        // peak throughput.
        return NodeProcesses.QUICK_START_JVM_OPTION + "\n-XX:HeapDumpPath=" + logsDir + "\n";
    }

    /** The node's {@code elasticsearch.yml}: one node on 127.0.0.1, its own data and logs. */
    static String elasticsearchYml(
            int httpPort, int transportPort, Path dataDir, Path logsDir, boolean security) {
        StringBuilder yml = new StringBuilder();
        yml.append("# Written by ").append(LocalElasticsearch.class.getName()).append('\n');
        yml.append("cluster.name: newspulse-local\n");
        yml.append("node.name: newspulse-local\n");
        yml.append("network.host: 127.0.0.1\n");
        yml.append("http.port: ").append(httpPort).append('\n');
        yml.append("transport.port: ").append(transportPort).append('\n');
        yml.append("discovery.type: single-node\n");
        yml.append("path.data: ").append(yamlString(dataDir.toString())).append('\n');
        yml.append("path.logs: ").append(yamlString(logsDir.toString())).append('\n');
        // A nearly full laptop disk must not turn indices read-only in the middle of a demo.
        yml.append("cluster.routing.allocation.disk.threshold_enabled: false\n");
        yml.append("xpack.security.enabled: ").append(security).append('\n');
        if (security) {
            yml.append("xpack.security.http.ssl.enabled: false\n");
            yml.append("xpack.security.transport.ssl.enabled: false\n");
        }
        return yml.toString();
    }

    private static String yamlString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Adds the options' superuser to the node's file realm with {@code bin/elasticsearch-users},
     * run like the node itself (as the node's user when this JVM is root).
     */
    static void addSuperuser(
            Path installDir,
            Path nodeDir,
            Path configDir,
            LocalElasticsearchOptions options,
            boolean root)
            throws IOException {
        List<String> command = new ArrayList<>(NodePrivileges.privilegeDrop(root));
        command.add(installDir.resolve("bin").resolve("elasticsearch-users").toString());
        command.addAll(
                List.of(
                        "useradd",
                        options.superuser(),
                        "-p",
                        options.superuserPassword(),
                        "-r",
                        "superuser"));
        Path output = nodeDir.resolve("logs").resolve("elasticsearch-users.log");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(nodeDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        NodeProcesses.configureEnvironment(
                builder.environment(), configDir, nodeDir.resolve("tmp"));
        Process users = builder.start();
        try {
            if (!users.waitFor(90, TimeUnit.SECONDS)) {
                NodeProcesses.stopProcessTree(users);
                throw new IOException(
                        "elasticsearch-users did not finish in 90 s:\n"
                                + NodeProcesses.tail(output, TOOL_OUTPUT_LINES));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            NodeProcesses.stopProcessTree(users);
            throw new InterruptedIOException("interrupted while adding the superuser");
        }
        if (users.exitValue() != 0) {
            throw new IOException(
                    "elasticsearch-users useradd failed with code "
                            + users.exitValue()
                            + ":\n"
                            + NodeProcesses.tail(output, TOOL_OUTPUT_LINES));
        }
    }
}
