package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.connector.base.sink.AsyncSinkBaseBuilder;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkBuilderTest {

    private static final JsonDocumentConverter<String> CONVERTER =
            JsonDocumentConverter.toIndex("news", s -> s);

    @Test
    void buildsASerializableSink() throws Exception {
        ElasticsearchSink<String> sink =
                ElasticsearchSink.<String>builder()
                        .setHosts("http://127.0.0.1:9200", "https://es.example:443")
                        .setBasicAuth("writer", "secret")
                        .setConnectionTimeout(Duration.ofSeconds(2))
                        .setSocketTimeout(Duration.ofSeconds(20))
                        .setElementConverter(CONVERTER)
                        .setMaxBatchSize(10)
                        .setMaxBatchSizeInBytes(1024 * 1024)
                        .setMaxTimeInBuffer(Duration.ofMillis(200))
                        .setMaxInFlightRequests(1)
                        .setMaxBufferedRequests(100)
                        .setRetryBackoff(Duration.ofMillis(10), Duration.ofSeconds(1))
                        .build();

        assertThat(InstantiationUtil.clone(sink, getClass().getClassLoader())).isNotNull();
        assertThat(sink.getWriterStateSerializer())
                .isInstanceOf(BulkOperationRequestSerializer.class);
    }

    @Test
    void requiresHostsAndConverter() {
        assertThatThrownBy(
                        () ->
                                ElasticsearchSink.<String>builder()
                                        .setElementConverter(CONVERTER)
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setHosts");
        assertThatThrownBy(
                        () -> ElasticsearchSink.<String>builder().setHosts("http://h:9200").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setElementConverter");
    }

    @Test
    void checksArguments() {
        ElasticsearchSinkBuilder<String> builder = ElasticsearchSink.builder();

        assertThatThrownBy(() -> builder.setHosts("localhost:9200"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> builder.setHosts("http://localhost"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.setBasicAuth("user", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.setMaxBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.setMaxBatchSizeInBytes(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.setSocketTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> builder.setRetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                builder.setHosts("http://h:9200")
                                        .setElementConverter(CONVERTER)
                                        .setMaxBatchSize(100)
                                        .setMaxBufferedRequests(10)
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxBufferedRequests");
    }

    @Test
    void usesTheBaseBuilderSettersWithCheckedArguments() {
        AsyncSinkBaseBuilder<String, BulkOperationRequest, ElasticsearchSinkBuilder<String>> base =
                ElasticsearchSink.<String>builder()
                        .setHosts("http://h:9200")
                        .setElementConverter(CONVERTER);

        ElasticsearchSink<String> sink =
                base.setMaxBatchSize(5)
                        .setMaxBufferedRequests(50)
                        .setMaxInFlightRequests(3)
                        .setMaxBatchSizeInBytes(2048)
                        .setMaxRecordSizeInBytes(1024)
                        .setMaxTimeInBufferMS(250)
                        .build();

        assertThat(sink).isNotNull();
        assertThatThrownBy(() -> base.setMaxTimeInBufferMS(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTimeInBuffer");
        assertThatThrownBy(() -> base.setMaxRecordSizeInBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRecordSizeInBytes");
        assertThatThrownBy(() -> base.setMaxInFlightRequests(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                base.setMaxBatchSizeInBytes(1024)
                                        .setMaxRecordSizeInBytes(4096)
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxRecordSizeInBytes");
    }

    @Test
    void defaultHandlerFailsNamingIndexIdAndReason() {
        BulkItemFailure failure =
                new BulkItemFailure(
                        BulkOperationRequest.index(
                                "news", "a1", "{}".getBytes(StandardCharsets.UTF_8)),
                        400,
                        "document_parsing_exception",
                        "strict mapping");

        assertThatThrownBy(() -> new FailJobOnBulkItemFailure().onFailure(failure))
                .isInstanceOf(ElasticsearchSinkException.class)
                .hasMessageContaining("index=news")
                .hasMessageContaining("id=a1")
                .hasMessageContaining("status=400")
                .hasMessageContaining("strict mapping");
    }
}
