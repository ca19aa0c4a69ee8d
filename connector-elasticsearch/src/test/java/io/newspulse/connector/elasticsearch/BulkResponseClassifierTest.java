package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BulkResponseClassifierTest {

    @Test
    void classifiesEveryItemOfARealBulkResponse() {
        List<BulkOperationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            requests.add(request("d" + i));
        }
        BulkResponse response =
                BulkResponse.of(
                        r ->
                                r.took(3)
                                        .errors(true)
                                        .items(
                                                ok("d0", 201),
                                                ok("d1", 200),
                                                failed(
                                                        "d2",
                                                        429,
                                                        "cluster_block_exception",
                                                        "index [x] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block]"),
                                                failed(
                                                        "d3",
                                                        503,
                                                        "unavailable_shards_exception",
                                                        "primary shard is not active"),
                                                failed(
                                                        "d4",
                                                        400,
                                                        "document_parsing_exception",
                                                        "[1:10] mapping set to strict, dynamic introduction of [extra] within [_doc] is not allowed"),
                                                failed(
                                                        "d5",
                                                        400,
                                                        "mapper_parsing_exception",
                                                        "failed to parse field [count] of type [long]"),
                                                failed("d6", 500, "exception", "internal")));

        BulkOutcome outcome = BulkResponseClassifier.classify(requests, response);

        assertThat(outcome.indexed()).isEqualTo(2);
        assertThat(outcome.retryable())
                .extracting(BulkOperationRequest::id)
                .containsExactly("d2", "d3", "d6");
        assertThat(outcome.rejected())
                .extracting(
                        f -> f.request().id(), BulkItemFailure::status, BulkItemFailure::errorType)
                .containsExactly(
                        tuple("d4", 400, "document_parsing_exception"),
                        tuple("d5", 400, "mapper_parsing_exception"));
        assertThat(outcome.rejected().get(0).reason()).contains("mapping set to strict");
    }

    @Test
    void retryableStatuses() {
        assertThat(BulkResponseClassifier.isRetryableStatus(429)).isTrue();
        assertThat(BulkResponseClassifier.isRetryableStatus(500)).isTrue();
        assertThat(BulkResponseClassifier.isRetryableStatus(502)).isTrue();
        assertThat(BulkResponseClassifier.isRetryableStatus(503)).isTrue();
        assertThat(BulkResponseClassifier.isRetryableStatus(400)).isFalse();
        assertThat(BulkResponseClassifier.isRetryableStatus(404)).isFalse();
        assertThat(BulkResponseClassifier.isRetryableStatus(409)).isFalse();
    }

    @Test
    void mismatchedItemCountIsAnError() {
        BulkResponse response = BulkResponse.of(r -> r.took(1).errors(false).items(ok("d0", 201)));

        assertThatThrownBy(
                        () ->
                                BulkResponseClassifier.classify(
                                        List.of(request("d0"), request("d1")), response))
                .isInstanceOf(ElasticsearchSinkException.class);
    }

    @Test
    void wholeRequestFailures() {
        assertThat(
                        BulkResponseClassifier.isRetryableRequestFailure(
                                new ConnectException("refused")))
                .isTrue();
        assertThat(
                        BulkResponseClassifier.isRetryableRequestFailure(
                                new CompletionException(new SocketTimeoutException("slow"))))
                .isTrue();
        assertThat(BulkResponseClassifier.isRetryableRequestFailure(esException(503))).isTrue();
        assertThat(BulkResponseClassifier.isRetryableRequestFailure(esException(429))).isTrue();
        assertThat(BulkResponseClassifier.isRetryableRequestFailure(esException(401))).isFalse();
        assertThat(BulkResponseClassifier.isRetryableRequestFailure(esException(400))).isFalse();
        assertThat(BulkResponseClassifier.isRetryableRequestFailure(new IllegalStateException()))
                .isFalse();
        assertThat(BulkResponseClassifier.isRetryableRequestFailure(new IOException("reset")))
                .isTrue();
    }

    private static ElasticsearchException esException(int status) {
        return new ElasticsearchException(
                "bulk",
                ErrorResponse.of(
                        e -> e.status(status).error(c -> c.type("some_exception").reason("r"))));
    }

    private static BulkResponseItem ok(String id, int status) {
        return BulkResponseItem.of(
                i ->
                        i.operationType(OperationType.Index)
                                .index("news")
                                .id(id)
                                .status(status)
                                .result(status == 201 ? "created" : "updated"));
    }

    private static BulkResponseItem failed(String id, int status, String type, String reason) {
        return BulkResponseItem.of(
                i ->
                        i.operationType(OperationType.Index)
                                .index("news")
                                .id(id)
                                .status(status)
                                .error(e -> e.type(type).reason(reason)));
    }

    private static BulkOperationRequest request(String id) {
        return BulkOperationRequest.index(
                "news", id, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
