package io.newspulse.cli.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newspulse.cli.NewspulseCli;
import io.newspulse.cli.kibana.KibanaImportClient.ImportResult;
import io.newspulse.common.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client side of {@code newspulse kibana import} ({@link KibanaImportClient} and the
 * command around it): a plain local HTTP server records what the command sends (method, path,
 * query, headers, multipart body) and answers with canned import-API responses. It checks the
 * request shape and the command's handling of answers; it is not a Kibana and says nothing about
 * whether Kibana accepts the objects.
 */
class KibanaImportClientTest {
    private static final String SUCCESS =
            "{\"success\":true,\"successCount\":16,\"successResults\":[]}";

    private HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = SUCCESS;

    private record Recorded(
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private record Run(int status, String out, String err) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    synchronized (requests) {
                        requests.add(
                                new Recorded(
                                        exchange.getRequestMethod(),
                                        exchange.getRequestURI().getPath(),
                                        exchange.getRequestURI().getRawQuery(),
                                        Map.copyOf(exchange.getRequestHeaders()),
                                        body));
                    }
                    byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, reply.length);
                    exchange.getResponseBody().write(reply);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void postsTheSavedObjectsAsOneMultipartFileWithXsrfHeader() throws IOException {
        Run run =
                cli(
                        "kibana",
                        "import",
                        "--url",
                        url() + "/",
                        "--overwrite",
                        "--set",
                        "elasticsearch.index_articles=desk-articles");

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out)
                .contains("imported 16 saved objects into Kibana at " + url())
                .contains("app/dashboards#/view/newspulse-dashboard-market-pulse");
        assertThat(requests).hasSize(1);
        Recorded request = requests.get(0);
        assertThat(request.method).isEqualTo("POST");
        assertThat(request.path).isEqualTo("/api/saved_objects/_import");
        assertThat(request.query).isEqualTo("overwrite=true");
        assertThat(request.header("Kbn-xsrf")).isNotBlank();
        String contentType = request.header("Content-type");
        Matcher boundary =
                Pattern.compile("multipart/form-data; boundary=(\\S+)").matcher(contentType);
        assertThat(boundary.matches()).as(contentType).isTrue();

        List<Part> parts = parts(request.body, boundary.group(1));
        assertThat(parts).hasSize(1);
        Part file = parts.get(0);
        assertThat(file.headers)
                .contains(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"newspulse.ndjson\"");
        List<JsonNode> objects = new ArrayList<>();
        for (String line : file.content.split("\n")) {
            objects.add(Json.mapper().readTree(line));
        }
        assertThat(objects).hasSize(16);
        assertThat(objects)
                .filteredOn(o -> o.path("type").asText().equals("index-pattern"))
                .extracting(o -> o.path("attributes").path("title").asText())
                .containsExactlyInAnyOrder(
                        "desk-articles*", "newspulse-aggregates*", "newspulse-alerts*");
        if (System.getenv("NEWSPULSE_KIBANA_USERNAME") == null
                && System.getenv("NEWSPULSE_ES_USERNAME") == null) {
            assertThat(request.header("Authorization")).isNull();
        }
    }

    @Test
    void theClientReadsTheImportResult() {
        answer =
                "{\"success\":false,\"successCount\":15,\"errors\":[{\"id\":\"newspulse-lens-tone\","
                        + "\"type\":\"lens\",\"error\":{\"type\":\"conflict\"}}]}";
        KibanaImportClient client =
                new KibanaImportClient(
                        URI.create(url() + "/"), Duration.ofSeconds(10), "Basic eDp5");

        ImportResult result = client.importObjects("{}\n".getBytes(StandardCharsets.UTF_8), false);

        assertThat(result.successCount()).isEqualTo(15);
        assertThat(result.complete()).isFalse();
        assertThat(result.conflicts()).isTrue();
        assertThat(result.errors()).containsExactly("lens/newspulse-lens-tone: conflict");
        assertThat(requests.get(0).header("Authorization")).isEqualTo("Basic eDp5");
        assertThat(requests.get(0).query).isNull();
    }

    @Test
    void withoutOverwriteConflictsFailAndNameTheObjects() {
        answer =
                "{\"success\":false,\"successCount\":15,\"errors\":[{\"id\":\"newspulse-lens-tone\","
                        + "\"type\":\"lens\",\"meta\":{\"title\":\"Tone per window\"},"
                        + "\"error\":{\"type\":\"conflict\"}}]}";

        Run run = cli("kibana", "import", "--url", url());

        assertThat(run.status).isEqualTo(1);
        assertThat(requests.get(0).query).isNull();
        assertThat(run.out).contains("imported 15 saved objects");
        assertThat(run.err)
                .contains("lens/newspulse-lens-tone (Tone per window): conflict")
                .contains("--overwrite");
    }

    @Test
    void missingReferencesAreListed() {
        answer =
                "{\"success\":false,\"successCount\":0,\"errors\":[{\"id\":\"d\",\"type\":\"dashboard\","
                        + "\"title\":\"Market news pulse\",\"error\":{\"type\":\"missing_references\","
                        + "\"references\":[{\"type\":\"lens\",\"id\":\"gone\"}]}}]}";

        Run run = cli("kibana", "import", "--url", url(), "--overwrite");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.err)
                .contains("dashboard/d (Market news pulse): missing_references [lens/gone]");
    }

    @Test
    void httpErrorsMapToExitStatuses() {
        status = 401;
        answer = "{\"statusCode\":401,\"error\":\"Unauthorized\"}";
        Run unauthorized = cli("kibana", "import", "--url", url());
        assertThat(unauthorized.status).isEqualTo(3);
        assertThat(unauthorized.err).contains("rejected the credentials");

        status = 500;
        answer = "<html>proxy error</html>";
        Run broken = cli("kibana", "import", "--url", url());
        assertThat(broken.status).isEqualTo(1);
        assertThat(broken.err).contains("HTTP 500").contains("proxy error");

        int port = server.getAddress().getPort();
        server.stop(0);
        Run unreachable = cli("kibana", "import", "--url", "http://127.0.0.1:" + port);
        assertThat(unreachable.status).isEqualTo(2);
        assertThat(unreachable.err).contains("cannot reach Kibana");

        Run badUrl = cli("kibana", "import", "--url", "kibana:5601");
        assertThat(badUrl.status).isEqualTo(2);
    }

    @Test
    void sendsBasicAuthFromKibanaCredentialsElseElasticsearchOnes() throws Exception {
        // Credentials come only from the environment: run the command in a child JVM.
        assertThat(
                        subprocess(
                                Map.of(
                                        "NEWSPULSE_KIBANA_USERNAME", "kib",
                                        "NEWSPULSE_KIBANA_PASSWORD", "kib-secret",
                                        "NEWSPULSE_ES_USERNAME", "es",
                                        "NEWSPULSE_ES_PASSWORD", "es-secret")))
                .isZero();
        assertThat(
                        subprocess(
                                Map.of(
                                        "NEWSPULSE_ES_USERNAME", "es",
                                        "NEWSPULSE_ES_PASSWORD", "es-secret")))
                .isZero();
        assertThat(requests)
                .extracting(r -> r.header("Authorization"))
                .containsExactly(basic("kib", "kib-secret"), basic("es", "es-secret"));
    }

    private int subprocess(Map<String, String> env) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb =
                new ProcessBuilder(
                                java.toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                NewspulseCli.class.getName(),
                                "kibana",
                                "import",
                                "--url",
                                url())
                        .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("NEWSPULSE_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return p.exitValue();
    }

    private static String basic(String user, String password) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private record Part(String headers, String content) {}

    /** Splits a multipart/form-data body (RFC 7578) into its parts. */
    private static List<Part> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.UTF_8);
        String delimiter = "--" + boundary;
        assertThat(text).startsWith(delimiter + "\r\n").endsWith("\r\n" + delimiter + "--\r\n");
        List<Part> parts = new ArrayList<>();
        String inner = text.substring(0, text.length() - (delimiter + "--\r\n").length());
        for (String chunk : inner.split(Pattern.quote(delimiter + "\r\n"))) {
            if (chunk.isEmpty()) {
                continue;
            }
            int end = chunk.indexOf("\r\n\r\n");
            assertThat(end).as("part headers end").isPositive();
            String content = chunk.substring(end + 4);
            assertThat(content).endsWith("\r\n");
            parts.add(
                    new Part(chunk.substring(0, end), content.substring(0, content.length() - 2)));
        }
        return parts;
    }

    private static synchronized Run cli(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = NewspulseCli.run(args);
            return new Run(
                    status,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
