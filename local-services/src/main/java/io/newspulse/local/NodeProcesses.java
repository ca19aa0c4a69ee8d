package io.newspulse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's processes: how they are launched (environment, privilege drop, console output), how a
 * process tree is stopped, and how node dirs left behind by dead JVMs are found and pruned.
 *
 * <p>A node dir {@code <workDir>/nodes/run-*} records the pid of the JVM that owns it ({@code
 * owner.pid}) and the node's pid ({@code elasticsearch.pid}); a dir whose owner is gone is
 * abandoned.
 */
final class NodeProcesses {

    /** Prefix of the per-start node dirs, which are pruned once their owner is gone. */
    private static final String RUN_PREFIX = "run-";

    /** The node dir kept across starts. */
    private static final String KEPT_NODE = "kept";

    /** Holds the pid of the JVM that started the node. */
    private static final String OWNER_PID_FILE = "owner.pid";

    /** Written by Elasticsearch ({@code -p}). */
    private static final String NODE_PID_FILE = "elasticsearch.pid";

    /** The node's console output, under its {@code logs} dir. */
    static final String CONSOLE_LOG = "console.log";

    /** Added to the JVM flags of the node and of its command-line tools. */
    static final String QUICK_START_JVM_OPTION = "-XX:TieredStopAtLevel=1";

    private static final Logger LOG = LoggerFactory.getLogger(NodeProcesses.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private NodeProcesses() {}

    /**
     * Starts {@code bin/elasticsearch} of {@code installDir} with the config in {@code configDir},
     * as the node's user when {@code root}, its console output going to {@value #CONSOLE_LOG}.
     */
    static Process launch(Path installDir, Path nodeDir, Path configDir, boolean root)
            throws IOException {
        List<String> command = new ArrayList<>(NodePrivileges.privilegeDrop(root));
        command.add(installDir.resolve("bin").resolve("elasticsearch").toString());
        command.add("-p");
        command.add(nodeDir.resolve(NODE_PID_FILE).toString());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(nodeDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(nodeDir.resolve("logs").resolve(CONSOLE_LOG).toFile());
        configureEnvironment(builder.environment(), configDir, nodeDir.resolve("tmp"));
        LOG.debug("Starting Elasticsearch: {}", command);
        return builder.start();
    }

    /**
     * Sets the environment the Elasticsearch scripts read: this JVM as {@code ES_JAVA_HOME} (the
     * zip bundles no JDK), the node's config and temp dirs, and none of this JVM's own flags.
     */
    static void configureEnvironment(Map<String, String> env, Path configDir, Path tmp) {
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", configDir.toString());
        env.put("ES_TMPDIR", tmp.toString());
        // The scripts warn about (and ignore) these; our own JVM flags must not leak into the node.
        env.remove("JAVA_HOME");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.remove("JAVA_OPTS");
        env.remove("ES_JAVA_OPTS");
        // Appended to the launcher's own small-heap flags.
        env.put("CLI_JAVA_OPTS", QUICK_START_JVM_OPTION);
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to survivors after a grace. */
    static void stopProcessTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !awaitExit(handle, remaining)) {
                break;
            }
        }
        List<ProcessHandle> survivors = tree.stream().filter(ProcessHandle::isAlive).toList();
        if (!survivors.isEmpty()) {
            LOG.warn(
                    "Elasticsearch did not stop within {} s; killing {}",
                    STOP_GRACE.toSeconds(),
                    survivors);
            survivors.forEach(ProcessHandle::destroyForcibly);
            survivors.forEach(handle -> awaitExit(handle, TimeUnit.SECONDS.toNanos(10)));
        }
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Creates a node dir in {@code nodesDir}, owned by this JVM: a fresh {@code run-*} one, or with
     * {@code keep} the one fixed dir {@code kept} that later starts reuse.
     */
    static Path createNodeDir(Path nodesDir, boolean keep) throws IOException {
        Path nodeDir;
        if (keep) {
            nodeDir = nodesDir.resolve(KEPT_NODE);
            Files.createDirectories(nodeDir);
        } else {
            nodeDir = Files.createTempDirectory(nodesDir, RUN_PREFIX);
        }
        Files.setPosixFilePermissions(nodeDir, NodePrivileges.DIR_PERMISSIONS);
        Files.writeString(
                nodeDir.resolve(OWNER_PID_FILE), Long.toString(ProcessHandle.current().pid()));
        return nodeDir;
    }

    /**
     * Deletes node dirs whose owning JVM is gone (killed test JVMs, crashed demos), first killing a
     * node that such a JVM left running.
     */
    static void pruneAbandonedNodes(Path nodesDir) {
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(nodesDir, RUN_PREFIX + "*")) {
            for (Path node : nodes) {
                Optional<Long> owner = readPid(node.resolve(OWNER_PID_FILE));
                if (owner.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                readPid(node.resolve(NODE_PID_FILE))
                        .flatMap(ProcessHandle::of)
                        .filter(NodeProcesses::isElasticsearch)
                        .ifPresent(
                                orphan -> {
                                    LOG.warn(
                                            "Killing abandoned Elasticsearch pid {}", orphan.pid());
                                    orphan.parent()
                                            .filter(NodeProcesses::isElasticsearch)
                                            .ifPresent(ProcessHandle::destroyForcibly);
                                    orphan.destroyForcibly();
                                    awaitExit(orphan, TimeUnit.SECONDS.toNanos(10));
                                });
                FileTrees.deleteRecursively(node);
            }
        } catch (IOException e) {
            LOG.warn("Could not prune abandoned Elasticsearch node dirs in {}", nodesDir, e);
        }
    }

    private static boolean isElasticsearch(ProcessHandle handle) {
        return handle.info()
                .commandLine()
                .map(line -> line.contains("elasticsearch"))
                .orElse(false);
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The last {@code lines} lines of a process's output file, or a note why there are none. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no output)";
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> stream = Files.lines(file, StandardCharsets.UTF_8)) {
            stream.forEach(
                    line -> {
                        if (last.size() == lines) {
                            last.removeFirst();
                        }
                        last.addLast(line);
                    });
        } catch (IOException | UncheckedIOException e) {
            return "(could not read: " + e + ")";
        }
        return String.join("\n", last);
    }
}
