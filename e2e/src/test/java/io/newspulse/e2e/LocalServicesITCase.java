package io.newspulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newspulse.e2e.testing.SharedServices;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalElasticsearchOptions;
import io.newspulse.local.LocalKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The local servers against themselves: a real broker and real Elasticsearch nodes, no mocks. */
class LocalServicesITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** A second node, with security on, started by the tests that need it. */
    private static LocalElasticsearch securedNode;

    @AfterAll
    static void stopSecuredNode() {
        if (securedNode != null) {
            securedNode.close();
        }
    }

    @Test
    void producesAndConsumesOnAFreshTopic() throws Exception {
        LocalKafka kafka = SharedServices.kafka();
        String topic = SharedServices.uniqueName("local-services");
        kafka.createTopics(2, topic);
        kafka.createTopics(2, topic); // Idempotent.

        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "headline " + i).toList();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(SharedServices.producerProperties())) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>(topic, value, value));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> read =
                SharedServices.readAll(topic, sent.size(), DEADLINE);
        assertThat(read)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(SharedServices.partitionCount(topic)).isEqualTo(2);
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
    }

    @Test
    void kafkaListensOnARequestedPort() throws Exception {
        int port = LocalElasticsearch.freePort();
        try (LocalKafka kafka = LocalKafka.start(port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            kafka.createTopics(1, SharedServices.uniqueName("fixed-port"));
        }
    }

    @Test
    void indexesAndSearchesADocument() throws Exception {
        ElasticsearchClient client = SharedServices.elasticsearchClient();
        String index = SharedServices.uniqueName("local-services");

        client.index(
                i ->
                        i.index(index)
                                .id("acme-1")
                                .document(new Headline("Acme agrees to buy Widget Corp", "ACME"))
                                .refresh(Refresh.True));

        SearchResponse<Headline> response =
                client.search(
                        s ->
                                s.index(index)
                                        .query(
                                                q ->
                                                        q.match(
                                                                m ->
                                                                        m.field("headline")
                                                                                .query("widget"))),
                        Headline.class);
        assertThat(response.hits().hits())
                .extracting(Hit::id, Hit::source)
                .containsExactly(
                        tuple("acme-1", new Headline("Acme agrees to buy Widget Corp", "ACME")));
    }

    @Test
    void aSecondStartReusesTheUnpackedInstall() throws Exception {
        LocalElasticsearch shared = SharedServices.elasticsearch();
        LocalElasticsearch second = securedNode();

        assertThat(second.freshlyUnpacked()).isFalse();
        assertThat(second.installDir()).isEqualTo(shared.installDir());
        assertThat(second.nodeDir()).isNotEqualTo(shared.nodeDir());
        assertThat(second.port()).isNotEqualTo(shared.port());
    }

    @Test
    void securedNodeRejectsAnonymousAndAcceptsBasicAuth() throws Exception {
        LocalElasticsearch node = securedNode();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create(node.url() + "/_cluster/health");

        HttpResponse<String> anonymous =
                http.send(
                        HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> authenticated =
                http.send(
                        HttpRequest.newBuilder(health)
                                .header("Authorization", node.basicAuthHeader().orElseThrow())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(authenticated.statusCode()).isEqualTo(200);
        try (ElasticsearchClient client = SharedServices.newElasticsearchClient(node)) {
            assertThat(client.cluster().health().numberOfNodes()).isEqualTo(1);
        }
    }

    /** The shared node must exist first, so this start finds the install already unpacked. */
    private static synchronized LocalElasticsearch securedNode() throws IOException {
        if (securedNode == null) {
            SharedServices.elasticsearch();
            securedNode =
                    LocalElasticsearch.start(
                            LocalElasticsearchOptions.builder()
                                    .security("newspulse-admin", "local-secret-1")
                                    .build());
        }
        return securedNode;
    }

    /** A document as the pipeline would index it (trimmed). */
    record Headline(String headline, String ticker) {}
}
