package io.newspulse.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch, started as a child process from the integration-test
 * distribution zip ({@value #VERSION}), for {@code bin/newspulse demo} and the integration tests.
 *
 * <p>The zip is unpacked once into {@code <workDir>/elasticsearch-<version>} and reused by later
 * starts, also by other JVMs. Each start gets its own node directory under {@code <workDir>/nodes}
 * (config, data, logs, temp files, the node's console output) that {@link #close()} deletes, unless
 * {@link Options#keepData()} asks to keep one fixed node directory. The node runs on the current
 * JVM ({@code java.home}, passed as {@code ES_JAVA_HOME}), since the zip has no bundled JDK.
 *
 * <p>Elasticsearch refuses to run as root. When this JVM runs as root (as CI does), the install and
 * node directories are handed to uid/gid {@value #UNPRIVILEGED_ID} (nobody) and the node is started
 * through {@code setpriv}.
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
     * {@code cli/target/services}).
     */
    public static final String SERVICES_DIR_PROPERTY = "newspulse.services.dir";

    /** The uid and gid the node runs as when this JVM runs as root (nobody). */
    public static final int UNPRIVILEGED_ID = 65534;

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);

    private static final String INSTALL_MARKER = ".newspulse-unpacked";
    private static final String OWNER_PID_FILE = "owner.pid";
    private static final String NODE_PID_FILE = "elasticsearch.pid";
    private static final String CONSOLE_LOG = "console.log";
    private static final String RUN_PREFIX = "run-";
    private static final String KEPT_NODE = "kept";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 60;
    private static final String QUICK_START_JVM_OPTION = "-XX:TieredStopAtLevel=1";
    private static final Set<PosixFilePermission> DIR_PERMISSIONS =
            PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXEC_PERMISSIONS = DIR_PERMISSIONS;

    /** The zip has no {@code bin/elasticsearch-users}; this is the default distribution's. */
    private static final String USERS_SCRIPT =
            "#!/bin/bash\n"
                    + "CLI_NAME=users\n"
                    + "CLI_LIBS=modules/x-pack-core,modules/x-pack-security\n"
                    + "source \"`dirname \"$0\"`\"/elasticsearch-cli\n";

    /** Serialises unpacking within this JVM; other JVMs are handled by an atomic rename. */
    private static final Object INSTALL_LOCK = new Object();

    private final Options options;
    private final Path installDir;
    private final Path nodeDir;
    private final boolean freshlyUnpacked;
    private final int port;
    private final Process process;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalElasticsearch(
            Options options,
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

    /** Starts a node with {@link Options#defaults()}. */
    public static LocalElasticsearch start() throws IOException {
        return start(Options.defaults());
    }

    /**
     * Unpacks the distribution if needed, starts a node and waits until it answers cluster health
     * yellow.
     *
     * @throws IOException if the zip is missing, the node cannot be configured, or it exits or does
     *     not become ready within {@link Options#startupTimeout()} (the message then carries the
     *     tail of the node's console output)
     */
    public static LocalElasticsearch start(Options options) throws IOException {
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        boolean root = runningAsRoot();
        Path zip = options.zip();
        if (!Files.isRegularFile(zip)) {
            throw new IOException(
                    "Elasticsearch distribution not found at "
                            + zip
                            + " (looked in "
                            + Options.defaultZipCandidates()
                            + "); run ./mvnw -pl cli -am package to fetch it");
        }
        Path workDir = options.workDir().toAbsolutePath().normalize();
        if (root && !Options.traversableWhereExisting(workDir)) {
            // e.g. ~/.cache under /root (0700): the node's user could not enter it.
            Path requested = workDir;
            workDir = Options.unprivilegedWorkDir(requested);
            LOG.info(
                    "uid {} cannot enter {}; Elasticsearch works in {} instead",
                    UNPRIVILEGED_ID,
                    requested,
                    workDir);
        }
        createTraversableDirectories(workDir);
        if (root) {
            requireTraversableByOthers(workDir);
        }

        Path installDir = workDir.resolve("elasticsearch-" + VERSION);
        boolean unpacked = ensureInstalled(zip, workDir, installDir, root);

        Path nodesDir = workDir.resolve("nodes");
        createTraversableDirectories(nodesDir);
        pruneAbandonedNodes(nodesDir);
        Path nodeDir;
        if (options.keepData()) {
            nodeDir = nodesDir.resolve(KEPT_NODE);
            Files.createDirectories(nodeDir);
        } else {
            nodeDir = Files.createTempDirectory(nodesDir, RUN_PREFIX);
        }
        Files.setPosixFilePermissions(nodeDir, DIR_PERMISSIONS);
        Files.writeString(
                nodeDir.resolve(OWNER_PID_FILE), Long.toString(ProcessHandle.current().pid()));

        int httpPort = options.httpPort() == 0 ? freePort() : options.httpPort();
        Process process = null;
        try {
            Path configDir = writeNodeConfig(installDir, nodeDir, httpPort, options);
            if (root) {
                chownToUnprivileged(nodeDir);
            }
            if (options.securityEnabled()) {
                addSuperuser(installDir, nodeDir, configDir, options, root);
            }
            process = launch(installDir, nodeDir, configDir, root);
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
                stopProcessTree(process);
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
    public Options options() {
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
     * its node directory unless {@link Options#keepData()}.
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
        stopProcessTree(process);
        if (!options.keepData()) {
            try {
                deleteRecursively(nodeDir);
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
                stopProcessTree(process);
                throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
            }
            if (System.nanoTime() > deadline) {
                stopProcessTree(process);
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
                stopProcessTree(process);
                throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
            }
        }
    }

    private IOException startFailure(String message) {
        Path console = nodeDir.resolve("logs").resolve(CONSOLE_LOG);
        return new IOException(
                message
                        + "; node dir "
                        + nodeDir
                        + "; last lines of "
                        + console
                        + ":\n"
                        + tail(console, LOG_TAIL_LINES));
    }

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

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Install

    private static boolean ensureInstalled(Path zip, Path workDir, Path installDir, boolean root)
            throws IOException {
        synchronized (INSTALL_LOCK) {
            if (Files.isRegularFile(installDir.resolve(INSTALL_MARKER))) {
                if (root && ownerUid(installDir) != UNPRIVILEGED_ID) {
                    chownToUnprivileged(installDir);
                }
                return false;
            }
            if (Files.exists(installDir)) {
                // A partial install from an interrupted run without our atomic rename.
                deleteRecursively(installDir);
            }
            long started = System.nanoTime();
            Path staging = Files.createTempDirectory(workDir, "unpacking-");
            try {
                unzipStrippingTopDirectory(zip, staging);
                Path users = staging.resolve("bin").resolve("elasticsearch-users");
                if (!Files.exists(users)) {
                    Files.writeString(users, USERS_SCRIPT);
                    Files.setPosixFilePermissions(users, EXEC_PERMISSIONS);
                }
                Files.setPosixFilePermissions(staging, DIR_PERMISSIONS);
                Files.writeString(staging.resolve(INSTALL_MARKER), zip.toString());
                if (root) {
                    chownToUnprivileged(staging);
                }
                try {
                    Files.move(staging, installDir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                    // Another JVM finished first; use its install.
                    return false;
                }
                LOG.info(
                        "Unpacked {} into {} in {} ms",
                        zip,
                        installDir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return true;
            } finally {
                if (Files.exists(staging)) {
                    deleteRecursively(staging);
                }
            }
        }
    }

    private static void unzipStrippingTopDirectory(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(zipFile.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // The top directory itself.
                }
                String relative = name.substring(slash + 1);
                Path out = root.resolve(relative).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Zip entry escapes the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip does not expose Unix modes; only the launch scripts need them.
                if (relative.startsWith("bin/")
                        && !relative.endsWith(".bat")
                        && !relative.endsWith(".exe")) {
                    Files.setPosixFilePermissions(out, EXEC_PERMISSIONS);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Node directory and configuration

    private static Path writeNodeConfig(
            Path installDir, Path nodeDir, int httpPort, Options options) throws IOException {
        Path configDir = nodeDir.resolve("config");
        if (Files.exists(configDir)) {
            deleteRecursively(configDir); // Kept nodes get a fresh config on every start.
        }
        Path dataDir = nodeDir.resolve("data");
        Path logsDir = nodeDir.resolve("logs");
        Path tmpDir = nodeDir.resolve("tmp");
        for (Path dir : List.of(configDir, configDir.resolve("jvm.options.d"), dataDir)) {
            Files.createDirectories(dir);
        }
        if (Files.exists(logsDir)) {
            deleteRecursively(logsDir);
        }
        if (Files.exists(tmpDir)) {
            deleteRecursively(tmpDir);
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

        // The stock jvm.options writes gc.log and crash files into the (shared) install dir.
        Path jvmOptions = configDir.resolve("jvm.options");
        String stock = Files.readString(jvmOptions);
        Files.writeString(
                jvmOptions,
                stock.replace("file=gc.log", "file=" + logsDir.resolve("gc.log"))
                        .replace(
                                "-XX:ErrorFile=hs_err_pid%p.log",
                                "-XX:ErrorFile=" + logsDir.resolve("hs_err_pid%p.log")));
        Path jvmOptionsDir = configDir.resolve("jvm.options.d");
        Files.writeString(
                jvmOptionsDir.resolve("heap.options"),
                "-Xms" + options.heap() + "\n-Xmx" + options.heap() + "\n");
        // C1 only: on two busy cores it cuts the start from ~50 s to ~15 s; a local node needs no
        // peak throughput.
        Files.writeString(
                jvmOptionsDir.resolve("local.options"),
                QUICK_START_JVM_OPTION + "\n-XX:HeapDumpPath=" + logsDir + "\n");

        StringBuilder yml = new StringBuilder();
        yml.append("# Written by ").append(LocalElasticsearch.class.getName()).append('\n');
        yml.append("cluster.name: newspulse-local\n");
        yml.append("node.name: newspulse-local\n");
        yml.append("network.host: 127.0.0.1\n");
        yml.append("http.port: ").append(httpPort).append('\n');
        yml.append("transport.port: ").append(freePort()).append('\n');
        yml.append("discovery.type: single-node\n");
        yml.append("path.data: ").append(yamlString(dataDir.toString())).append('\n');
        yml.append("path.logs: ").append(yamlString(logsDir.toString())).append('\n');
        // A nearly full laptop disk must not turn indices read-only in the middle of a demo.
        yml.append("cluster.routing.allocation.disk.threshold_enabled: false\n");
        yml.append("xpack.security.enabled: ").append(options.securityEnabled()).append('\n');
        if (options.securityEnabled()) {
            yml.append("xpack.security.http.ssl.enabled: false\n");
            yml.append("xpack.security.transport.ssl.enabled: false\n");
        }
        Files.writeString(configDir.resolve("elasticsearch.yml"), yml.toString());
        return configDir;
    }

    private static String yamlString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void addSuperuser(
            Path installDir, Path nodeDir, Path configDir, Options options, boolean root)
            throws IOException {
        List<String> command = new ArrayList<>(privilegeDrop(root));
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
        configureEnvironment(builder.environment(), configDir, nodeDir.resolve("tmp"));
        Process users = builder.start();
        try {
            if (!users.waitFor(90, TimeUnit.SECONDS)) {
                stopProcessTree(users);
                throw new IOException(
                        "elasticsearch-users did not finish in 90 s:\n" + tail(output, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopProcessTree(users);
            throw new InterruptedIOException("interrupted while adding the superuser");
        }
        if (users.exitValue() != 0) {
            throw new IOException(
                    "elasticsearch-users useradd failed with code "
                            + users.exitValue()
                            + ":\n"
                            + tail(output, 20));
        }
    }

    private static Process launch(Path installDir, Path nodeDir, Path configDir, boolean root)
            throws IOException {
        List<String> command = new ArrayList<>(privilegeDrop(root));
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

    private static void configureEnvironment(Map<String, String> env, Path configDir, Path tmp) {
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

    private static List<String> privilegeDrop(boolean root) {
        if (!root) {
            return List.of();
        }
        return List.of(
                "setpriv",
                "--reuid=" + UNPRIVILEGED_ID,
                "--regid=" + UNPRIVILEGED_ID,
                "--clear-groups");
    }

    // ---------------------------------------------------------------------------------------
    // Processes

    private static void stopProcessTree(Process process) {
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
     * Deletes node dirs whose owning JVM is gone (killed test JVMs, crashed demos), first killing a
     * node that such a JVM left running.
     */
    private static void pruneAbandonedNodes(Path nodesDir) {
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(nodesDir, RUN_PREFIX + "*")) {
            for (Path node : nodes) {
                Optional<Long> owner = readPid(node.resolve(OWNER_PID_FILE));
                if (owner.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                readPid(node.resolve(NODE_PID_FILE))
                        .flatMap(ProcessHandle::of)
                        .filter(LocalElasticsearch::isElasticsearch)
                        .ifPresent(
                                orphan -> {
                                    LOG.warn(
                                            "Killing abandoned Elasticsearch pid {}", orphan.pid());
                                    orphan.parent()
                                            .filter(LocalElasticsearch::isElasticsearch)
                                            .ifPresent(ProcessHandle::destroyForcibly);
                                    orphan.destroyForcibly();
                                    awaitExit(orphan, TimeUnit.SECONDS.toNanos(10));
                                });
                deleteRecursively(node);
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

    /** A free TCP port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Users and file system

    /** Whether this JVM runs as uid 0. */
    static boolean runningAsRoot() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try (Stream<String> lines = Files.lines(status)) {
                Optional<String> uid =
                        lines.filter(line -> line.startsWith("Uid:"))
                                .map(line -> line.substring(4).trim().split("\\s+")[0])
                                .findFirst();
                if (uid.isPresent()) {
                    return uid.get().equals("0");
                }
            } catch (IOException | UncheckedIOException e) {
                // Fall back to id -u.
            }
        }
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            id.waitFor(10, TimeUnit.SECONDS);
            return out.trim().equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int ownerUid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid");
    }

    private static void chownToUnprivileged(Path path) throws IOException {
        String owner = UNPRIVILEGED_ID + ":" + UNPRIVILEGED_ID;
        Process chown =
                new ProcessBuilder("chown", "-R", owner, path.toString())
                        .redirectErrorStream(true)
                        .start();
        try {
            String out = new String(chown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!chown.waitFor(120, TimeUnit.SECONDS) || chown.exitValue() != 0) {
                throw new IOException("chown -R " + owner + " " + path + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            chown.destroyForcibly();
            throw new InterruptedIOException("interrupted during chown of " + path);
        }
    }

    /** Creates missing directories, readable and traversable by everyone (the node's user). */
    private static void createTraversableDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                Files.setPosixFilePermissions(p, DIR_PERMISSIONS);
            } catch (FileAlreadyExistsException raced) {
                // Created concurrently.
            }
        }
    }

    private static void requireTraversableByOthers(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!isTraversableByOthers(p)) {
                throw new IOException(
                        "Elasticsearch runs as uid "
                                + UNPRIVILEGED_ID
                                + " here (this JVM is root), which cannot enter "
                                + p
                                + "; choose a work dir outside it (e.g. under /tmp or /var/tmp)");
            }
        }
    }

    private static boolean isTraversableByOthers(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Options

    /**
     * How to start a node; immutable. Build with {@link #builder()}; {@link #defaults()} gives:
     *
     * <ul>
     *   <li>{@code zip}: {@code $newspulse.services.dir/elasticsearch.zip}, else {@code
     *       cli/target/services/elasticsearch.zip} next to this code or under the current
     *       directory, else the zip in the local Maven repository;
     *   <li>{@code workDir}: {@code $XDG_CACHE_HOME/newspulse/elasticsearch-<version>} (or {@code
     *       ~/.cache/...}); as root, when the node's user cannot enter that path (e.g. {@code
     *       /root} is 0700), {@code <java.io.tmpdir>/newspulse-cache/elasticsearch-<version>};
     *   <li>{@code httpPort}: 0 (a free port);
     *   <li>{@code heap}: {@code 512m};
     *   <li>security: off; on, a file-realm superuser with basic auth (HTTP stays plain);
     *   <li>{@code keepData}: false (a fresh data dir per start, deleted on close);
     *   <li>{@code startupTimeout}: 120 s.
     * </ul>
     */
    public static final class Options {
        private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

        private final Path zip;
        private final Path workDir;
        private final int httpPort;
        private final String heap;
        private final String superuser;
        private final String superuserPassword;
        private final boolean keepData;
        private final Duration startupTimeout;

        private Options(Builder builder) {
            this.zip = builder.zip != null ? builder.zip : defaultZip();
            this.workDir = builder.workDir != null ? builder.workDir : defaultWorkDir();
            this.httpPort = builder.httpPort;
            this.heap = builder.heap;
            this.superuser = builder.superuser;
            this.superuserPassword = builder.superuserPassword;
            this.keepData = builder.keepData;
            this.startupTimeout = builder.startupTimeout;
        }

        /** All defaults. */
        public static Options defaults() {
            return builder().build();
        }

        /** A builder starting from the defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder starting from these options. */
        public Builder toBuilder() {
            Builder builder =
                    new Builder()
                            .zip(zip)
                            .workDir(workDir)
                            .httpPort(httpPort)
                            .heap(heap)
                            .keepData(keepData)
                            .startupTimeout(startupTimeout);
            if (securityEnabled()) {
                builder.security(superuser, superuserPassword);
            }
            return builder;
        }

        /** The integration-test distribution zip. */
        public Path zip() {
            return zip;
        }

        /** Holds the unpacked install and the node dirs. */
        public Path workDir() {
            return workDir;
        }

        /** The HTTP port; 0 picks a free one. */
        public int httpPort() {
            return httpPort;
        }

        /** Initial and maximum heap, in JVM syntax ({@code 512m}). */
        public String heap() {
            return heap;
        }

        /** Whether security (file-realm basic auth) is on. */
        public boolean securityEnabled() {
            return superuser != null;
        }

        /** The superuser name, or null when security is off. */
        public String superuser() {
            return superuser;
        }

        /** The superuser password, or null when security is off. */
        public String superuserPassword() {
            return superuserPassword;
        }

        /** Whether to keep one fixed data dir across starts instead of a fresh one per start. */
        public boolean keepData() {
            return keepData;
        }

        /** How long to wait for cluster health yellow. */
        public Duration startupTimeout() {
            return startupTimeout;
        }

        @Override
        public String toString() {
            return "Options{zip="
                    + zip
                    + ", workDir="
                    + workDir
                    + ", httpPort="
                    + httpPort
                    + ", heap="
                    + heap
                    + ", security="
                    + (securityEnabled() ? "on (user " + superuser + ")" : "off")
                    + ", keepData="
                    + keepData
                    + ", startupTimeout="
                    + startupTimeout
                    + "}";
        }

        /** The places {@link #defaults()} looks for the zip, in order. */
        public static List<Path> defaultZipCandidates() {
            List<Path> candidates = new ArrayList<>();
            String servicesDir = System.getProperty(SERVICES_DIR_PROPERTY);
            if (servicesDir != null && !servicesDir.isBlank()) {
                candidates.add(Path.of(servicesDir, "elasticsearch.zip"));
            }
            codeTargetDir()
                    .ifPresent(
                            target ->
                                    candidates.add(
                                            target.resolve("services")
                                                    .resolve("elasticsearch.zip")));
            Path cwd = Path.of(System.getProperty("user.dir"));
            candidates.add(cwd.resolve("cli/target/services/elasticsearch.zip"));
            candidates.add(cwd.resolve("e2e/target/services/elasticsearch.zip"));
            candidates.add(cwd.resolve("target/services/elasticsearch.zip"));
            candidates.add(
                    Path.of(
                            System.getProperty("user.home"),
                            ".m2/repository/org/elasticsearch/distribution/integ-test-zip",
                            "elasticsearch",
                            VERSION,
                            "elasticsearch-" + VERSION + ".zip"));
            return candidates.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        }

        private static Path defaultZip() {
            List<Path> candidates = defaultZipCandidates();
            return candidates.stream()
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElse(candidates.get(candidates.size() - 1));
        }

        /**
         * The {@code target} folder when this class runs from {@code target/classes} or a jar
         * there.
         */
        private static Optional<Path> codeTargetDir() {
            try {
                var source = LocalElasticsearch.class.getProtectionDomain().getCodeSource();
                if (source == null) {
                    return Optional.empty();
                }
                Path location = Path.of(source.getLocation().toURI());
                Path parent = location.getParent();
                if (parent != null && parent.getFileName().toString().equals("target")) {
                    return Optional.of(parent);
                }
                return Optional.empty();
            } catch (URISyntaxException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private static Path defaultWorkDir() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path cacheHome =
                    xdg != null && !xdg.isBlank()
                            ? Path.of(xdg)
                            : Path.of(System.getProperty("user.home"), ".cache");
            Path preferred = cacheHome.resolve("newspulse").resolve("elasticsearch-" + VERSION);
            if (!runningAsRoot() || traversableWhereExisting(preferred)) {
                return preferred;
            }
            return Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "newspulse-cache",
                    "elasticsearch-" + VERSION);
        }

        /**
         * Where a node works when this JVM is root and the node's unprivileged user cannot enter
         * {@code requested}: a folder under {@code <java.io.tmpdir>/newspulse-cache} named after
         * the requested path, so that each requested work dir keeps its own node dirs.
         */
        static Path unprivilegedWorkDir(Path requested) {
            String name =
                    requested.toString().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+", "");
            return Path.of(System.getProperty("java.io.tmpdir"), "newspulse-cache", name);
        }

        static boolean traversableWhereExisting(Path dir) {
            for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p) && !isTraversableByOthers(p)) {
                    return false;
                }
            }
            return true;
        }

        /** Builds {@link Options}; every setter checks its argument. */
        public static final class Builder {
            private Path zip;
            private Path workDir;
            private int httpPort;
            private String heap = "512m";
            private String superuser;
            private String superuserPassword;
            private boolean keepData;
            private Duration startupTimeout = Duration.ofSeconds(120);

            private Builder() {}

            /** The distribution zip (default: see {@link Options}). */
            public Builder zip(Path zip) {
                this.zip = Objects.requireNonNull(zip, "zip");
                return this;
            }

            /** The work dir for the install and node dirs (default: see {@link Options}). */
            public Builder workDir(Path workDir) {
                this.workDir = Objects.requireNonNull(workDir, "workDir");
                return this;
            }

            /** The HTTP port, 0 for a free one (default 0). */
            public Builder httpPort(int httpPort) {
                if (httpPort < 0 || httpPort > 65535) {
                    throw new IllegalArgumentException("httpPort out of range: " + httpPort);
                }
                this.httpPort = httpPort;
                return this;
            }

            /** The heap size such as {@code 512m} or {@code 1g} (default 512m). */
            public Builder heap(String heap) {
                if (heap == null || !HEAP.matcher(heap).matches()) {
                    throw new IllegalArgumentException("heap must look like 512m or 1g: " + heap);
                }
                this.heap = heap;
                return this;
            }

            /** Turns security on with a file-realm superuser (password at least 6 characters). */
            public Builder security(String user, String password) {
                if (user == null || !user.matches("[A-Za-z0-9_.@-]+")) {
                    throw new IllegalArgumentException("invalid superuser name: " + user);
                }
                if (password == null || password.length() < 6) {
                    throw new IllegalArgumentException(
                            "the superuser password needs at least 6 characters");
                }
                this.superuser = user;
                this.superuserPassword = password;
                return this;
            }

            /** Turns security off (the default). */
            public Builder securityDisabled() {
                this.superuser = null;
                this.superuserPassword = null;
                return this;
            }

            /** Keeps one fixed data dir across starts (default false). */
            public Builder keepData(boolean keepData) {
                this.keepData = keepData;
                return this;
            }

            /** How long to wait for the node to become ready (default 120 s). */
            public Builder startupTimeout(Duration startupTimeout) {
                if (startupTimeout == null
                        || startupTimeout.isNegative()
                        || startupTimeout.isZero()) {
                    throw new IllegalArgumentException("startupTimeout must be positive");
                }
                this.startupTimeout = startupTimeout;
                return this;
            }

            public Options build() {
                return new Options(this);
            }
        }
    }
}
