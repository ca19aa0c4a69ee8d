package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class BulkOperationRequestSerializerTest {

    private final BulkOperationRequestSerializer serializer = new BulkOperationRequestSerializer();

    @Test
    void bufferedRequestsSurviveRoundTrip() throws Exception {
        List<RequestEntryWrapper<BulkOperationRequest>> entries = new ArrayList<>();
        for (BulkOperationRequest request :
                List.of(
                        request("news-2026.01", "id-1", "{\"title\":\"Zinsen steigen\"}"),
                        request("news-2026.01", "记录-2", "{\"title\":\"央行加息\"}"),
                        request("mentions", "x".repeat(70_000), "{}"))) {
            entries.add(new RequestEntryWrapper<>(request, request.sizeInBytes()));
        }
        BufferedRequestState<BulkOperationRequest> state = new BufferedRequestState<>(entries);

        BufferedRequestState<BulkOperationRequest> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(
                        entries.stream().map(RequestEntryWrapper::getRequestEntry).toList());
        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getSize)
                .containsExactlyElementsOf(
                        entries.stream().map(RequestEntryWrapper::getSize).toList());
        assertThat(restored.getStateSize()).isEqualTo(state.getStateSize());
    }

    @Test
    void emptyStateRoundTrips() throws Exception {
        BufferedRequestState<BulkOperationRequest> restored =
                serializer.deserialize(
                        serializer.getVersion(),
                        serializer.serialize(BufferedRequestState.emptyState()));

        assertThat(restored.getBufferedRequestEntries()).isEmpty();
    }

    private static BulkOperationRequest request(String index, String id, String json) {
        return BulkOperationRequest.index(index, id, json.getBytes(StandardCharsets.UTF_8));
    }
}
