package io.newspulse.connector.elasticsearch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Turns an element into an {@code index} bulk operation: the element (a record, POJO or {@code
 * Map}) is serialised to JSON with Jackson, dates as ISO-8601 strings; index name and document id
 * come from the given functions.
 *
 * <p>The id function must be deterministic (for example the article's content hash, or key plus
 * window end) so that replays overwrite.
 *
 * @param <T> the element type
 */
public final class JsonDocumentConverter<T> implements ElementConverter<T, BulkOperationRequest> {

    private static final long serialVersionUID = 1L;

    private final SerializableFunction<T, String> indexName;
    private final SerializableFunction<T, String> documentId;

    private transient ObjectMapper mapper;

    /**
     * @param indexName picks the index for an element (for example a monthly index)
     * @param documentId derives the deterministic document id of an element
     */
    public JsonDocumentConverter(
            SerializableFunction<T, String> indexName, SerializableFunction<T, String> documentId) {
        this.indexName = requireNonNull(indexName, "indexName");
        this.documentId = requireNonNull(documentId, "documentId");
    }

    /** A converter writing every element to the one index {@code index}. */
    public static <T> JsonDocumentConverter<T> toIndex(
            String index, SerializableFunction<T, String> documentId) {
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("index must not be null or blank");
        }
        return new JsonDocumentConverter<>(element -> index, documentId);
    }

    @Override
    public BulkOperationRequest apply(T element, SinkWriter.Context context) {
        String index = indexName.apply(element);
        String id = documentId.apply(element);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("No document id for element " + element);
        }
        try {
            return BulkOperationRequest.of(
                    BulkOperationRequest.OpType.INDEX,
                    index,
                    id,
                    mapper().writeValueAsBytes(element));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot serialise document " + id + " for index " + index, e);
        }
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper =
                    new ObjectMapper()
                            .registerModule(new JavaTimeModule())
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        }
        return mapper;
    }
}
