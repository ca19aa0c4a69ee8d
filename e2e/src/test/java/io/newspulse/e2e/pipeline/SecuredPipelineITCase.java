package io.newspulse.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.cli.feed.FeedRecord;
import io.newspulse.cli.feed.SampleFeed;
import io.newspulse.cli.setup.SecurityRoles;
import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.e2e.pipeline.Pipeline.Raw;
import io.newspulse.e2e.testing.CapturedLog;
import io.newspulse.e2e.testing.FileRealm;
import io.newspulse.local.LocalElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both jobs against an Elasticsearch node with security on (file realm, HTTP without TLS), on a
 * MiniCluster with its REST endpoint (the web UI's API), and the shared Kafka broker. A superuser
 * installs the templates and reads back; the jobs' sinks write as a file-realm user holding only
 * the writer role that {@code newspulse es roles-yml} prints for this configuration. The jobs get
 * the writer's password as production does: {@code NEWSPULSE_ES_PASSWORD} in the environment the
 * configuration is loaded from ({@code Secrets}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SecuredPipelineITCase {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = Pipeline.miniCluster();

    private static final String ADMIN = "np-admin";
    private static final String ADMIN_PASSWORD = "np-admin-secret";
    private static final String WRITER = "np-writer";

    /** The known secret: unique, so any occurrence in a log or the web UI is this run's leak. */
    private static final String WRITER_PASSWORD = "wr1ter-" + UUID.randomUUID();

    /** Fixed index names, so that the writer's role (patterns of these names) fits every test. */
    private static final List<String> INDICES =
            List.of(
                    "elasticsearch.index_articles=secured-articles",
                    "elasticsearch.index_aggregates=secured-aggregates",
                    "elasticsearch.index_alerts=secured-alerts");

    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    private static LocalElasticsearch node;

    @BeforeAll
    static void startSecuredNode() throws Exception {
        node = FileRealm.startNode(ADMIN, ADMIN_PASSWORD);
        // Exactly what `newspulse es roles-yml` prints for the jobs' index names.
        FileRealm.writeRoles(
                node,
                SecurityRoles.rolesYml(
                        NewspulseConfig.load(Optional.empty(), Map.of(), INDICES).elasticsearch()));
        FileRealm.addUser(node, WRITER, WRITER_PASSWORD, SecurityRoles.WRITER);
        FileRealm.awaitLogin(node, WRITER, WRITER_PASSWORD);
    }

    @AfterAll
    static void stopSecuredNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theSinksWriteAsTheWriterAndTheSecretStaysOutOfLogsAndTheWebUi() throws Exception {
        SampleFeed.Options options =
                SampleFeed.Options.defaults(11, T0)
                        .withBaselineMinutes(6)
                        .withBurstMinutes(1)
                        .withIncludeInvalid(false);
        List<Raw> input = new ArrayList<>();
        for (FeedRecord r : SampleFeed.generate(options)) {
            input.add(new Raw(r.key(), r.valueBytes(), null));
        }
        input.add(
                Pipeline.article(
                        "tail-1",
                        "wire-tail",
                        options.burstEnd().plus(Duration.ofMinutes(2)),
                        "Trading was quiet overnight",
                        "Few reports came in overnight."));
        long ids = input.stream().map(Raw::key).distinct().count();

        Path log = Path.of("target", "secured-it", "run-" + System.currentTimeMillis() + ".log");
        String jobConfig;
        String clusterConfig;
        try (CapturedLog captured = CapturedLog.start(log);
                Pipeline p = pipeline("secured", WRITER, WRITER_PASSWORD)) {
            JsonNode who = authenticate(WRITER, WRITER_PASSWORD);
            assertThat(who.path("roles"))
                    .extracting(JsonNode::asText)
                    .containsExactly(SecurityRoles.WRITER);

            p.start();
            p.produce(input);
            p.await(
                    "every article indexed by the writer",
                    () -> p.count(p.cfg.elasticsearch().indexArticles()),
                    n -> n >= ids);
            p.await(
                    "aggregates indexed by the writer",
                    () -> p.count(p.cfg.elasticsearch().indexAggregates()),
                    n -> n > 0);
            p.await(
                    "alerts indexed by the writer",
                    () -> p.count(p.cfg.elasticsearch().indexAlerts()),
                    n -> n > 0);
            assertThat(p.count(p.cfg.elasticsearch().indexArticles())).isEqualTo(ids);
            assertThat(p.records(p.cfg.topics().dlq())).isEmpty();

            // The web UI's configuration views: the job's (global job parameters = the effective
            // configuration) and the cluster's.
            String jobId = p.job().getJobID().toHexString();
            jobConfig = rest("/jobs/" + jobId + "/config");
            clusterConfig = rest("/jobmanager/config");
        }

        JsonNode userConfig =
                Pipeline.parse(jobConfig).path("execution-config").path("user-config");
        assertThat(userConfig.path("elasticsearch.hosts").asText()).isEqualTo(node.url());
        assertThat(userConfig.path("elasticsearch.index_articles").asText())
                .isEqualTo("secured-articles");
        String basic =
                Base64.getEncoder()
                        .encodeToString(
                                (WRITER + ":" + WRITER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(jobConfig).doesNotContain(WRITER_PASSWORD).doesNotContain(basic);
        assertThat(clusterConfig).doesNotContain(WRITER_PASSWORD).doesNotContain(basic);

        // Every log file of the run: this JVM's (Flink, Kafka, the sinks, at INFO) and the node's.
        List<Path> logs = new ArrayList<>(List.of(log));
        try (Stream<Path> files = Files.walk(node.nodeDir().resolve("logs"))) {
            logs.addAll(files.filter(Files::isRegularFile).collect(Collectors.toList()));
        }
        assertThat(Files.size(log)).as("captured log %s", log).isPositive();
        assertThat(Files.readString(log)).contains(WRITER);
        for (Path file : logs) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(text)
                    .as("log file %s", file)
                    .doesNotContain(WRITER_PASSWORD)
                    .doesNotContain(basic);
        }
        System.out.printf(
                "SecuredPipelineITCase: %d log files searched (%d bytes of this JVM's log at INFO)%n",
                logs.size(), Files.size(log));
    }

    @Test
    void wrongCredentialsFailTheJobAtStartNamingTheUserAndTheStatusWithoutRestarts()
            throws Exception {
        String wrong = "not-the-password-" + UUID.randomUUID();
        try (Pipeline p = pipeline("wrong-secret", WRITER, wrong)) {
            long start = System.nanoTime();
            p.start();
            String jobId = p.job().getJobID().toHexString();
            // The failure is decided as the sinks open; the job then waits for its other tasks
            // to stop (a task loading the knowledge base finishes that first).
            List<JobStatus> seen = new ArrayList<>();
            JobStatus failing =
                    p.await(
                            "the job to fail",
                            () -> {
                                JobStatus s = p.job().getJobStatus().get(30, TimeUnit.SECONDS);
                                if (seen.isEmpty() || seen.get(seen.size() - 1) != s) {
                                    seen.add(s);
                                }
                                return s;
                            },
                            s -> s == JobStatus.FAILING || s == JobStatus.FAILED,
                            false,
                            Duration.ofMinutes(2));
            double failedAfter = (System.nanoTime() - start) / 1e9;
            Throwable failure = p.awaitEnd(Duration.ofMinutes(4));
            double endedAfter = (System.nanoTime() - start) / 1e9;
            assertThat(seen).as("states %s", seen).doesNotContain(JobStatus.RESTARTING);
            assertThat(p.job().getJobStatus().get(30, TimeUnit.SECONDS))
                    .isEqualTo(JobStatus.FAILED);
            String trace = ExceptionUtils.stringifyException(failure);
            assertThat(trace)
                    .contains("refused the credentials of user '" + WRITER + "' (HTTP 401")
                    .contains(node.url())
                    .doesNotContain(wrong);
            // One failure, no restart attempt after it (the restart strategy is Flink's default).
            JsonNode exceptions = Pipeline.parse(rest("/jobs/" + jobId + "/exceptions"));
            assertThat(exceptions.path("exceptionHistory").path("entries").size())
                    .as("failures in the exception history: %s", exceptions)
                    .isEqualTo(1);
            System.out.printf(
                    "SecuredPipelineITCase: wrong password: job %s after %.1f s, FAILED after"
                            + " %.1f s, 1 failure, restart strategy %s%n",
                    failing,
                    failedAfter,
                    endedAfter,
                    Pipeline.parse(rest("/jobs/" + jobId + "/config"))
                            .path("execution-config")
                            .path("restart-strategy")
                            .asText());
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A pipeline whose jobs write Elasticsearch as {@code user} (credentials from their
     * environment), set up and read back by the superuser.
     */
    private static Pipeline pipeline(String name, String user, String password) throws IOException {
        return Pipeline.create(
                name,
                INDICES,
                new Configuration(),
                node.url(),
                credentials(user, password),
                credentials(ADMIN, ADMIN_PASSWORD));
    }

    private static Map<String, String> credentials(String user, String password) {
        return Map.of("NEWSPULSE_ES_USERNAME", user, "NEWSPULSE_ES_PASSWORD", password);
    }

    private static JsonNode authenticate(String user, String password) throws Exception {
        String basic =
                Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(node.url() + "/_security/_authenticate"))
                        .header("Authorization", "Basic " + basic)
                        .build();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Pipeline.parse(response.body());
    }

    /** A GET of the MiniCluster's REST API (what the web UI shows). */
    private static String rest(String path) {
        Configuration client = MINI_CLUSTER.getClientConfiguration();
        URI uri =
                URI.create(
                        "http://"
                                + client.get(RestOptions.ADDRESS)
                                + ":"
                                + client.get(RestOptions.PORT)
                                + path);
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
