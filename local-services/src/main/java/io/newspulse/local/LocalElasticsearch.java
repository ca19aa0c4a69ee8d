package io.newspulse.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch, started as a child process from the integration-test
 * distribution zip ({@value #VERSION}), for {@code bin/newspulse demo} and the integration tests.
 *
 * <p>The zip is unpacked once into {@code <workDir>/elasticsearch-<version>} and reused by later
 * starts, also by other JVMs. Each start gets its own node directory under {@code <workDir>/nodes}
 * (config, data, logs, temp files, the node's console output) that {@link #close()} deletes, unless
 * {@link LocalElasticsearchOptions#keepData()} asks to keep one fixed node directory. The node runs
 * on the current JVM ({@code java.home}, passed as {@code ES_JAVA_HOME}), since the zip has no
 * bundled JDK.
 *
 * <p>Elasticsearch refuses to run as root. When this JVM runs as root (as CI does), the install and
 * node directories are handed to uid/gid {@value #UNPRIVILEGED_ID} (nobody) and the node is started
 * through {@code setpriv}. If that user cannot enter the requested work dir (e.g. one under {@code
 * /root}, mode 0700), the node works under {@code <java.io.tmpdir>/newspulse-cache/<requested path
 * made a file name>} instead, and says so in the log.
 *
 * <p>This class composes the parts and probes readiness: {@link ElasticsearchDistribution} (finding
 * and unpacking the zip), {@link NodeConfiguration} (the node's config files and superuser), {@link
 * NodePrivileges} (root, ownership and directories the node's user can enter) and {@link
 * NodeProcesses} (launching, stopping and pruning abandoned node dirs).
 *
 * <p>The zip lacks most modules (no ingest processors, data streams, ILM or analysis-common) and
 * answers {@code GET /} with 405; readiness is therefore probed with {@code GET
 * /_cluster/health?wait_for_status=yellow}.
 *
 * <p>An instance belongs to one owner; {@link #close()} is safe to call from any thread and more
 * than once. A JVM shutdown hook closes a node its owner forgot.
 */
public final class LocalElasticsearch implements AutoCloseable {

    /** The Elasticsearch server version of the distribution zip. */
    public static final String VERSION = "8.19.21";

    /**
     * System property naming the directory that holds {@code elasticsearch.zip} (set by failsafe to
     * {@code e2e/target/services} and by {@code bin/newspulse} to {@code cli/target/services}).
     */
    public static final String SERVICES_DIR_PROPERTY = "newspulse.services.dir";

    /** The uid and gid the node runs as when this JVM runs as root (nobody). */
    public static final int UNPRIVILEGED_ID = 65534;

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 60;

    private final LocalElasticsearchOptions options;
    private final Path installDir;
    private final Path nodeDir;
    private final boolean freshlyUnpacked;
    private final int port;
    private final Process process;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalElasticsearch(
            LocalElasticsearchOptions options,
            Path installDir,
            Path nodeDir,
            boolean freshlyUnpacked,
            int port,
            Process process) {
        this.options = options;
        this.installDir = installDir;
        this.nodeDir = nodeDir;
        this.freshlyUnpacked = freshlyUnpacked;
        this.port = port;
        this.process = process;
        this.shutdownHook = new Thread(this::close, "local-elasticsearch-shutdown");
    }

    /** Starts a node with {@link LocalElasticsearchOptions#defaults()}. */
    public static LocalElasticsearch start() throws IOException {
        return start(LocalElasticsearchOptions.defaults());
    }

    /**
     * Unpacks the distribution if needed, starts a node and waits until it answers cluster health
     * yellow.
     *
     * @throws IOException if the zip is missing, the node cannot be configured, or it exits or does
     *     not become ready within {@link LocalElasticsearchOptions#startupTimeout()} (the message
     *     then carries the tail of the node's console output)
     */
    public static LocalElasticsearch start(LocalElasticsearchOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        boolean root = NodePrivileges.runningAsRoot();
        Path zip = options.zip();
        if (!Files.isRegularFile(zip)) {
            throw new IOException(
                    "Elasticsearch distribution not found at "
                            + zip
                            + " (looked in "
                            + ElasticsearchDistribution.defaultZipCandidates()
                            + "); run ./mvnw -pl cli -am package to fetch it");
        }
        Path requested = options.workDir().toAbsolutePath().normalize();
        Path workDir =
                NodePrivileges.workDirFor(
                        requested, root, Path.of(System.getProperty("java.io.tmpdir")));
        if (!workDir.equals(requested)) {
            // e.g. ~/.cache under /root (0700): the node's user could not enter it.
            LOG.info(
                    "uid {} cannot enter {}; Elasticsearch works in {} instead",
                    UNPRIVILEGED_ID,
                    requested,
                    workDir);
        }
        NodePrivileges.createTraversableDirectories(workDir);
        if (root) {
            NodePrivileges.requireTraversableByOthers(workDir);
        }

        Path installDir = ElasticsearchDistribution.installDir(workDir);
        boolean unpacked =
                ElasticsearchDistribution.ensureInstalled(zip, workDir, installDir, root);

        Path nodesDir = workDir.resolve("nodes");
        NodePrivileges.createTraversableDirectories(nodesDir);
        NodeProcesses.pruneAbandonedNodes(nodesDir);
        Path nodeDir = NodeProcesses.createNodeDir(nodesDir, options.keepData());

        int httpPort = options.httpPort() == 0 ? freePort() : options.httpPort();
        Process process = null;
        try {
            Path configDir = NodeConfiguration.write(installDir, nodeDir, httpPort, options);
            if (root) {
                NodePrivileges.chownToUnprivileged(nodeDir);
            }
            if (options.securityEnabled()) {
                NodeConfiguration.addSuperuser(installDir, nodeDir, configDir, options, root);
            }
            process = NodeProcesses.launch(installDir, nodeDir, configDir, root);
            LocalElasticsearch node =
                    new LocalElasticsearch(
                            options, installDir, nodeDir, unpacked, httpPort, process);
            node.awaitReady(options.startupTimeout());
            Runtime.getRuntime().addShutdownHook(node.shutdownHook);
            LOG.info(
                    "Elasticsearch {} ready at {} in {} ms ({} install, node dir {})",
                    VERSION,
                    node.url(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    unpacked ? "freshly unpacked" : "reused",
                    nodeDir);
            return node;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                NodeProcesses.stopProcessTree(process);
            }
            // The node dir stays for inspection; a later start in another JVM prunes it.
            throw e;
        }
    }

    /** The HTTP base URL, e.g. {@code http://127.0.0.1:9200}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** The options this node was started with. */
    public LocalElasticsearchOptions options() {
        return options;
    }

    /** The unpacked distribution, shared by all nodes that use the same work dir. */
    public Path installDir() {
        return installDir;
    }

    /** This node's own directory (config, data, logs). */
    public Path nodeDir() {
        return nodeDir;
    }

    /** Whether this start unpacked the zip (false when it reused an earlier unpack). */
    public boolean freshlyUnpacked() {
        return freshlyUnpacked;
    }

    /** Whether the node process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** The value of an HTTP {@code Authorization} header for the superuser, if security is on. */
    public Optional<String> basicAuthHeader() {
        if (!options.securityEnabled()) {
            return Optional.empty();
        }
        String token = options.superuser() + ":" + options.superuserPassword();
        return Optional.of(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Stops the node (SIGTERM to the process tree, then SIGKILL after a grace period) and deletes
     * its node directory unless {@link LocalElasticsearchOptions#keepData()}.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // The JVM is exiting; nothing to unregister.
            }
        }
        NodeProcesses.stopProcessTree(process);
        if (!options.keepData()) {
            try {
                FileTrees.deleteRecursively(nodeDir);
            } catch (IOException e) {
                LOG.warn("Could not delete Elasticsearch node dir {}", nodeDir, e);
            }
        }
        LOG.info("Elasticsearch at {} stopped", url());
    }

    @Override
    public String toString() {
        return "LocalElasticsearch{" + url() + ", nodeDir=" + nodeDir + "}";
    }

    // ---------------------------------------------------------------------------------------
    // Readiness

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                uri(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                        .timeout(Duration.ofSeconds(10))
                        .GET();
        basicAuthHeader().ifPresent(header -> request.header("Authorization", header));
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProbe = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                throw startFailure(
                        "Elasticsearch exited with code " + process.exitValue() + " during start");
            }
            try {
                HttpResponse<String> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastProbe = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                lastProbe = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                NodeProcesses.stopProcessTree(process);
                throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
            }
            if (System.nanoTime() > deadline) {
                NodeProcesses.stopProcessTree(process);
                throw startFailure(
                        "Elasticsearch did not become ready within "
                                + timeout.toSeconds()
                                + " s (last probe: "
                                + lastProbe
                                + ")");
            }
            // Wakes early if the process dies.
            try {
                process.onExit().get(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // Probe again.
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                NodeProcesses.stopProcessTree(process);
                throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
            }
        }
    }

    private IOException startFailure(String message) {
        Path console = nodeDir.resolve("logs").resolve(NodeProcesses.CONSOLE_LOG);
        return new IOException(
                message
                        + "; node dir "
                        + nodeDir
                        + "; last lines of "
                        + console
                        + ":\n"
                        + NodeProcesses.tail(console, LOG_TAIL_LINES));
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
