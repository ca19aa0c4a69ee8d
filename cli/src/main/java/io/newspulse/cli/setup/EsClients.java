package io.newspulse.cli.setup;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.connector.elasticsearch.ElasticsearchTrust;
import java.util.List;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;

/** Low-level REST clients for administration (templates, setup, counts). */
public final class EsClients {
    private EsClients() {}

    /**
     * A REST client for the configured hosts, credentials and HTTPS trust; the caller closes it.
     */
    public static RestClient restClient(NewspulseConfig.Elasticsearch es) {
        return restClient(
                es.hosts(),
                es.username(),
                es.password(),
                ElasticsearchTrust.of(es.caCertificate(), es.caFingerprint()));
    }

    /** A REST client for {@code hosts} with optional basic auth; the caller closes it. */
    public static RestClient restClient(List<String> hosts, String username, String password) {
        return restClient(hosts, username, password, null);
    }

    /**
     * A REST client for {@code hosts} with optional basic auth and optional HTTPS {@code trust}
     * (null: the JDK's trusted CAs); the caller closes it.
     */
    public static RestClient restClient(
            List<String> hosts, String username, String password, ElasticsearchTrust trust) {
        HttpHost[] httpHosts = hosts.stream().map(HttpHost::create).toArray(HttpHost[]::new);
        return RestClient.builder(httpHosts)
                .setHttpClientConfigCallback(
                        http -> {
                            if (username != null) {
                                BasicCredentialsProvider c = new BasicCredentialsProvider();
                                c.setCredentials(
                                        AuthScope.ANY,
                                        new UsernamePasswordCredentials(username, password));
                                http.setDefaultCredentialsProvider(c);
                            }
                            return trust == null ? http : trust.configure(http);
                        })
                .build();
    }
}
