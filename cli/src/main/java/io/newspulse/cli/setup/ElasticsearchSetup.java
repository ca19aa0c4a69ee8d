package io.newspulse.cli.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * What {@code newspulse es setup} does, in order, each step reported as one {@link Step}:
 *
 * <ol>
 *   <li>ILM: when {@code GET _ilm/status} answers, installs the {@link LifecyclePolicy}; otherwise
 *       the step is skipped (clusters without ILM, such as the integration-test distribution);
 *   <li>index templates: installs or replaces them, naming the policy in their settings only when
 *       the policy was installed;
 *   <li>roles: when security is on, stores {@link SecurityRoles} through the role API (skipped when
 *       security is off, or on request);
 *   <li>writer user (optional): creates or updates a native-realm user with the writer role; on a
 *       cluster without a native realm, checks that a file-realm user of that name has the role.
 * </ol>
 *
 * <p>A rejected login (HTTP 401) stops the setup with an {@link ElasticsearchSetupException}; other
 * failures are reported per step and the remaining steps still run.
 */
public final class ElasticsearchSetup {

    private static final String RUN_AS_HEADER = "es-security-runas-user";
    private static final int MAX_REASON = 300;

    private final RestClient client;
    private final NewspulseConfig.Elasticsearch es;

    /**
     * What to set up besides templates.
     *
     * @param retentionDays days every document is kept at least before its month's index is deleted
     *     (ILM clusters only)
     * @param installRoles store the roles through the role API (false: they are managed elsewhere,
     *     e.g. in roles.yml)
     * @param writerUser the user to create or update with the writer role, or null for none
     * @param writerPassword its password (at least 6 characters), required with {@code writerUser}
     */
    public record Options(
            int retentionDays, boolean installRoles, String writerUser, String writerPassword) {
        public Options {
            if (retentionDays < 1) {
                throw new IllegalArgumentException(
                        "retention days must be at least 1, got " + retentionDays);
            }
            if (writerUser != null) {
                if (!writerUser.matches("[A-Za-z0-9_.@-]{1,507}")) {
                    throw new IllegalArgumentException(
                            "writer user name may use letters, digits and _ . @ - only: "
                                    + writerUser);
                }
                if (writerPassword == null || writerPassword.length() < 6) {
                    throw new IllegalArgumentException(
                            "the writer user's password (NEWSPULSE_ES_WRITER_PASSWORD) must be set"
                                    + " and have at least 6 characters");
                }
            }
        }

        /** Templates, ILM policy with the default retention and roles; no user. */
        public static Options defaults() {
            return new Options(LifecyclePolicy.DEFAULT_RETENTION_DAYS, true, null, null);
        }

        @Override
        public String toString() {
            return "Options[retentionDays="
                    + retentionDays
                    + ", installRoles="
                    + installRoles
                    + ", writerUser="
                    + writerUser
                    + ", writerPassword="
                    + (writerPassword == null ? "none" : "***")
                    + "]";
        }
    }

    /** How a step ended. */
    public enum Outcome {
        /** Installed or verified. */
        DONE,
        /** Not applicable to this cluster, or not asked for. */
        SKIPPED,
        /** Refused for lack of privileges (HTTP 403). */
        FORBIDDEN,
        /** Could not be done; the message says why and what to do. */
        FAILED
    }

    /** One step of the setup: {@code ilm}, {@code templates}, {@code roles} or {@code user}. */
    public record Step(String name, Outcome outcome, String message) {
        @Override
        public String toString() {
            return name + ": " + message;
        }
    }

    /** All steps, in the order they ran. */
    public record Report(List<Step> steps) {
        public Report {
            steps = List.copyOf(steps);
        }

        /** Whether no step failed or was forbidden. */
        public boolean succeeded() {
            return steps.stream()
                    .noneMatch(
                            s -> s.outcome() == Outcome.FAILED || s.outcome() == Outcome.FORBIDDEN);
        }

        /** Whether a step was refused for lack of privileges. */
        public boolean forbidden() {
            return steps.stream().anyMatch(s -> s.outcome() == Outcome.FORBIDDEN);
        }

        /** The step of that name. */
        public Step step(String name) {
            return steps.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no step " + name));
        }
    }

    private ElasticsearchSetup(RestClient client, NewspulseConfig.Elasticsearch es) {
        this.client = Objects.requireNonNull(client, "client");
        this.es = Objects.requireNonNull(es, "es");
    }

    /**
     * Runs the setup.
     *
     * @throws ElasticsearchSetupException when Elasticsearch rejects the credentials
     * @throws IOException when Elasticsearch cannot be reached
     */
    public static Report run(RestClient client, NewspulseConfig.Elasticsearch es, Options options)
            throws IOException {
        return new ElasticsearchSetup(client, es).run(options);
    }

    private Report run(Options options) throws IOException {
        List<Step> steps = new ArrayList<>();
        Step ilm = lifecyclePolicy(options.retentionDays());
        steps.add(ilm);
        steps.add(templates(ilm.outcome() == Outcome.DONE ? LifecyclePolicy.NAME : null));
        HttpResult auth = send(new Request("GET", "/_security/_authenticate"));
        boolean security = auth.ok();
        if (!security && !securityDisabled(auth)) {
            steps.add(failure("roles", auth, "cannot tell whether security is on"));
            return new Report(steps);
        }
        if (!security) {
            steps.add(
                    new Step(
                            "roles",
                            Outcome.SKIPPED,
                            "skipped: security is disabled on this cluster (no roles or users)"));
        } else if (!options.installRoles()) {
            steps.add(new Step("roles", Outcome.SKIPPED, "skipped (--no-roles)"));
        } else {
            steps.add(roles());
        }
        if (options.writerUser() != null) {
            steps.add(
                    security
                            ? writerUser(options.writerUser(), options.writerPassword())
                            : new Step(
                                    "user",
                                    Outcome.SKIPPED,
                                    "skipped: security is disabled, so there are no users"));
        }
        return new Report(steps);
    }

    private Step lifecyclePolicy(int days) throws IOException {
        HttpResult status = send(new Request("GET", "/_ilm/status"));
        if (!status.ok()) {
            if (status.status() == 403) {
                return failure("ilm", status, "cannot check whether the cluster has ILM");
            }
            // No ILM module: the route is unknown (400/404) or only matches another method (405).
            return new Step(
                    "ilm",
                    Outcome.SKIPPED,
                    "skipped: this cluster has no index lifecycle management (GET _ilm/status: HTTP "
                            + status.status()
                            + "); templates are installed without index.lifecycle.name");
        }
        Request put = new Request("PUT", "/_ilm/policy/" + LifecyclePolicy.NAME);
        put.setEntity(json(LifecyclePolicy.withRetentionDays(days)));
        HttpResult result = send(put);
        if (!result.ok()) {
            return failure("ilm", result, "cannot install ILM policy " + LifecyclePolicy.NAME);
        }
        return new Step(
                "ilm",
                Outcome.DONE,
                "installed policy "
                        + LifecyclePolicy.NAME
                        + " (monthly indices deleted "
                        + LifecyclePolicy.deleteAfterDays(days)
                        + " days after creation: every document is kept at least "
                        + days
                        + " days)");
    }

    private Step templates(String lifecyclePolicy) throws IOException {
        try {
            List<String> written = IndexTemplates.install(client, es, true, lifecyclePolicy);
            return new Step(
                    "templates",
                    Outcome.DONE,
                    "installed index templates "
                            + String.join(", ", written)
                            + (lifecyclePolicy == null
                                    ? ""
                                    : " (index.lifecycle.name: " + lifecyclePolicy + ")"));
        } catch (ResponseException e) {
            HttpResult result = HttpResult.of(e.getResponse());
            checkCredentials(result);
            return failure(
                    "templates",
                    result,
                    "cannot install the index templates (needs cluster privilege"
                            + " manage_index_templates)");
        }
    }

    private Step roles() throws IOException {
        List<String> stored = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> role : SecurityRoles.forConfig(es).entrySet()) {
            Request put = new Request("PUT", "/_security/role/" + role.getKey());
            put.setEntity(json(role.getValue()));
            HttpResult result = send(put);
            if (!result.ok()) {
                if (result.status() == 403) {
                    return failure(
                            "roles",
                            result,
                            "cannot store role "
                                    + role.getKey()
                                    + " (needs cluster privilege manage_security)");
                }
                return failure(
                        "roles",
                        result,
                        "cannot store role "
                                + role.getKey()
                                + " in the cluster's native role store; on a cluster without one"
                                + " (file realm only), put the output of `newspulse es roles-yml`"
                                + " into roles.yml on every node and run es setup with --no-roles");
            }
            stored.add(role.getKey());
        }
        return new Step(
                "roles",
                Outcome.DONE,
                "installed "
                        + String.join(", ", stored)
                        + " on "
                        + String.join(", ", SecurityRoles.indexPatterns(es)));
    }

    private Step writerUser(String user, String password) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("password", password);
        body.putArray("roles").add(SecurityRoles.WRITER);
        body.put("full_name", "newspulse Flink sinks");
        body.putObject("metadata").put("managed_by", "newspulse es setup");
        Request put = new Request("PUT", "/_security/user/" + user);
        put.setEntity(json(body));
        HttpResult result = send(put);
        if (result.ok()) {
            boolean created = result.body().path("created").asBoolean(false);
            return new Step(
                    "user",
                    Outcome.DONE,
                    (created ? "created" : "updated")
                            + " native user "
                            + user
                            + " with role "
                            + SecurityRoles.WRITER);
        }
        if (result.status() == 403) {
            return failure(
                    "user", result, "cannot store user " + user + " (needs manage_security)");
        }
        // No native realm store: the user may live in the file realm.
        Request lookup = new Request("GET", "/_security/_authenticate");
        lookup.setOptions(RequestOptions.DEFAULT.toBuilder().addHeader(RUN_AS_HEADER, user));
        HttpResult existing = send(lookup);
        String realmless =
                "cannot store user " + user + " in the native realm (" + result.summary() + ")";
        if (!existing.ok()) {
            return new Step(
                    "user",
                    Outcome.FAILED,
                    realmless
                            + ", and the file realm has no such user; on a file-realm-only cluster"
                            + " add it on every node: elasticsearch-users useradd "
                            + user
                            + " -r "
                            + SecurityRoles.WRITER);
        }
        String realm = existing.body().path("lookup_realm").path("type").asText("?");
        boolean hasRole = false;
        for (JsonNode role : existing.body().path("roles")) {
            hasRole |= role.asText().equals(SecurityRoles.WRITER);
        }
        if (!hasRole) {
            return new Step(
                    "user",
                    Outcome.FAILED,
                    realmless
                            + "; user "
                            + user
                            + " exists in the "
                            + realm
                            + " realm without role "
                            + SecurityRoles.WRITER
                            + ": elasticsearch-users roles "
                            + user
                            + " -a "
                            + SecurityRoles.WRITER);
        }
        return new Step(
                "user",
                Outcome.DONE,
                "user "
                        + user
                        + " exists in the "
                        + realm
                        + " realm with role "
                        + SecurityRoles.WRITER
                        + "; left unchanged (this cluster has no native realm store, the password"
                        + " is managed on the nodes, NEWSPULSE_ES_WRITER_PASSWORD was not used)");
    }

    private static boolean securityDisabled(HttpResult auth) {
        if (auth.status() == 400 || auth.status() == 404 || auth.status() == 405) {
            return true; // The security REST handlers are not registered.
        }
        String reason = auth.summary().toLowerCase(Locale.ROOT);
        return reason.contains("security must be explicitly enabled")
                || reason.contains("security is not enabled")
                || reason.contains("security is disabled");
    }

    private Step failure(String step, HttpResult result, String what) {
        return new Step(
                step,
                result.status() == 403 ? Outcome.FORBIDDEN : Outcome.FAILED,
                what + ": " + result.summary());
    }

    private HttpResult send(Request request) throws IOException {
        HttpResult result;
        try {
            result = HttpResult.of(client.performRequest(request));
        } catch (ResponseException e) {
            result = HttpResult.of(e.getResponse());
        }
        checkCredentials(result);
        return result;
    }

    private void checkCredentials(HttpResult result) {
        if (result.status() == 401) {
            throw new ElasticsearchSetupException(
                    "Elasticsearch at "
                            + String.join(", ", es.hosts())
                            + " rejected the credentials (HTTP 401"
                            + (es.username() == null
                                    ? ", none were given"
                                    : ", user " + es.username())
                            + "): set NEWSPULSE_ES_USERNAME and NEWSPULSE_ES_PASSWORD to an"
                            + " administrator");
        }
    }

    private static NStringEntity json(JsonNode body) throws IOException {
        return new NStringEntity(
                Json.mapper().writeValueAsString(body), ContentType.APPLICATION_JSON);
    }

    /** A response reduced to status and JSON body (a missing or non-JSON body reads as empty). */
    private record HttpResult(int status, JsonNode body, String text) {
        static HttpResult of(Response response) throws IOException {
            int status = response.getStatusLine().getStatusCode();
            String text =
                    response.getEntity() == null
                            ? ""
                            : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            JsonNode body;
            try {
                body = text.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(text);
            } catch (IOException e) {
                body = Json.mapper().nullNode();
            }
            return new HttpResult(status, body, text);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** {@code HTTP 400: reason} with Elasticsearch's error reason when there is one. */
        String summary() {
            JsonNode error = body.path("error");
            String reason;
            if (error.isTextual()) {
                reason = error.asText();
            } else if (error.has("reason")) {
                reason = error.path("reason").asText();
            } else {
                reason = text.strip();
            }
            if (reason.length() > MAX_REASON) {
                reason = reason.substring(0, MAX_REASON) + "...";
            }
            return "HTTP " + status + (reason.isEmpty() ? "" : ": " + reason);
        }
    }
}
