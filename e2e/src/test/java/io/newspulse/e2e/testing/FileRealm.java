package io.newspulse.e2e.testing;

import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalElasticsearchOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Users and roles of a local Elasticsearch node's file realm, as a cluster without a native role
 * and user store takes them: {@code roles.yml} in the config directory and {@code
 * elasticsearch-users useradd}, run as the node's own (unprivileged) user. The node reloads both
 * every few seconds; {@link #awaitLogin} waits for that.
 */
public final class FileRealm {
    private FileRealm() {}

    /** Starts a node of its own with security on and {@code superuser} in its file realm. */
    public static LocalElasticsearch startNode(String superuser, String password)
            throws IOException {
        return LocalElasticsearch.start(
                LocalElasticsearchOptions.builder().security(superuser, password).build());
    }

    /** Writes the node's {@code roles.yml}. */
    public static void writeRoles(LocalElasticsearch node, String rolesYml) throws IOException {
        Files.writeString(node.nodeDir().resolve("config").resolve("roles.yml"), rolesYml);
    }

    /** Adds a file-realm user with one role. */
    public static void addUser(LocalElasticsearch node, String user, String password, String role)
            throws IOException, InterruptedException {
        Path nodeDir = node.nodeDir();
        List<String> command = new ArrayList<>();
        int owner = (Integer) Files.getAttribute(nodeDir, "unix:uid");
        if (owner != currentUid()) {
            command.addAll(
                    List.of("setpriv", "--reuid=" + owner, "--regid=" + owner, "--clear-groups"));
        }
        command.addAll(
                List.of(
                        node.installDir().resolve("bin").resolve("elasticsearch-users").toString(),
                        "useradd",
                        user,
                        "-p",
                        password,
                        "-r",
                        role));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(nodeDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", nodeDir.resolve("config").toString());
        env.put("ES_TMPDIR", nodeDir.resolve("tmp").toString());
        env.put("CLI_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        for (String leak :
                List.of(
                        "JAVA_HOME",
                        "JAVA_TOOL_OPTIONS",
                        "_JAVA_OPTIONS",
                        "JAVA_OPTS",
                        "ES_JAVA_OPTS")) {
            env.remove(leak);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("elasticsearch-users did not finish: " + output);
        }
        if (process.exitValue() != 0) {
            throw new IOException("elasticsearch-users failed: " + output);
        }
    }

    /** Waits until {@code user} can log in (the node reloads the file realm every few seconds). */
    public static void awaitLogin(LocalElasticsearch node, String user, String password)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String basic =
                Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (RestClient client =
                RestClient.builder(new HttpHost("127.0.0.1", node.port(), "http"))
                        .setDefaultHeaders(
                                new BasicHeader[] {
                                    new BasicHeader("Authorization", "Basic " + basic)
                                })
                        .build()) {
            while (true) {
                int status;
                try {
                    status =
                            client.performRequest(new Request("GET", "/_security/_authenticate"))
                                    .getStatusLine()
                                    .getStatusCode();
                } catch (ResponseException e) {
                    status = e.getResponse().getStatusLine().getStatusCode();
                }
                if (status == 200) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(user + " cannot log in: HTTP " + status);
                }
                Thread.sleep(500);
            }
        }
    }

    private static int currentUid() throws IOException {
        Path probe = Files.createTempFile("uid", ".probe");
        try {
            return (Integer) Files.getAttribute(probe, "unix:uid");
        } finally {
            Files.delete(probe);
        }
    }
}
