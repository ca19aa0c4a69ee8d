package io.newspulse.cli.setup;

import io.newspulse.common.config.NewspulseConfig;
import java.util.List;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;

/** Low-level REST clients for administration (templates, setup, counts). */
public final class EsClients {
    private EsClients() {}

    /** A REST client for the configured hosts and credentials; the caller closes it. */
    public static RestClient restClient(NewspulseConfig.Elasticsearch es) {
        return restClient(es.hosts(), es.username(), es.password());
    }

    /** A REST client for {@code hosts} with optional basic auth; the caller closes it. */
    public static RestClient restClient(List<String> hosts, String username, String password) {
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
                            return http;
                        })
                .build();
    }
}
