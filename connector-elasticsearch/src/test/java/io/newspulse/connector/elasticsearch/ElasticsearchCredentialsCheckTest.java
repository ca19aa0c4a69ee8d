package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.runtime.throwable.ThrowableClassifier;
import org.apache.flink.runtime.throwable.ThrowableType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's start-up credentials check against a local HTTP server playing Elasticsearch. */
class ElasticsearchCredentialsCheckTest {
    private HttpServer server;
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/_security/_authenticate",
                exchange -> {
                    authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    if (status.get() == 401) {
                        exchange.getResponseHeaders()
                                .add("WWW-Authenticate", "Basic realm=\"security\"");
                    }
                    exchange.sendResponseHeaders(status.get(), body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ElasticsearchConnectionConfig config(String url, String user, String password) {
        return new ElasticsearchConnectionConfig(List.of(url), user, password, null, 2_000, 2_000);
    }

    /** Checks with the writer's own client (basic auth as the writer sends it). */
    private static int check(ElasticsearchConnectionConfig config) throws Exception {
        var transport = (RestClientTransport) config.createClient()._transport();
        try {
            return config.checkCredentials(transport.restClient());
        } finally {
            transport.close();
        }
    }

    @Test
    void aRefusedUserFailsWithItsNameAndTheStatusAndNoRestart() {
        status.set(401);
        String url = url();

        assertThatThrownBy(() -> check(config(url, "np-writer", "wrong-secret")))
                .isInstanceOf(ElasticsearchAuthenticationException.class)
                .hasMessageContaining("user 'np-writer'")
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining(url)
                .hasMessageNotContaining("wrong-secret")
                .satisfies(e -> assertThat(authorization.get()).startsWith("Basic "))
                .satisfies(
                        e ->
                                assertThat(ThrowableClassifier.getThrowableType(e))
                                        .isEqualTo(ThrowableType.NonRecoverableError));
    }

    @Test
    void withoutCredentialsA401SaysThatNoneAreSet() {
        status.set(401);
        String url = url();

        assertThatThrownBy(() -> check(config(url, null, null)))
                .isInstanceOf(ElasticsearchAuthenticationException.class)
                .hasMessageContaining("none are set");
    }

    @Test
    void acceptedCredentialsAndNodesWithoutSecurityPass() throws Exception {
        String url = url();
        assertThat(check(config(url, "np-writer", "secret"))).isEqualTo(200);
        // A node with security off answers the security API with an error, not 401.
        status.set(500);
        assertThat(check(config(url, null, null))).isEqualTo(500);
    }

    @Test
    void anUnreachableNodePassesForTheRetriesToHandle() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        assertThat(check(config(url, "np-writer", "secret"))).isEqualTo(-1);
    }
}
