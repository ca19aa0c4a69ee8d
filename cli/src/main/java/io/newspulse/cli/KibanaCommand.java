package io.newspulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.indexing.MonthlyIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newspulse kibana import}: imports the bundled saved objects
 * (deploy/kibana/newspulse.ndjson: data views of the three indices, Lens visualizations, saved
 * searches and the "Market news pulse" and "Company drill-down" dashboards) through Kibana's saved
 * objects import API.
 */
@Command(
        name = "kibana",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Kibana administration.",
        subcommands = {KibanaCommand.Import.class})
final class KibanaCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: import");
    }

    /**
     * POSTs the saved objects to {@code URL/api/saved_objects/_import} as multipart form data with
     * a {@code kbn-xsrf} header and basic auth from {@code NEWSPULSE_KIBANA_USERNAME}/{@code
     * NEWSPULSE_KIBANA_PASSWORD}, else {@code NEWSPULSE_ES_USERNAME}/{@code NEWSPULSE_ES_PASSWORD}.
     * Data view titles follow the configured index names.
     *
     * <p>Exit status: 0 all imported; 1 Kibana reported errors (conflicts, missing references) or
     * refused the request; 2 bad input or Kibana unreachable; 3 credentials rejected or privileges
     * missing.
     */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = {
                "Import the newspulse data views and dashboards into Kibana.",
                "Credentials: NEWSPULSE_KIBANA_USERNAME/NEWSPULSE_KIBANA_PASSWORD, else"
                        + " NEWSPULSE_ES_USERNAME/NEWSPULSE_ES_PASSWORD.",
                "Exit status: 0 imported, 1 Kibana reported errors, 2 bad input or unreachable, 3"
                        + " credentials or privileges."
            })
    static final class Import implements Callable<Integer> {
        static final String SAVED_OBJECTS = "newspulse/kibana/newspulse.ndjson";
        static final String FILE_NAME = "newspulse.ndjson";

        /** Data view id to the config key of the index it shows. */
        private static final Map<String, String> DATA_VIEWS =
                Map.of(
                        "newspulse-dv-articles", "articles",
                        "newspulse-dv-aggregates", "aggregates",
                        "newspulse-dv-alerts", "alerts");

        private static final List<String> DASHBOARDS =
                List.of(
                        "newspulse-dashboard-market-pulse",
                        "newspulse-dashboard-company-drilldown");

        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "URL",
                description = "Kibana base URL, e.g. http://kibana:5601.")
        String url;

        @Option(
                names = "--overwrite",
                description = "Replace saved objects that already exist (same ids).")
        boolean overwrite;

        @Option(
                names = "--timeout",
                paramLabel = "SECONDS",
                description = "Connect and request timeout in seconds (default: 60).")
        int timeoutSeconds = 60;

        @Override
        public Integer call() {
            URI base = baseUri(url);
            if (timeoutSeconds < 1) {
                throw new CliException("--timeout must be at least 1 second", 2);
            }
            String authorization = authorization(System.getenv());
            NewspulseConfig cfg = config.load();
            byte[] ndjson = savedObjects(cfg.elasticsearch());
            URI endpoint =
                    base.resolve(
                            "api/saved_objects/_import" + (overwrite ? "?overwrite=true" : ""));
            String boundary = "newspulse-" + UUID.randomUUID();
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(timeoutSeconds))
                            .header("kbn-xsrf", "newspulse")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(
                                    HttpRequest.BodyPublishers.ofByteArray(
                                            multipart(boundary, ndjson)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpClient http =
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 10)))
                            .build();
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new CliException("cannot reach Kibana at " + base + ": " + describe(e), 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted", 2);
            }
            return report(base, response);
        }

        private int report(URI base, HttpResponse<String> response) {
            int status = response.statusCode();
            if (status == 401) {
                throw new CliException(
                        "Kibana at "
                                + base
                                + " rejected the credentials (HTTP 401): set"
                                + " NEWSPULSE_KIBANA_USERNAME/NEWSPULSE_KIBANA_PASSWORD (or the"
                                + " NEWSPULSE_ES_ ones)",
                        3);
            }
            if (status == 403) {
                throw new CliException(
                        "Kibana at "
                                + base
                                + " refused the import (HTTP 403): the user needs write access to"
                                + " saved objects (e.g. Kibana privilege all on Saved Objects"
                                + " Management)"
                                + excerpt(response.body()),
                        3);
            }
            JsonNode body;
            try {
                body = Json.mapper().readTree(response.body());
            } catch (IOException e) {
                body = null;
            }
            if (status != 200 || body == null || !body.isObject()) {
                throw new CliException(
                        "Kibana at "
                                + base
                                + " answered HTTP "
                                + status
                                + " to the import"
                                + excerpt(response.body()),
                        1);
            }
            PrintWriter out = spec.commandLine().getOut();
            int imported = body.path("successCount").asInt(0);
            out.println("imported " + imported + " saved objects into Kibana at " + base);
            List<String> errors = new ArrayList<>();
            boolean conflicts = false;
            for (JsonNode error : body.path("errors")) {
                String type = error.path("error").path("type").asText("unknown");
                conflicts |= type.equals("conflict");
                errors.add(describeError(error, type));
            }
            if (body.path("success").asBoolean(false) && errors.isEmpty()) {
                for (String dashboard : DASHBOARDS) {
                    out.println("  " + base.resolve("app/dashboards#/view/" + dashboard));
                }
                out.flush();
                return 0;
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    spec.qualifiedName()
                            + ": Kibana reported "
                            + errors.size()
                            + " error(s)"
                            + (conflicts ? " (objects exist already: re-run with --overwrite)" : "")
                            + ":");
            errors.forEach(e -> err.println("  " + e));
            err.flush();
            return 1;
        }

        private static String describeError(JsonNode error, String type) {
            String title = error.path("meta").path("title").asText(error.path("title").asText(""));
            StringBuilder line =
                    new StringBuilder()
                            .append(error.path("type").asText("?"))
                            .append('/')
                            .append(error.path("id").asText("?"));
            if (!title.isEmpty()) {
                line.append(" (").append(title).append(')');
            }
            line.append(": ").append(type);
            JsonNode missing = error.path("error").path("references");
            if (missing.isArray() && !missing.isEmpty()) {
                List<String> refs = new ArrayList<>();
                missing.forEach(
                        r -> refs.add(r.path("type").asText() + "/" + r.path("id").asText()));
                line.append(" ").append(refs);
            }
            String message = error.path("error").path("message").asText("");
            if (!message.isEmpty()) {
                line.append(" ").append(message);
            }
            return line.toString();
        }

        /** The bundled saved objects, data view titles set to the configured index names. */
        static byte[] savedObjects(NewspulseConfig.Elasticsearch es) {
            Map<String, String> titles =
                    Map.of(
                            "articles", MonthlyIndex.pattern(es.indexArticles()),
                            "aggregates", MonthlyIndex.pattern(es.indexAggregates()),
                            "alerts", MonthlyIndex.pattern(es.indexAlerts()));
            StringBuilder out = new StringBuilder();
            try (InputStream in =
                    KibanaCommand.class.getClassLoader().getResourceAsStream(SAVED_OBJECTS)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "Kibana saved objects missing from the jar: " + SAVED_OBJECTS);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    ObjectNode object = (ObjectNode) Json.mapper().readTree(line);
                    String index = DATA_VIEWS.get(object.path("id").asText());
                    if (index != null && object.path("type").asText().equals("index-pattern")) {
                        ((ObjectNode) object.path("attributes")).put("title", titles.get(index));
                    }
                    out.append(Json.mapper().writeValueAsString(object)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        static byte[] multipart(String boundary, byte[] ndjson) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String head =
                    "--"
                            + boundary
                            + "\r\n"
                            + "Content-Disposition: form-data; name=\"file\"; filename=\""
                            + FILE_NAME
                            + "\"\r\n"
                            + "Content-Type: application/ndjson\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(ndjson);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return body.toByteArray();
        }

        static String authorization(Map<String, String> env) {
            String user = blankToNull(env.get("NEWSPULSE_KIBANA_USERNAME"));
            String password = blankToNull(env.get("NEWSPULSE_KIBANA_PASSWORD"));
            if ((user == null) != (password == null)) {
                throw new CliException(
                        "set both NEWSPULSE_KIBANA_USERNAME and NEWSPULSE_KIBANA_PASSWORD, or"
                                + " neither",
                        2);
            }
            if (user == null) {
                user = blankToNull(env.get("NEWSPULSE_ES_USERNAME"));
                password = blankToNull(env.get("NEWSPULSE_ES_PASSWORD"));
            }
            if (user == null || password == null) {
                return null;
            }
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        private static URI baseUri(String url) {
            try {
                URI uri = new URI(url.endsWith("/") ? url : url + "/");
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                        || uri.getHost() == null) {
                    throw new CliException(
                            "--url must be an http:// or https:// URL, got " + url, 2);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new CliException("--url is not a valid URL: " + url, 2);
            }
        }

        private static String describe(IOException e) {
            String message = e.getMessage();
            if (e instanceof java.net.ConnectException) {
                message = "connection refused";
            } else if (e instanceof java.net.http.HttpTimeoutException) {
                message = "timed out";
            } else if (message == null || message.isBlank()) {
                message = e.getClass().getSimpleName();
            }
            return message;
        }

        private static String excerpt(String body) {
            if (body == null || body.isBlank()) {
                return "";
            }
            String flat = body.strip().replaceAll("\\s+", " ");
            return ": " + (flat.length() > 300 ? flat.substring(0, 300) + "..." : flat);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
