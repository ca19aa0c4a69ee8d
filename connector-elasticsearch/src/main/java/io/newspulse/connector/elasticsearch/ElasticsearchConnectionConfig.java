package io.newspulse.connector.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Where and how the writer connects: hosts, optional basic auth, optional TLS trust and timeouts.
 * Serialised with the sink; the client itself is created in the writer.
 */
final class ElasticsearchConnectionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> hosts;
    private final String username;
    private final String password;
    private final int connectTimeoutMillis;
    private final int socketTimeoutMillis;
    private final ElasticsearchTrust trust;

    /** {@code trust} may be null: HTTPS hosts are then checked against the JDK's trusted CAs. */
    ElasticsearchConnectionConfig(
            List<String> hosts,
            String username,
            String password,
            ElasticsearchTrust trust,
            int connectTimeoutMillis,
            int socketTimeoutMillis) {
        this.hosts = List.copyOf(hosts);
        this.username = username;
        this.password = password;
        this.trust = trust;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.socketTimeoutMillis = socketTimeoutMillis;
    }

    List<String> hosts() {
        return hosts;
    }

    int socketTimeoutMillis() {
        return socketTimeoutMillis;
    }

    /** A new async client over a {@link RestClientTransport}; the caller closes its transport. */
    ElasticsearchAsyncClient createClient() {
        HttpHost[] httpHosts = hosts.stream().map(h -> HttpHost.create(h)).toArray(HttpHost[]::new);
        RestClient restClient =
                RestClient.builder(httpHosts)
                        .setRequestConfigCallback(
                                config ->
                                        config.setConnectTimeout(connectTimeoutMillis)
                                                .setSocketTimeout(socketTimeoutMillis))
                        .setHttpClientConfigCallback(
                                http -> {
                                    if (username != null) {
                                        BasicCredentialsProvider credentials =
                                                new BasicCredentialsProvider();
                                        credentials.setCredentials(
                                                AuthScope.ANY,
                                                new UsernamePasswordCredentials(
                                                        username, password));
                                        http.setDefaultCredentialsProvider(credentials);
                                    }
                                    return trust == null ? http : trust.configure(http);
                                })
                        .build();
        return new ElasticsearchAsyncClient(
                new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    /**
     * Asks {@code GET /_security/_authenticate} with the configured credentials and throws {@link
     * ElasticsearchAuthenticationException}, naming the user, when the answer is 401. Any other
     * answer passes: 200, or the error of a node with security off; an unreachable node passes too
     * (the writer's retries and back-pressure deal with it).
     *
     * @return the status, or -1 when no answer came
     */
    int checkCredentials(RestClient client) {
        try {
            return client.performRequest(new Request("GET", "/_security/_authenticate"))
                    .getStatusLine()
                    .getStatusCode();
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 401) {
                throw new ElasticsearchAuthenticationException(
                        "Elasticsearch at "
                                + hosts
                                + (username == null
                                        ? " requires credentials (HTTP 401) and none are set"
                                        : " refused the credentials of user '"
                                                + username
                                                + "' (HTTP 401 Unauthorized)")
                                + ": check NEWSPULSE_ES_USERNAME and NEWSPULSE_ES_PASSWORD. The"
                                + " job is not restarted for this.");
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Checks that {@code host} is an {@code http(s)://host:port} address. */
    static String checkHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Elasticsearch host must not be blank");
        }
        URI uri;
        try {
            uri = URI.create(host.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + host, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getPort() <= 0) {
            throw new IllegalArgumentException(
                    "Elasticsearch host must look like http://host:port, got " + host);
        }
        return host.trim();
    }

    @Override
    public String toString() {
        return "hosts="
                + hosts
                + (username == null ? "" : " user=" + username)
                + (trust == null ? "" : " trust=" + trust)
                + " connectTimeout="
                + connectTimeoutMillis
                + "ms socketTimeout="
                + socketTimeoutMillis
                + "ms";
    }
}
