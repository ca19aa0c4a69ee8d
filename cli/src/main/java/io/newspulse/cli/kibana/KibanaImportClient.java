package io.newspulse.cli.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.cli.kibana.KibanaImportException.Reason;
import io.newspulse.common.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A client of Kibana's saved objects import API: POSTs NDJSON to {@code
 * BASE/api/saved_objects/_import} as multipart form data with a {@code kbn-xsrf} header and, when
 * given, basic auth, and reads the import result.
 */
public final class KibanaImportClient {

    static final String FILE_NAME = "newspulse.ndjson";

    /**
     * What Kibana answered to an import request.
     *
     * @param successCount objects imported
     * @param success Kibana's own verdict
     * @param errors one line per object Kibana did not import (type/id, title, error type, missing
     *     references, message)
     * @param conflicts whether some objects exist already (import again with overwrite)
     */
    public record ImportResult(
            int successCount, boolean success, List<String> errors, boolean conflicts) {

        public ImportResult {
            errors = List.copyOf(errors);
        }

        /** True when every object was imported. */
        public boolean complete() {
            return success && errors.isEmpty();
        }
    }

    private final URI base;
    private final Duration timeout;
    private final String authorization;

    /**
     * @param base Kibana's base URL, ending with a slash
     * @param timeout request timeout (connecting waits at most 10 seconds of it)
     * @param authorization the {@code Authorization} header value, or null for none
     */
    public KibanaImportClient(URI base, Duration timeout, String authorization) {
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.authorization = authorization;
    }

    /**
     * Imports the saved objects.
     *
     * @throws KibanaImportException when Kibana is unreachable, rejects the credentials or the
     *     privileges, or answers with something other than an import result
     */
    public ImportResult importObjects(byte[] ndjson, boolean overwrite) {
        URI endpoint =
                base.resolve("api/saved_objects/_import" + (overwrite ? "?overwrite=true" : ""));
        String boundary = "newspulse-" + UUID.randomUUID();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(timeout)
                        .header("kbn-xsrf", "newspulse")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, ndjson)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient http =
                HttpClient.newBuilder()
                        .connectTimeout(
                                timeout.compareTo(Duration.ofSeconds(10)) < 0
                                        ? timeout
                                        : Duration.ofSeconds(10))
                        .build();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KibanaImportException(
                    Reason.UNREACHABLE, "cannot reach Kibana at " + base + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KibanaImportException(Reason.UNREACHABLE, "interrupted");
        }
        return result(response);
    }

    private ImportResult result(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401) {
            throw new KibanaImportException(
                    Reason.NOT_AUTHORIZED,
                    "Kibana at "
                            + base
                            + " rejected the credentials (HTTP 401): set"
                            + " NEWSPULSE_KIBANA_USERNAME/NEWSPULSE_KIBANA_PASSWORD (or the"
                            + " NEWSPULSE_ES_ ones)");
        }
        if (status == 403) {
            throw new KibanaImportException(
                    Reason.NOT_AUTHORIZED,
                    "Kibana at "
                            + base
                            + " refused the import (HTTP 403): the user needs write access to"
                            + " saved objects (e.g. Kibana privilege all on Saved Objects"
                            + " Management)"
                            + excerpt(response.body()));
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (status != 200 || body == null || !body.isObject()) {
            throw new KibanaImportException(
                    Reason.REFUSED,
                    "Kibana at "
                            + base
                            + " answered HTTP "
                            + status
                            + " to the import"
                            + excerpt(response.body()));
        }
        List<String> errors = new ArrayList<>();
        boolean conflicts = false;
        for (JsonNode error : body.path("errors")) {
            String type = error.path("error").path("type").asText("unknown");
            conflicts |= type.equals("conflict");
            errors.add(describeError(error, type));
        }
        return new ImportResult(
                body.path("successCount").asInt(0),
                body.path("success").asBoolean(false),
                errors,
                conflicts);
    }

    /**
     * Basic auth from {@code NEWSPULSE_KIBANA_USERNAME}/{@code NEWSPULSE_KIBANA_PASSWORD}, else
     * {@code NEWSPULSE_ES_USERNAME}/{@code NEWSPULSE_ES_PASSWORD}; null when neither pair is set.
     *
     * @throws KibanaImportException when only one of the Kibana pair is set
     */
    public static String authorization(Map<String, String> env) {
        String user = blankToNull(env.get("NEWSPULSE_KIBANA_USERNAME"));
        String password = blankToNull(env.get("NEWSPULSE_KIBANA_PASSWORD"));
        if ((user == null) != (password == null)) {
            throw new KibanaImportException(
                    Reason.BAD_INPUT,
                    "set both NEWSPULSE_KIBANA_USERNAME and NEWSPULSE_KIBANA_PASSWORD, or"
                            + " neither");
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
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
            missing.forEach(r -> refs.add(r.path("type").asText() + "/" + r.path("id").asText()));
            line.append(" ").append(refs);
        }
        String message = error.path("error").path("message").asText("");
        if (!message.isEmpty()) {
            line.append(" ").append(message);
        }
        return line.toString();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof ConnectException) {
            message = "connection refused";
        } else if (e instanceof HttpTimeoutException) {
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
