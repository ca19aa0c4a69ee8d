package io.newspulse.e2e.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Flink session cluster as an operator runs one without the Flink tarball: a JobManager process
 * ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager process ({@code
 * TaskManagerRunner}) on a classpath of Flink runtime jars (not the job jar), sized and started the
 * way {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh} do it (JVM flags and {@code -D}
 * settings from {@code BashJavaUtils}), driven through the REST API only.
 *
 * <p>Everything (conf dir, process output, checkpoints, temp dirs) lives in one work directory so
 * that a failed run can be diagnosed; {@link #diagnostics()} returns the tails of both processes'
 * output.
 */
final class FlinkSessionCluster implements AutoCloseable {
    static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";

    /** Prefix of BashJavaUtils' result lines (what flink's config.sh greps for). */
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /** What bin/config.sh passes to every Flink JVM on Java 17. */
    private static final List<String> ADD_OPENS =
            List.of(
                    "--add-opens",
                    "java.base/java.util=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.lang=ALL-UNNAMED");

    /**
     * Jars of target/lib that a Flink distribution does not have: the Kafka broker test kit the
     * local demo starts, and its Scala and JUnit dependencies.
     */
    private static final List<String> NOT_FLINK_JAR_PREFIXES = List.of("kafka", "scala", "junit");

    /**
     * Classes of Flink's own runtime dependencies that target/lib lacks: the job uses these
     * libraries too (through kafka-clients and the Kafka connector), so they are compile scope,
     * bundled in the shaded jar and left out by copy-dependencies' provided-only selection. The
     * test takes their jars from its own classpath.
     */
    private static final List<String> FLINK_DEPENDENCIES_NOT_IN_LIB =
            List.of(
                    "org.apache.commons.lang3.StringUtils", // flink-core
                    "org.xerial.snappy.Snappy", // flink-core (compressed state)
                    "net.jpountz.lz4.LZ4Factory"); // flink-runtime (network compression)

    /** Task slots of each TaskManager. */
    public static final int TASK_SLOTS = 3;

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TERMINAL_STATES =
            Set.of("FINISHED", "FAILED", "CANCELED", "SUSPENDED");

    private final Path workDir;
    private final Path confDir;
    private final Path checkpointDir;
    private final String classpath;
    private final Path log4jConfig;
    private final URI restUrl;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> outputs = new ArrayList<>();
    private Process taskManager;
    private int taskManagersStarted;
    private final Thread shutdownHook;

    private FlinkSessionCluster(
            Path workDir, String classpath, Path log4jConfig, int restPort, int rpcPort)
            throws IOException {
        this.workDir = workDir;
        this.confDir = Files.createDirectories(workDir.resolve("conf"));
        this.checkpointDir = Files.createDirectories(workDir.resolve("checkpoints"));
        this.classpath = classpath;
        this.log4jConfig = log4jConfig;
        this.restUrl = URI.create("http://127.0.0.1:" + restPort);
        Files.writeString(confDir.resolve("config.yaml"), configYaml(restPort, rpcPort));
        // A test JVM that dies without @AfterAll must not leave Flink processes behind.
        this.shutdownHook =
                new Thread(
                        () -> processes.forEach(Process::destroyForcibly), "flink-cluster-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Writes the configuration into {@code workDir/conf} and starts the JobManager and one
     * TaskManager; does not wait for them (see {@link #awaitTaskManagers}).
     *
     * @param libDir the Flink runtime jars (jobs/target/lib)
     * @param log4jConfig log4j2 configuration of both processes
     */
    static FlinkSessionCluster start(Path workDir, Path libDir, Path log4jConfig)
            throws IOException {
        FlinkSessionCluster cluster =
                new FlinkSessionCluster(
                        workDir, classpath(libDir), log4jConfig, freePort(), freePort());
        try {
            cluster.startJobManager();
            cluster.startTaskManager();
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The REST endpoint, e.g. {@code http://127.0.0.1:38211}. */
    URI restUrl() {
        return restUrl;
    }

    /**
     * Where the cluster's default checkpoint directory is ({@code execution.checkpointing.dir}).
     */
    Path checkpointDir() {
        return checkpointDir;
    }

    Path workDir() {
        return workDir;
    }

    // ------------------------------------------------------------------ processes

    private void startJobManager() throws IOException {
        List<String> params = resourceParams("GET_JM_RESOURCE_PARAMS");
        List<String> command = javaCommand("jobmanager", params.get(0));
        command.add(JOB_MANAGER_MAIN);
        command.add("--configDir");
        command.add(confDir.toString());
        command.addAll(splitArgs(params.get(1)));
        launch("jobmanager", command);
    }

    /**
     * Starts a TaskManager process; the first one's output is {@code taskmanager.out}, later ones'
     * (after {@link #killTaskManager()}) {@code taskmanager-2.out} and so on.
     */
    void startTaskManager() throws IOException {
        // Started directly, a TaskManager fails with "taskmanager.cpu.cores is not set":
        // taskmanager.sh passes these computed memory and CPU settings.
        List<String> params = resourceParams("GET_TM_RESOURCE_PARAMS");
        taskManagersStarted++;
        String name =
                taskManagersStarted == 1 ? "taskmanager" : "taskmanager-" + taskManagersStarted;
        List<String> command = javaCommand(name, params.get(0));
        command.add(TASK_MANAGER_MAIN);
        command.add("--configDir");
        command.add(confDir.toString());
        command.addAll(splitArgs(params.get(1)));
        taskManager = launch(name, command);
    }

    /**
     * Kills the running TaskManager with SIGKILL ({@code kill -9}: no shutdown hooks, no goodbye to
     * the JobManager) and waits until it is gone. Its output stays in the diagnostics.
     */
    void killTaskManager() throws InterruptedException {
        Process p = taskManager;
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException("no running TaskManager to kill");
        }
        processes.remove(p);
        p.destroyForcibly(); // SIGKILL on Linux
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("TaskManager " + p.pid() + " survived SIGKILL");
        }
        taskManager = null;
    }

    /**
     * Runs BashJavaUtils like flink's config.sh: line 1 of the result is the JVM's memory flags,
     * line 2 the {@code -D} settings that go with them.
     */
    private List<String> resourceParams(String command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        cmd.addAll(ADD_OPENS);
        cmd.add("-Dlog4j.configurationFile=" + log4jConfig.toUri());
        cmd.addAll(List.of("-cp", classpath, BASH_JAVA_UTILS, command));
        cmd.addAll(List.of("--configDir", confDir.toString()));
        Path out = workDir.resolve(command.toLowerCase(Locale.ROOT) + ".out");
        Process p =
                environment(new ProcessBuilder(cmd))
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("BashJavaUtils " + command + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted running BashJavaUtils");
        }
        String output = Files.readString(out);
        List<String> results =
                output.lines()
                        .filter(l -> l.startsWith(RESULT_PREFIX))
                        .map(l -> l.substring(RESULT_PREFIX.length()).trim())
                        .collect(Collectors.toList());
        if (p.exitValue() != 0 || results.size() < 2) {
            throw new IOException(
                    "BashJavaUtils "
                            + command
                            + " failed (exit "
                            + p.exitValue()
                            + "):\n"
                            + output);
        }
        return results.subList(results.size() - 2, results.size());
    }

    private List<String> javaCommand(String name, String memoryFlags) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(splitArgs(memoryFlags));
        command.addAll(ADD_OPENS);
        command.add("-Dlog4j.configurationFile=" + log4jConfig.toUri());
        // The REST API's log endpoints serve log.file: the process's output.
        command.add("-Dlog.file=" + workDir.resolve(name + ".out"));
        command.addAll(List.of("-cp", classpath));
        return command;
    }

    private Process launch(String name, List<String> command) throws IOException {
        Path out = workDir.resolve(name + ".out");
        Files.writeString(out, String.join(" ", command) + "\n\n");
        Process p =
                environment(new ProcessBuilder(command))
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                        .start();
        processes.add(p);
        outputs.add(out);
        return p;
    }

    /**
     * The processes get the test's environment without NEWSPULSE_* variables: main() runs in the
     * JobManager and would read them, and this test sets everything with --set.
     */
    private static ProcessBuilder environment(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSPULSE_"));
        return builder;
    }

    /** Fails at once, with the processes' output, when one of them has exited. */
    void checkAlive() {
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            if (!p.isAlive()) {
                throw new AssertionError(
                        outputs.get(i).getFileName()
                                + ": process exited with "
                                + p.exitValue()
                                + "\n"
                                + diagnostics());
            }
        }
    }

    /** The last lines of every process's output, for failure messages. */
    String diagnostics() {
        StringBuilder sb = new StringBuilder();
        for (Path out : outputs) {
            sb.append("\n===== ").append(out).append(" (last 60 lines) =====\n");
            try {
                List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 60), lines.size())
                        .forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("(unreadable: ").append(e).append(")\n");
            }
        }
        return sb.toString();
    }

    /** Stops the TaskManager, then the JobManager: SIGTERM, and SIGKILL after a grace period. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            stop(processes.get(i));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down; the hook runs anyway.
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ REST

    /** GET {@code path} of the REST API as JSON; fails on a status other than 200. */
    JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(restUrl.resolve(path)).GET(), 200);
    }

    /** {@code GET /overview}: task managers, slots and jobs of the cluster. */
    JsonNode overview() throws IOException {
        return get("/overview");
    }

    /**
     * Waits until the REST API reports {@code taskManagers} TaskManagers with at least {@code
     * freeSlots} free slots in all.
     */
    JsonNode awaitTaskManagers(int taskManagers, int freeSlots, Duration deadline)
            throws Exception {
        return await(
                taskManagers + " TaskManager(s) with " + freeSlots + " free slot(s)",
                this::overviewOrNull,
                o ->
                        o != null
                                && o.path("taskmanagers").asInt() == taskManagers
                                && o.path("slots-available").asInt() >= freeSlots,
                deadline);
    }

    /**
     * The overview, or null while the REST endpoint is not up yet or answers 503 (the dispatcher's
     * leader election is still running, which takes longer on a loaded machine).
     */
    private JsonNode overviewOrNull() throws IOException {
        try {
            return overview();
        } catch (ConnectException e) {
            return null;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains(" returned 503")) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Uploads a jar with {@code POST /jars/upload} (multipart/form-data, field {@code jarfile}) and
     * returns its jar id.
     */
    String uploadJar(Path jar) throws IOException {
        String boundary = "----newspulse-" + UUID.randomUUID();
        String head =
                "--"
                        + boundary
                        + "\r\n"
                        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName()
                        + "\"\r\n"
                        + "Content-Type: application/java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request =
                HttpRequest.newBuilder(restUrl.resolve("/jars/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                BodyPublishers.concat(
                                        BodyPublishers.ofString(head),
                                        BodyPublishers.ofFile(jar),
                                        BodyPublishers.ofString(tail)));
        JsonNode response = send(request, 200);
        if (!"success".equals(response.path("status").asText())) {
            throw new IOException("upload of " + jar + " failed: " + response);
        }
        // "filename" is the stored file's path; the jar id is its last segment.
        String stored = response.path("filename").asText();
        return stored.substring(stored.lastIndexOf('/') + 1);
    }

    /**
     * Runs an uploaded jar with {@code POST /jars/{id}/run} (main() runs in the JobManager) and
     * returns the job id.
     */
    String runJar(String jarId, String entryClass, List<String> programArgs, int parallelism)
            throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("entryClass", entryClass);
        programArgs.forEach(body.putArray("programArgsList")::add);
        body.put("parallelism", parallelism);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(restUrl.resolve("/jars/" + jarId + "/run"))
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
        return send(request, 200).path("jobid").asText();
    }

    /** The job's state, e.g. {@code RUNNING}. */
    String jobState(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** {@code GET /jobs/{id}/exceptions}: the job's failures so far, as JSON text. */
    String jobExceptions(String jobId) {
        try {
            return get("/jobs/" + jobId + "/exceptions").toPrettyString();
        } catch (IOException | RuntimeException e) {
            return "(exceptions unavailable: " + e + ")";
        }
    }

    /**
     * Fails when the job has reached a terminal state (or a process died), with the job's
     * exceptions and the processes' output.
     */
    void checkJobRunning(String jobId) throws IOException {
        checkAlive();
        String state = jobState(jobId);
        if (TERMINAL_STATES.contains(state)) {
            throw new AssertionError(
                    "job "
                            + jobId
                            + " is "
                            + state
                            + "; exceptions: "
                            + jobExceptions(jobId)
                            + diagnostics());
        }
    }

    /** Waits until the job and all its tasks are RUNNING. */
    void awaitJobRunning(String jobId, Duration deadline) throws Exception {
        await(
                "job " + jobId + " and all its tasks RUNNING",
                () -> {
                    checkJobRunning(jobId);
                    return get("/jobs/" + jobId);
                },
                j -> {
                    if (!"RUNNING".equals(j.path("state").asText())) {
                        return false;
                    }
                    JsonNode vertices = j.path("vertices");
                    for (JsonNode v : vertices) {
                        if (!"RUNNING".equals(v.path("status").asText())) {
                            return false;
                        }
                    }
                    return vertices.size() > 0;
                },
                deadline);
    }

    /** Cancels a job with {@code PATCH /jobs/{id}?mode=cancel}; does not wait. */
    void cancel(String jobId) throws IOException {
        send(
                HttpRequest.newBuilder(restUrl.resolve("/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", BodyPublishers.noBody()),
                202);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(REQUEST_TIMEOUT).build(), BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted calling the Flink REST API");
        }
        if (response.statusCode() != expectedStatus) {
            throw new IOException(
                    response.request().method()
                            + " "
                            + response.uri()
                            + " returned "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        String body = response.body();
        return body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
    }

    // ------------------------------------------------------------------ waiting

    /** A probe that may throw. */
    interface Probe<T> {
        T get() throws Exception;
    }

    /**
     * Polls {@code probe} every 250 ms until {@code done} holds; fails after {@code deadline} with
     * the last value seen and the processes' output, or at once when a process died.
     */
    <T> T await(String what, Probe<T> probe, Predicate<T> done, Duration deadline)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            checkAlive();
            T last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(
                        "waited "
                                + deadline
                                + " for "
                                + what
                                + "; last seen: "
                                + last
                                + diagnostics());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    // ------------------------------------------------------------------ setup

    private String configYaml(int restPort, int rpcPort) {
        // Flink 2 reads conf/config.yaml as nested YAML.
        return String.join(
                "\n",
                "jobmanager:",
                "  rpc:",
                "    address: localhost",
                "    port: " + rpcPort,
                "  bind-host: 127.0.0.1",
                "  memory:",
                "    process:",
                "      size: 768m",
                "taskmanager:",
                "  host: 127.0.0.1",
                "  bind-host: 127.0.0.1",
                "  numberOfTaskSlots: " + TASK_SLOTS,
                "  memory:",
                "    process:",
                // The full knowledge base's analyzer holds about 130 MB of task heap.
                "      size: 2g",
                // The hashmap backend uses no managed memory: give it to the task heap.
                "    managed:",
                "      size: 64m",
                "rest:",
                "  address: 127.0.0.1",
                "  bind-address: 127.0.0.1",
                "  port: " + restPort,
                "parallelism:",
                "  default: 1",
                "state:",
                "  backend:",
                "    type: hashmap",
                "execution:",
                "  checkpointing:",
                "    dir: " + checkpointDir.toUri(),
                "    savepoint-dir: " + workDir.resolve("savepoints").toUri(),
                "io:",
                "  tmp:",
                "    dirs: " + workDir.resolve("tmp"),
                "web:",
                "  tmpdir: " + workDir.resolve("web"),
                "");
    }

    /** target/lib without the jars a Flink distribution would not have. */
    private static String classpath(Path libDir) throws IOException {
        if (!Files.isDirectory(libDir)) {
            throw new IOException(
                    libDir + " is missing: run `./mvnw package` (it copies Flink's jars there)");
        }
        try (Stream<Path> jars = Files.list(libDir)) {
            List<String> cp =
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                            .filter(
                                    p ->
                                            NOT_FLINK_JAR_PREFIXES.stream()
                                                    .noneMatch(
                                                            p.getFileName().toString()::startsWith))
                            .map(Path::toString)
                            .sorted()
                            .collect(Collectors.toCollection(ArrayList::new));
            for (String className : FLINK_DEPENDENCIES_NOT_IN_LIB) {
                cp.add(jarOf(className).toString());
            }
            if (cp.stream().noneMatch(j -> j.contains("flink-runtime-web"))) {
                throw new IOException(libDir + " has no flink-runtime-web jar: " + cp);
            }
            return String.join(File.pathSeparator, cp);
        }
    }

    private static Path jarOf(String className) throws IOException {
        try {
            Class<?> c =
                    Class.forName(className, false, FlinkSessionCluster.class.getClassLoader());
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
            throw new IOException("no jar with " + className + " on the test classpath", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> splitArgs(String line) {
        return Arrays.stream(line.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
